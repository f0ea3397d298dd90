using System;
using System.IO;
using System.Linq;
using Latent.Properties.Laws;
using Latent.Spec;
using Xunit;

namespace Latent.Properties.Trace;

/// <summary><c>docs/trace.md</c> is what the sources of truth say now, and it covers every declaration and every law row.</summary>
public class TraceTests
{
    private static string PagePath => Path.Combine(Support.Repository.Root, "docs", "trace.md");

    [Fact]
    public void The_trace_page_is_what_a_fresh_run_generates()
    {
        string fresh = TraceDocument.Markdown();
        string? inPage = TraceDocument.InPage(File.ReadAllText(PagePath));
        if (inPage != fresh && Environment.GetEnvironmentVariable("LATENT_WRITE_DOCS") == "1" && inPage is not null)
        {
            string temporary = PagePath + ".tmp";
            File.WriteAllText(temporary, File.ReadAllText(PagePath).Replace(inPage, fresh, StringComparison.Ordinal));
            File.Move(temporary, PagePath, overwrite: true);
            inPage = fresh;
        }

        Assert.True(inPage == fresh, $"docs/trace.md is not what the sources say now; regenerate it (its generated block's first line says how). Fresh block:\n{fresh}");
    }

    [Fact]
    public void The_trace_has_one_row_per_declaration_and_every_law_row()
    {
        string block = TraceDocument.Markdown();
        string[] rows = [.. block.Split('\n').Where(l => l.StartsWith("| `Generative.Latent.", StringComparison.Ordinal))];
        string[] declarations = [.. SpecModule.Mirrored.DefinitionNames.Where(n => n.StartsWith("Generative.Latent.", StringComparison.Ordinal)), "Generative.Latent.Codebook"];
        Assert.Equal(declarations.Order(StringComparer.Ordinal), rows.Select(r => r.Split('`')[1]).Order(StringComparer.Ordinal));
        foreach (LawsTableTests.Row law in LawsTableTests.LawsPage.Value.Laws)
        {
            Assert.Contains($"`{law.Name}`:", block, StringComparison.Ordinal);
        }
    }
}

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Latent.Ieee;
using Latent.Oracles;
using Latent.Oracles.Differential;
using Xunit;

namespace Latent.Properties.Differential;

/// <summary>
/// Differential testing at volume, on every CI run: 100,000 seeded cases per definition and format through the C# mirror
/// (spec), the Lean text evaluated by the spec evaluator (with the same arithmetic, and with a correctly rounded
/// <c>exp</c>: spec-cr) and exact. The mirror must equal the text bit for bit (NaN as a class) on every element; spec must
/// equal spec-cr except where the platform <c>exp</c> was not correctly rounded, and there differ by no more than those
/// discrepancies explain. The same run regenerates the measured tables of
/// <c>docs/accuracy.md</c>, which must be current.
/// </summary>
public class DifferentialVolumeTests
{
    /// <summary>The documented run: <c>latent drt</c> with its defaults.</summary>
    public const long Cases = 100_000;

    /// <summary>The documented seed (the default of <c>latent drt --seed</c>).</summary>
    public const ulong Seed = 20261125;

    private static readonly Lazy<IReadOnlyList<DrtStats>> Runs = new(() =>
    [
        .. Definitions.All.SelectMany(d => new[]
        {
            DrtRunner.Run<double, Binary64>(d, Seed, Cases),
            DrtRunner.Run<float, Binary32>(d, Seed, Cases),
        }),
    ]);

    public static TheoryData<Definition, string> DefinitionsAndFormats()
    {
        var data = new TheoryData<Definition, string>();
        foreach (Definition d in Definitions.All)
        {
            data.Add(d, "f64");
            data.Add(d, "f32");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(DefinitionsAndFormats))]
    public void The_mirror_equals_the_lean_text_and_differs_from_spec_cr_only_as_exp_explains(Definition definition, string format)
    {
        DrtStats run = Runs.Value.Single(r => r.Definition == definition && r.Format == format);
        Assert.Equal(Cases, run.Cases);
        Assert.True(
            run.Failures == 0,
            $"{run.Failures} failures; first: " + string.Join("; ", run.Counterexamples.Take(3).Select(c => $"case {c.CaseIndex}[{c.Element}] {c.Reason}: spec {c.Spec}, spec-cr {c.SpecCr}, bound {c.Bound}")));
        Assert.Equal(run.Elements, run.MirrorMatchesText);
        Assert.Equal(run.Elements, run.IdenticalSpecCr + run.ExplainedDifferences);
    }

    [Fact]
    public void The_definitions_that_call_exp_meet_platform_exp_discrepancies_and_explain_them()
    {
        // Without a discrepancy the explained-difference path would go untested: the volume must reach it.
        foreach (DrtStats run in Runs.Value.Where(r => r.Definition is Definition.ExpTensor or Definition.ReparameterizeDiag))
        {
            Assert.True(run.ExpDiscrepancies > 0, $"{run.Definition} {run.Format}: no exp discrepancy met");
            Assert.True(run.ExplainedDifferences > 0, $"{run.Definition} {run.Format}: no explained difference met");
        }
    }

    private static readonly Lazy<IReadOnlyList<(string Format, IReadOnlyList<KlSweepBand> Bands)>> Sweeps = new(() => DrtReport.StandardSweeps(["f64", "f32"], Seed));

    private static IReadOnlyList<PlotData> Plots => AccuracyPlots.For("accuracy", Runs.Value, Sweeps.Value);

    [Fact]
    public void Accuracy_doc_holds_the_tables_this_run_measures()
    {
        string expected = DrtReport.Markdown(Runs.Value, Seed, Cases, Platform.Summary, Sweeps.Value, Plots);
        string doc = File.ReadAllText(Path.Combine(Latent.Properties.Support.Repository.Root, "docs", "accuracy.md"));
        string? block = DrtReport.GeneratedBlock(doc);
        Assert.True(
            block == expected,
            "docs/accuracy.md is not what `latent drt` measures here; regenerate it with "
            + "`dotnet run --project src/Latent.Cli -c Release -- drt --markdown docs/accuracy.md` (measured on "
            + Platform.Summary + ").");
    }

    /// <summary>
    /// The plots next to <c>docs/accuracy.md</c> are checked by their data, not their pixels (fonts and the renderer may draw a
    /// pixel differently elsewhere): each PNG must carry, in its <c>tEXt</c> chunk, exactly the data this run measures.
    /// </summary>
    [Fact]
    public void Accuracy_plots_carry_the_data_this_run_measures()
    {
        Assert.Equal(3, Plots.Count); // ULP histograms in f64 and f32, and the KL sweep
        foreach (PlotData plot in Plots)
        {
            string path = Path.Combine(Latent.Properties.Support.Repository.Root, "docs", plot.FileName);
            Assert.True(File.Exists(path), $"docs/{plot.FileName} is missing; regenerate with `latent drt --markdown docs/accuracy.md`");
            byte[] png = File.ReadAllBytes(path);
            Assert.True(PngText.TryReadSize(png, out int width, out int height) && width > 0 && height > 0, $"docs/{plot.FileName} is not a PNG");
            Assert.True(
                PngText.Read(png, PngText.PlotDataKeyword) is [string data] && data == AccuracyPlots.Json(plot),
                $"docs/{plot.FileName} was not drawn from what `latent drt` measures here; regenerate it with `latent drt --markdown docs/accuracy.md`.");
        }
    }
}

using System;
using System.IO;
using System.Text.Json;
using Latent.Cli.Tests.Support;
using Xunit;

namespace Latent.Cli.Tests;

/// <summary><c>latent drt</c>: a report on stdout, counterexamples in a file, exit 0 when every check passes.</summary>
public sealed class DrtCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("latent-drt-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void A_small_run_reports_each_format_writes_an_empty_counterexample_list_and_exits_0()
    {
        string counterexamples = Path.Combine(_folder, "cx.json");
        Tool.Result r = Tool.Run("drt", "--cases", "300", "--definition", "reparameterizeDiag", "--counterexamples", counterexamples);
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("| reparameterizeDiag | f64 | 300 |", r.Stdout, StringComparison.Ordinal);
        Assert.Contains("| reparameterizeDiag | f32 | 300 |", r.Stdout, StringComparison.Ordinal);
        Assert.Contains("drt: 600 cases", r.Stdout, StringComparison.Ordinal);
        using JsonDocument doc = JsonDocument.Parse(File.ReadAllText(counterexamples));
        Assert.Equal(0, doc.RootElement.GetArrayLength());
        Assert.Empty(Directory.GetFiles(_folder, "*.tmp"));
    }

    [Theory]
    [InlineData("f16")]
    [InlineData("bf16")]
    public void The_narrow_formats_run_every_check_and_pass(string format)
    {
        Tool.Result r = Tool.Run("drt", "--cases", "300", "--format", format);
        Assert.True(r.ExitCode == 0, r.ToString());
        foreach (string definition in new[] { "expTensor", "halfTensor", "reparameterizeDiag", "diagonalGaussianKlToStandard", "quantizeAt" })
        {
            Assert.Contains($"| {definition} | {format} | 300 |", r.Stdout, StringComparison.Ordinal);
        }

        Assert.Matches(@"drt: 1500 cases, \d+ elements, 0 failures", r.StdoutLines[^1]);
    }

    [Fact]
    public void The_same_seed_gives_the_same_report()
    {
        string[] args = ["drt", "--cases", "200", "--format", "f32", "--definition", "expTensor", "--seed", "5", "--counterexamples", Path.Combine(_folder, "a.json")];
        Assert.Equal(Tool.Run(args).Stdout, Tool.Run(args).Stdout);
    }

    [Fact]
    public void Markdown_replaces_only_the_generated_block_of_an_existing_document()
    {
        string doc = Path.Combine(_folder, "accuracy.md");
        File.WriteAllText(doc, "# Title\n\nprose before\n\n<!-- latent drt: generated block, do not edit by hand -->\nold\n<!-- latent drt: end of generated block -->\n\nprose after\n");
        Tool.Result r = Tool.Run("drt", "--cases", "100", "--definition", "halfTensor", "--format", "f64", "--markdown", doc, "--counterexamples", Path.Combine(_folder, "cx.json"));
        Assert.Equal(0, r.ExitCode);
        string text = File.ReadAllText(doc);
        Assert.StartsWith("# Title\n\nprose before\n\n<!-- latent drt: generated block", text, StringComparison.Ordinal);
        Assert.EndsWith("<!-- latent drt: end of generated block -->\n\nprose after\n", text, StringComparison.Ordinal);
        Assert.Contains("| halfTensor | f64 | 100 |", text, StringComparison.Ordinal);
        Assert.DoesNotContain("old", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Markdown_writes_the_plots_next_to_the_document_with_their_data_and_the_same_bytes_each_time()
    {
        string doc = Path.Combine(_folder, "acc.md");
        string[] args = ["drt", "--cases", "50", "--definition", "diagonalGaussianKlToStandard", "--format", "f32", "--markdown", doc];
        Assert.Equal(0, Tool.Run(args).ExitCode);
        string text = File.ReadAllText(doc);
        var first = new System.Collections.Generic.Dictionary<string, byte[]>();
        foreach (string name in new[] { "acc-ulps-f32.png", "acc-kl-sweep.png" })
        {
            Assert.Contains($"]({name})", text, StringComparison.Ordinal);
            byte[] png = File.ReadAllBytes(Path.Combine(_folder, name));
            Assert.True(Latent.Oracles.Differential.PngText.TryReadSize(png, out int width, out int height) && width == 1100 && height == 520, name);
            string data = Assert.Single(Latent.Oracles.Differential.PngText.Read(png, Latent.Oracles.Differential.PngText.PlotDataKeyword));
            using JsonDocument json = JsonDocument.Parse(data);
            Assert.Equal(name, json.RootElement.GetProperty("file").GetString());
            Assert.NotEqual(0, json.RootElement.GetProperty("series").GetArrayLength());
            first[name] = png;
        }

        Assert.Equal(0, Tool.Run(args).ExitCode);
        foreach ((string name, byte[] png) in first)
        {
            Assert.Equal(png, File.ReadAllBytes(Path.Combine(_folder, name)));
        }
    }

    [Theory]
    [InlineData(new[] { "drt", "--cases", "0" }, "--cases 0 is out of range: expected 1 to 1000000000000")]
    [InlineData(new[] { "drt", "--cases", "10^12" }, "--cases '10^12' is not a whole number")]
    [InlineData(new[] { "drt", "--cases", "1e6" }, "--cases '1e6' is not a whole number")]
    [InlineData(new[] { "drt", "--cases", "99999999999999999999" }, "out of range")]
    [InlineData(new[] { "drt", "--seed", "0x1FFFFFFFFFFFFFFFF" }, "--seed '0x1FFFFFFFFFFFFFFFF' is out of range")]
    [InlineData(new[] { "drt", "--seed", "0xZZ" }, "--seed '0xZZ' is not a seed: expected a decimal or 0x-prefixed hex integer")]
    [InlineData(new[] { "drt", "--definition", "nope" }, "unknown definition 'nope'")]
    [InlineData(new[] { "drt", "--format", "f8" }, "f8")]
    [InlineData(new[] { "drt", "--seed", "-1" }, "-1")]
    public void Bad_input_prints_one_line_and_exits_2(string[] args, string expected)
    {
        Tool.Result r = Tool.Run(args);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains(expected, Assert.Single(r.StderrLines), StringComparison.Ordinal);
    }
}

using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Numerics;
using Latent.Cli.Text;
using Latent.Golden.Writing;
using Latent.Ieee;
using Latent.Oracles;
using Latent.Oracles.Differential;

namespace Latent.Cli.Drt;

/// <summary>
/// <c>latent drt</c>: differential testing at any volume. For each definition and format it runs seeded cases through the
/// mirror (spec), the mirror with correctly rounded primitives (spec-cr) and the exact oracle, checks that spec and
/// spec-cr differ only where and as much as the platform <c>exp</c> explains, and reports ULP distances to exact.
/// </summary>
internal static class DrtCommand
{
    public const ulong DefaultSeed = 20261125;

    public const long DefaultCases = 100_000;

    /// <summary>A trillion cases: about a year and a half on two cores, so anything larger is a typo.</summary>
    public const long MaxCases = 1_000_000_000_000;

    public static Command Create()
    {
        var cases = new Option<string?>("--cases") { Description = $"Cases per definition and format: 1 to {MaxCases}. Default: {DefaultCases}.", HelpName = "N" };
        var seed = new Option<string?>("--seed") { Description = "Seed of the case generator (SplitMix64): " + SeedOption.Help + "; the same seed gives the same cases on any machine. Default: " + DefaultSeed + ".", HelpName = "S" };
        var definition = new Option<string?>("--definition") { Description = "Only this definition (Lean name). Default: all five.", HelpName = "NAME" };
        var format = new Option<string?>("--format") { Description = "Only this format: f64, f32, f16 or bf16. Default: f64 and f32.", HelpName = "F" };
        format.AcceptOnlyFromAmong([.. BinaryFormats.Names]);
        var counterexamples = new Option<string?>("--counterexamples")
        {
            Description = "Also write the failing cases to this file (a JSON array, empty when all pass). Default: no file.",
            HelpName = "FILE",
        };
        var markdown = new Option<string?>("--markdown")
        {
            Description = "Also write the report as markdown to this file; if the file already holds a generated block, replace only that block (e.g. docs/accuracy.md). The plots go next to it as STEM-ulps-FORMAT.png and STEM-kl-sweep.png.",
            HelpName = "FILE",
        };

        var command = new Command(
            "drt",
            "Differential testing: spec against spec-cr (explained by exp) and both against exact, with ULP histograms. Writes the report to standard output and a file only when asked.\n"
            + "Exit codes: 0 every check passes; 1 some check fails; 2 bad input (bad option, an output file whose folder does not exist), before any case runs; 70 internal error.")
        {
            cases, seed, definition, format, counterexamples, markdown,
        };
        command.SetAction(result => Run(
            result.GetValue(cases) is { } n ? CountText.Parse("--cases", n, 1, MaxCases) : DefaultCases,
            SeedOption.Parse(result.GetValue(seed), DefaultSeed),
            result.GetValue(definition),
            result.GetValue(format),
            result.GetValue(counterexamples),
            result.GetValue(markdown),
            result.InvocationConfiguration.Output,
            result.InvocationConfiguration.Error));
        return command;
    }

    private static int Run(long cases, ulong seed, string? definitionName, string? format, string? counterexamplesPath, string? markdownPath, TextWriter stdout, TextWriter stderr)
    {
        OutputPath.Check("--counterexamples", counterexamplesPath);
        OutputPath.Check("--markdown", markdownPath);

        // A document whose generated block is to be replaced is read now: a bad one fails before the run, not after.
        string? existing = markdownPath is not null && File.Exists(markdownPath) ? ReadMarkdown(markdownPath) : null;

        IReadOnlyList<Definition> definitions = definitionName is null
            ? Definitions.All
            : [Definitions.Find(definitionName) ?? throw new UsageException($"unknown definition '{definitionName}'; expected one of {string.Join(", ", Definitions.All.Select(d => d.LeanName()))}")];
        string[] formats = format is null ? ["f64", "f32"] : [format];

        var runs = new List<DrtStats>();
        foreach (Definition d in definitions)
        {
            foreach (string f in formats)
            {
                var progress = ConsoleProgress.Create(stderr, $"drt {d.LeanName()} {f}", cases);
                runs.Add(BinaryFormats.Visit(f, new FormatRun(d, seed, cases, progress)));
                progress.Done();
            }
        }

        var sweeps = definitions.Contains(Definition.DiagonalGaussianKlToStandard) ? DrtReport.StandardSweeps(formats, seed) : [];
        IReadOnlyList<PlotData> plots = markdownPath is null ? [] : AccuracyPlots.For(Path.GetFileNameWithoutExtension(markdownPath), runs, sweeps);
        string report = DrtReport.Markdown(runs, seed, cases, Platform.Summary, sweeps, plots);
        stdout.Write(report);
        if (counterexamplesPath is not null)
        {
            AtomicFile.Write(counterexamplesPath, DrtReport.CounterexamplesJson(runs, seed));
        }

        if (markdownPath is not null)
        {
            string? block = existing is null ? null : DrtReport.GeneratedBlock(existing);
            string document = block is null ? report : existing!.Replace(block, report, StringComparison.Ordinal);
            AtomicFile.Write(markdownPath, System.Text.Encoding.UTF8.GetBytes(document));

            // The PNGs next to the markdown, which the block references by file name.
            string folder = Path.GetDirectoryName(Path.GetFullPath(markdownPath))!;
            foreach (PlotData plot in plots)
            {
                AtomicFile.Write(Path.Combine(folder, plot.FileName), PlotRenderer.Render(plot));
            }
        }

        long failures = runs.Sum(r => r.Failures);
        long elements = runs.Sum(r => r.Elements);
        string where = counterexamplesPath is null ? "" : $"; counterexamples in {counterexamplesPath}";
        stdout.WriteLine($"drt: {runs.Sum(r => r.Cases)} cases, {elements} elements, {failures} failures{where}");
        return failures == 0 ? ExitCodes.Success : ExitCodes.CheckFailed;
    }

    /// <summary>A document to update is read like every input: bounded (docs are small), and it must be UTF-8 text.</summary>
    private static string ReadMarkdown(string path)
    {
        try
        {
            return new System.Text.UTF8Encoding(false, throwOnInvalidBytes: true).GetString(Latent.Golden.Reading.BoundedInput.Read(path, MaxMarkdownBytes));
        }
        catch (Latent.Golden.Conformance.InputErrorException e)
        {
            throw new UsageException("--markdown " + e.Message, e);
        }
        catch (System.Text.DecoderFallbackException e)
        {
            throw new UsageException($"--markdown {Latent.Golden.Reading.SafeText.Escape(path)}: not UTF-8 text", e);
        }
    }

    private const long MaxMarkdownBytes = 16L << 20;

    private readonly struct FormatRun(Definition definition, ulong seed, long cases, IProgress<long> progress) : IFormatVisitor<DrtStats>
    {
        public DrtStats Visit<T, TFormat>()
            where T : IBinaryFloatingPointIeee754<T>
            where TFormat : IBinaryFormat<T> => DrtRunner.Run<T, TFormat>(definition, seed, cases, progress);
    }
}

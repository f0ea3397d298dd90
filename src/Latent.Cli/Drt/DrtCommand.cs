using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Numerics;
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

    public static Command Create()
    {
        var cases = new Option<long>("--cases") { Description = "Cases per definition and format.", DefaultValueFactory = _ => DefaultCases };
        var seed = new Option<ulong>("--seed") { Description = "Seed of the case generator (SplitMix64); the same seed gives the same cases on any machine.", DefaultValueFactory = _ => DefaultSeed };
        var definition = new Option<string?>("--definition") { Description = "Only this definition (Lean name). Default: all five." };
        var format = new Option<string?>("--format") { Description = "Only this format: f64 or f32. Default: both." };
        format.AcceptOnlyFromAmong("f64", "f32");
        var counterexamples = new Option<string>("--counterexamples")
        {
            Description = "Where to write the failing cases (a JSON array, empty when all pass).",
            DefaultValueFactory = _ => "drt-counterexamples.json",
        };
        var markdown = new Option<string?>("--markdown")
        {
            Description = "Also write the report as markdown to this file; if the file already holds a generated block, replace only that block (e.g. docs/accuracy.md).",
        };

        var command = new Command("drt", "Differential testing: spec against spec-cr (explained by exp) and both against exact, with ULP histograms.")
        {
            cases, seed, definition, format, counterexamples, markdown,
        };
        command.SetAction(result => Run(
            result.GetRequiredValue(cases),
            result.GetRequiredValue(seed),
            result.GetValue(definition),
            result.GetValue(format),
            result.GetRequiredValue(counterexamples),
            result.GetValue(markdown),
            result.InvocationConfiguration.Output,
            result.InvocationConfiguration.Error));
        return command;
    }

    private static int Run(long cases, ulong seed, string? definitionName, string? format, string counterexamplesPath, string? markdownPath, TextWriter stdout, TextWriter stderr)
    {
        if (cases < 1)
        {
            throw new UsageException($"--cases must be at least 1, not {cases}");
        }

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
                runs.Add(f == "f64" ? Run<double, Binary64>(d, seed, cases, progress) : Run<float, Binary32>(d, seed, cases, progress));
                progress.Done();
            }
        }

        var sweeps = definitions.Contains(Definition.DiagonalGaussianKlToStandard) ? DrtReport.StandardSweeps(formats, seed) : [];
        string report = DrtReport.Markdown(runs, seed, cases, Platform.Summary, sweeps);
        stdout.Write(report);
        AtomicFile.Write(counterexamplesPath, DrtReport.CounterexamplesJson(runs, seed));
        if (markdownPath is not null)
        {
            string? existing = File.Exists(markdownPath) ? File.ReadAllText(markdownPath) : null;
            string? block = existing is null ? null : DrtReport.GeneratedBlock(existing);
            string document = block is null ? report : existing!.Replace(block, report, StringComparison.Ordinal);
            AtomicFile.Write(markdownPath, System.Text.Encoding.UTF8.GetBytes(document));
        }

        long failures = runs.Sum(r => r.Failures);
        long elements = runs.Sum(r => r.Elements);
        stdout.WriteLine($"drt: {runs.Sum(r => r.Cases)} cases, {elements} elements, {failures} failures; counterexamples in {counterexamplesPath}");
        return failures == 0 ? ExitCodes.Success : ExitCodes.CheckFailed;
    }

    private static DrtStats Run<T, TFormat>(Definition definition, ulong seed, long cases, IProgress<long> progress)
        where T : IBinaryFloatingPointIeee754<T>
        where TFormat : IBinaryFormat<T> =>
        DrtRunner.Run<T, TFormat>(definition, seed, cases, progress);
}

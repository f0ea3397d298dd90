using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;

namespace Latent.Oracles.Differential;

/// <summary>Renders differential-testing results: markdown tables for people and docs, JSON for counterexamples.</summary>
public static class DrtReport
{
    /// <summary>The line that opens a generated block in a markdown document.</summary>
    public const string BeginMarker = "<!-- latent drt: generated block, do not edit by hand -->";

    /// <summary>The line that closes it.</summary>
    public const string EndMarker = "<!-- latent drt: end of generated block -->";

    /// <summary>Markdown tables of <paramref name="runs"/>: summary, ULP histograms and per input class.</summary>
    /// <param name="runs">The measured runs.</param>
    /// <param name="seed">The seed of the cases.</param>
    /// <param name="cases">Cases per definition and format.</param>
    /// <param name="platform">The platform line.</param>
    /// <param name="sweeps">The KL cancellation sweeps, if any.</param>
    /// <param name="plots">The plots written next to the markdown (<see cref="AccuracyPlots"/>), referenced at the end of the block.</param>
    public static string Markdown(IReadOnlyList<DrtStats> runs, ulong seed, long cases, string platform, IReadOnlyList<(string Format, IReadOnlyList<KlSweepBand> Bands)>? sweeps = null, IReadOnlyList<PlotData>? plots = null)
    {
        ArgumentNullException.ThrowIfNull(runs);
        var md = new StringBuilder();
        md.Append(BeginMarker).Append('\n');
        md.Append(Invariant($"Measured by `latent drt --cases {cases} --seed {seed}` on {platform}.\n\n"));
        md.Append("spec is the C# mirror with the platform arithmetic; the Lean text (`spec/`) is evaluated by the spec evaluator with the same arithmetic (\"mirror = Lean text\") and with a correctly rounded `exp` (spec-cr).\n\n");
        md.Append("| definition | format | cases | elements | mirror = Lean text | exp calls | exp not correctly rounded | spec = spec-cr | differences explained by exp | failures | max ulps spec-cr vs exact | max ulps spec vs exact |\n");
        md.Append("|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|\n");
        foreach (DrtStats s in runs)
        {
            md.Append(Invariant($"| {s.Definition.LeanName()} | {s.Format} | {s.Cases} | {s.Elements} | {s.MirrorMatchesText} | {s.ExpCalls} | {s.ExpDiscrepancies} | {s.IdenticalSpecCr} | {s.ExplainedDifferences} | {s.Failures} | {s.SpecCrVsExact.Max} | {s.SpecVsExact.Max} |\n"));
        }

        Histograms(md, runs, "ULP distance of spec-cr from exact (elements)", s => s.SpecCrVsExact);
        Histograms(md, runs, "ULP distance of spec from exact (elements)", s => s.SpecVsExact);
        Histograms(md, runs, "ULP distance of spec from spec-cr (elements)", s => s.SpecVsSpecCr);

        md.Append("\n#### By input class\n\n");
        md.Append("| definition | format | input class | cases | elements | max ulps spec-cr vs exact | max ulps spec vs exact | NaN vs number | negative results |\n");
        md.Append("|---|---|---|--:|--:|--:|--:|--:|--:|\n");
        foreach (DrtStats s in runs)
        {
            foreach ((string name, DrtClassStats c) in s.ByClass)
            {
                md.Append(Invariant($"| {s.Definition.LeanName()} | {s.Format} | {name} | {c.Cases} | {c.Elements} | {c.MaxSpecCrUlps} | {c.MaxSpecUlps} | {c.NaNMismatches} | {c.NegativeResults} |\n"));
            }
        }

        foreach ((string format, IReadOnlyList<KlSweepBand> bands) in sweeps ?? [])
        {
            md.Append(KlCancellationSweep.Markdown(format, bands));
        }

        if (plots is { Count: > 0 })
        {
            md.Append("\n#### Plots\n\nDrawn by `latent drt --markdown` from the tables above (each PNG carries its data in a `tEXt` chunk, which CI compares with a fresh run):\n");
            md.Append(AccuracyPlots.Markdown(plots));
        }

        md.Append(EndMarker).Append('\n');
        return md.ToString();
    }

    /// <summary>The standard KL cancellation sweeps for the given formats (<c>f64</c>, <c>f32</c>).</summary>
    public static IReadOnlyList<(string Format, IReadOnlyList<KlSweepBand> Bands)> StandardSweeps(IEnumerable<string> formats, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(formats);
        var sweeps = new List<(string, IReadOnlyList<KlSweepBand>)>();
        foreach (string format in formats)
        {
            sweeps.Add((format, Latent.Ieee.BinaryFormats.Visit(format, new Sweep(seed))));
        }

        return sweeps;
    }

    private readonly struct Sweep(ulong seed) : Latent.Ieee.IFormatVisitor<IReadOnlyList<KlSweepBand>>
    {
        public IReadOnlyList<KlSweepBand> Visit<T, TFormat>()
            where T : System.Numerics.IBinaryFloatingPointIeee754<T>
            where TFormat : Latent.Ieee.IBinaryFormat<T> => KlCancellationSweep.Standard<T, TFormat>(seed);
    }

    private static void Histograms(StringBuilder md, IReadOnlyList<DrtStats> runs, string title, Func<DrtStats, UlpHistogram> pick)
    {
        md.Append("\n#### ").Append(title).Append("\n\n| definition | format | ");
        md.Append(string.Join(" | ", UlpHistogram.Labels)).Append(" |\n|---|---|");
        md.Append(string.Concat(Enumerable.Repeat("--:|", UlpHistogram.Labels.Count))).Append('\n');
        foreach (DrtStats s in runs)
        {
            md.Append(Invariant($"| {s.Definition.LeanName()} | {s.Format} | "));
            md.Append(string.Join(" | ", pick(s).Counts.Select(c => c.ToString(CultureInfo.InvariantCulture)))).Append(" |\n");
        }
    }

    /// <summary>The generated block of a markdown document (markers included), or null when it has none.</summary>
    public static string? GeneratedBlock(string document)
    {
        ArgumentNullException.ThrowIfNull(document);
        int begin = document.IndexOf(BeginMarker, StringComparison.Ordinal);
        int end = document.IndexOf(EndMarker, StringComparison.Ordinal);
        return begin < 0 || end < begin ? null : document[begin..(end + EndMarker.Length)] + "\n";
    }

    /// <summary>
    /// The counterexamples of <paramref name="runs"/> as a JSON array of objects with the definition, format, seed,
    /// case index, element, reason, input bit patterns, the three results' bit patterns and the explained bound.
    /// </summary>
    public static byte[] CounterexamplesJson(IReadOnlyList<DrtStats> runs, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(runs);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartArray();
            foreach (DrtStats s in runs)
            {
                foreach (DrtCounterexample c in s.Counterexamples)
                {
                    json.WriteStartObject();
                    json.WriteString("definition", s.Definition.LeanName());
                    json.WriteString("format", s.Format);
                    json.WriteNumber("seed", seed);
                    json.WriteNumber("caseIndex", c.CaseIndex);
                    json.WriteNumber("element", c.Element);
                    json.WriteString("reason", c.Reason);
                    json.WriteStartObject("inputs");
                    foreach ((string name, string[] bits) in c.Inputs)
                    {
                        json.WriteStartArray(name);
                        foreach (string b in bits)
                        {
                            json.WriteStringValue(b);
                        }

                        json.WriteEndArray();
                    }

                    json.WriteEndObject();
                    json.WriteString("spec", c.Spec);
                    json.WriteString("specCr", c.SpecCr);
                    json.WriteString("exact", c.Exact);
                    json.WriteString("bound", c.Bound.ToString("R", CultureInfo.InvariantCulture));
                    json.WriteEndObject();
                }
            }

            json.WriteEndArray();
        }

        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

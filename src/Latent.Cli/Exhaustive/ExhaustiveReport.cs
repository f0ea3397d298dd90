using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Numerics;
using System.Text;
using Latent.Ieee;
using Latent.Oracles;

namespace Latent.Cli.Exhaustive;

/// <summary>
/// The report of <c>latent exhaustive</c>: a summary line per slice and format, the misrounded-input lists, and the markdown
/// document (<c>docs/exhaustive.md</c>) with its CI sample table and its binary16 and bfloat16 sections, which tests re-derive
/// from fresh sweeps.
/// </summary>
internal static class ExhaustiveReport
{
    /// <summary>The CI sample: 2^18 consecutive inputs from 1.0f (x in [1, 1.0625)), swept in a few seconds.</summary>
    public static SweepRange SampleRange => new(0x3F800000, 0x3F800000 + (1L << 18), 1);

    public const string SampleHeading = "## CI sample";

    /// <summary>Lists longer than this are not written (the KL slices misround most inputs: the counts and histograms say it).</summary>
    public const int ListFileLimit = 250_000;

    /// <summary>Misrounded inputs of a 16-bit slice listed in the document itself; a longer list is in its file.</summary>
    public const int InlineListLimit = 8;

    /// <summary>The formats a sweep runs in: binary32 (2^32 inputs, the long record) and the two 16-bit formats (2^16 each, rerun in CI).</summary>
    public static IReadOnlyList<string> Formats { get; } = [Binary32.Name, Binary16.Name, BFloat16Format.Name];

    public sealed record SliceResult(ExhaustiveSlice Slice, string Format, SweepRange Range, ExhaustiveRunner.Outcome Outcome, SliceStats? Sample);

    /// <summary>The heading of a 16-bit format's section.</summary>
    public static string FormatHeading(string format) => $"## Every {LongName(format)} input ({format})";

    /// <summary>The heading of a 16-bit slice's histogram.</summary>
    public static string HistogramHeading(string format, string slice) => $"### {format} {slice}";

    /// <summary>The list file of a slice: <c>&lt;slice&gt;.misrounded.txt</c> for binary32, <c>&lt;slice&gt;.&lt;format&gt;.misrounded.txt</c> otherwise.</summary>
    public static string ListFileName(string slice, string format) =>
        format == Binary32.Name ? $"{slice}.misrounded.txt" : $"{slice}.{format}.misrounded.txt";

    public static string SummaryLine(ExhaustiveSlice slice, string format, SweepRange range, ExhaustiveRunner.Outcome outcome)
    {
        ArgumentNullException.ThrowIfNull(slice);
        ArgumentNullException.ThrowIfNull(outcome);
        SliceStats s = outcome.Stats;
        string name = format == Binary32.Name ? slice.Name : $"{slice.Name} {format}";
        return string.Create(CultureInfo.InvariantCulture,
            $"exhaustive {name} {range}: {s.Inputs} inputs, spec misrounds {s.Inputs - s.SpecCorrect} (max {Ulps(s.SpecMaxUlps)} ulps), " +
            $"spec-cr differs from exact on {s.Inputs - s.SpecCrCorrect} (max {Ulps(s.SpecCrMaxUlps)} ulps), sign errors {s.SpecSignErrors}/{s.SpecCrSignErrors}, " +
            $"{outcome.Seconds:F1} s{(outcome.Resumed ? " (resumed)" : string.Empty)}");
    }

    /// <summary>One line per misrounded input: input, spec and exact bit patterns (hex, so that the list stays small and exact).</summary>
    public static void WriteList(string path, ExhaustiveSlice slice, string format, SweepRange range, SliceStats stats)
    {
        if (ListText(slice, format, range, stats) is { } text)
        {
            Latent.Golden.Writing.AtomicFile.Write(path, Encoding.UTF8.GetBytes(text));
        }
    }

    /// <summary>The text of a list file, or null when the list is longer than <see cref="ListFileLimit"/>.</summary>
    public static string? ListText(ExhaustiveSlice slice, string format, SweepRange range, SliceStats stats)
    {
        ArgumentNullException.ThrowIfNull(slice);
        ArgumentNullException.ThrowIfNull(stats);
        if (stats.Inputs - stats.SpecCorrect > ListFileLimit)
        {
            return null;
        }

        int digits = BinaryFormats.BitWidth(format) / 4;
        string hex = "X" + digits.ToString(CultureInfo.InvariantCulture);
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"# {slice.Formula}, inputs {range}: {stats.Inputs - stats.SpecCorrect} inputs where spec (the platform) is not exact\n");
        text.Append(CultureInfo.InvariantCulture, $"# input spec exact ({LongName(format)} bit patterns)\n");
        foreach (uint[] e in stats.SpecMisrounded)
        {
            text.Append(e[0].ToString(hex, CultureInfo.InvariantCulture)).Append(' ')
                .Append(e[1].ToString(hex, CultureInfo.InvariantCulture)).Append(' ')
                .Append(e[2].ToString(hex, CultureInfo.InvariantCulture)).Append('\n');
        }

        return text.ToString();
    }

    public static string Markdown(IReadOnlyList<SliceResult> results, int threads, string command, DateTime date)
    {
        ArgumentNullException.ThrowIfNull(results);
        var md = new StringBuilder();
        void Line(FormattableString s) => md.Append(s.ToString(CultureInfo.InvariantCulture)).Append('\n');
        List<SliceResult> single = results.Where(r => r.Format == Binary32.Name).ToList();
        List<string> narrow = results.Select(r => r.Format).Where(f => f != Binary32.Name).Distinct().ToList();
        Line($"# Exhaustive sweeps");
        Line($"");
        Line($"Generated by `{command}` on {date:yyyy-MM-dd HH:mm} UTC ({Platform.Summary}, {Platform.Runtime}, {threads} threads). Do not edit:");
        Line($"rerun the command. `ExhaustiveDocTests` checks this file's consistency, re-derives the CI sample table and every");
        Line($"binary16 and bfloat16 table and list below from fresh sweeps on every CI run; the full binary32 sweeps are a record of");
        Line($"this run, not rerun in CI.");
        Line($"");
        Line($"Each slice fixes all inputs but one and sweeps that one over a format's bit patterns: all 2^32 of binary32, all 2^16 of");
        Line($"binary16 and bfloat16. Three semantics are compared: **spec** (the mirror with the platform arithmetic: glibc `expf`),");
        Line($"**spec-cr** (the spec's order with a correctly rounded `exp`) and **exact** (the real result rounded once). *spec");
        Line($"misrounded*: spec ≠ exact (NaN = NaN). *spec-cr ≠ exact*: where the spec's own evaluation order breaks, whatever the libm.");
        Line($"*sign errors*: a nonzero result of the wrong sign.");
        if (single.Count > 0)
        {
            Line($"");
            Line($"## Summary");
            Line($"");
            SummaryTable(Line, single);
            Line($"");
            Line($"Formulas: {string.Join("; ", single.Select(r => $"`{r.Slice.Name}` = {r.Slice.Formula}"))}.");
            Line($"");
            Line($"## ULP histograms (distance to exact)");
            foreach (SliceResult r in single)
            {
                Line($"");
                Line($"### {r.Slice.Name}");
                Line($"");
                Histogram(Line, r.Outcome.Stats);
            }

            Line($"");
            Line($"## Misrounded inputs");
            Line($"");
            Line($"The full lists of spec's misrounded inputs (input, spec and exact bit patterns) are in `docs/exhaustive/<slice>.misrounded.txt`");
            Line($"when the run wrote them (`--lists docs/exhaustive`, at most {ListFileLimit} lines); the first few of each:");
            foreach (SliceResult r in single)
            {
                SliceStats s = r.Outcome.Stats;
                Line($"");
                Line($"- `{r.Slice.Name}`: {s.Inputs - s.SpecCorrect} spec misrounded{(s.SpecMisrounded.Count < s.Inputs - s.SpecCorrect ? $" (list truncated at {s.SpecMisrounded.Count})" : string.Empty)}: {Few(r.Format, s.SpecMisrounded)}; spec-cr ≠ exact: {Few(r.Format, s.SpecCrMisrounded)}");
            }

            if (single.FirstOrDefault(r => r.Slice.Name == "expTensor" && r.Range.Count == 1L << 32) is { } exp)
            {
                ExpfNote(Line, exp.Outcome.Stats);
            }

            Line($"");
            Line($"{SampleHeading}");
            Line($"");
            Line($"The same sweep over {SampleRange} ({SampleRange.Count} inputs), rerun by `ExhaustiveDocTests` on every CI run:");
            Line($"");
            Line($"| slice | inputs | spec misrounded | spec-cr ≠ exact | spec sign errors | spec-cr sign errors | spec max ulps | spec-cr max ulps |");
            Line($"|---|---:|---:|---:|---:|---:|---:|---:|");
            foreach (SliceResult r in single.Where(r => r.Sample is not null))
            {
                Line($"| {r.Slice.Name} | {SampleRow(r.Sample!)} |");
            }
        }

        foreach (string format in narrow)
        {
            List<SliceResult> rows = results.Where(r => r.Format == format).ToList();
            Line($"");
            Line($"{FormatHeading(format)}");
            Line($"");
            Line($"All {1L << BinaryFormats.BitWidth(format)} bit patterns per slice, the same slices. spec is {NarrowSpec(format)}; spec-cr the same order");
            Line($"with the correctly rounded `exp` (`CorrectlyRoundedExp`), exact the real result rounded once into {LongName(format)} (MPFR). `ExhaustiveDocTests`");
            Line($"reruns these sweeps on every CI run and requires this table, the histograms and the lists to be what they compute.");
            Line($"");
            SummaryTable(Line, rows);
            foreach (SliceResult r in rows)
            {
                Line($"");
                Line($"{HistogramHeading(format, r.Slice.Name)}");
                Line($"");
                Histogram(Line, r.Outcome.Stats);
            }

            Line($"");
            Line($"Misrounded inputs (the input, what spec gives, the exact result), all of them when there are at most {InlineListLimit}; every list");
            Line($"of spec's misrounded inputs is complete in `docs/exhaustive/<slice>.{format}.misrounded.txt`:");
            foreach (SliceResult r in rows)
            {
                SliceStats s = r.Outcome.Stats;
                Line($"");
                Line($"- `{r.Slice.Name}` ({format}): {s.Inputs - s.SpecCorrect} spec misrounded{Listed(format, s.SpecMisrounded, s.Inputs - s.SpecCorrect, InlineListLimit)}. spec-cr ≠ exact: {s.Inputs - s.SpecCrCorrect}{Listed(format, s.SpecCrMisrounded, s.Inputs - s.SpecCrCorrect, 3)}.");
            }
        }

        return md.ToString();
    }

    /// <summary>The numeric cells of a CI sample row, as the doc prints them and the test compares them.</summary>
    public static string SampleRow(SliceStats s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return string.Create(CultureInfo.InvariantCulture,
            $"{s.Inputs} | {s.Inputs - s.SpecCorrect} | {s.Inputs - s.SpecCrCorrect} | {s.SpecSignErrors} | {s.SpecCrSignErrors} | {Ulps(s.SpecMaxUlps)} | {Ulps(s.SpecCrMaxUlps)}");
    }

    /// <summary>The cells of a summary row after the slice name, the seconds excepted, as the doc prints them and the test compares them.</summary>
    public static string SummaryCells(string format, SweepRange range, SliceStats s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return string.Create(CultureInfo.InvariantCulture,
            $"{s.Inputs} | {range} | {s.Inputs - s.SpecCorrect} | {Ulps(s.SpecMaxUlps)} ({Input(format, s.SpecMaxUlps, s.SpecMaxInput)}) | {s.SpecSignErrors} | {s.Inputs - s.SpecCrCorrect} | {Ulps(s.SpecCrMaxUlps)} ({Input(format, s.SpecCrMaxUlps, s.SpecCrMaxInput)}) | {s.SpecCrSignErrors}");
    }

    /// <summary>The rows of a histogram table (bucket, spec, spec-cr), the empty buckets left out.</summary>
    public static IEnumerable<string> HistogramRows(SliceStats s)
    {
        ArgumentNullException.ThrowIfNull(s);
        for (int b = 0; b < UlpBuckets.Count; b++)
        {
            if (s.SpecHistogram[b] != 0 || s.SpecCrHistogram[b] != 0)
            {
                yield return string.Create(CultureInfo.InvariantCulture, $"{UlpBuckets.Label(b)} | {s.SpecHistogram[b]} | {s.SpecCrHistogram[b]}");
            }
        }
    }

    /// <summary><c>0x…</c> and the decimal value of a bit pattern of the format.</summary>
    public static string Describe(string format, uint bits) => BinaryFormats.Visit(format, new DescribeBits(bits, " (", ")"));

    private static void SummaryTable(Action<FormattableString> line, IEnumerable<SliceResult> rows)
    {
        line($"| slice | inputs | range | spec misrounded | spec max ulps (at input) | spec sign errors | spec-cr ≠ exact | spec-cr max ulps (at input) | spec-cr sign errors | seconds |");
        line($"|---|---:|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (SliceResult r in rows)
        {
            line($"| {r.Slice.Name} | {SummaryCells(r.Format, r.Range, r.Outcome.Stats)} | {r.Outcome.Seconds:F1} |");
        }
    }

    private static void Histogram(Action<FormattableString> line, SliceStats s)
    {
        line($"| ulps | spec | spec-cr |");
        line($"|---|---:|---:|");
        foreach (string row in HistogramRows(s))
        {
            line($"| {row} |");
        }
    }

    private static void ExpfNote(Action<FormattableString> line, SliceStats s)
    {
        long hidden = s.SpecMisrounded.Count(e => BitConverter.SingleToUInt32Bits((float)Math.Exp(BitConverter.UInt32BitsToSingle(e[0]))) == e[1]);
        long outside = s.SpecMisrounded.Count(e => BitConverter.UInt32BitsToSingle(e[0]) is < -104f or > 89f);
        line($"");
        line($"**`expf` against the published counts.** This sweep finds {s.Inputs - s.SpecCorrect} binary32 inputs where glibc's `expf`");
        line($"({Platform.CLibrary}) is not correctly rounded, {outside} of them outside [−104, 89]. A sweep that takes `(float)exp(x)` in");
        line($"binary64 as its reference misses the ones where the binary64 `exp` lies so close to a binary32 midpoint that rounding it");
        line($"gives `expf`'s wrong answer too (double rounding): here {hidden} of them. Such a sweep can only add inputs where its reference");
        line($"is wrong and `expf` right, so with this `expf` it would count at least {s.Inputs - s.SpecCorrect - hidden}.");
        line($"The project notes' float64-reference sweep over [−104, 89] counted 170,618 and glibc documents 170,635: both differ from");
        line($"this count; a different `expf` could explain that (glibc picks an FMA or a non-FMA build of `expf` by processor at load time,");
        line($"and versions differ); this record does not establish which `expf` those counts measured.");
    }

    private static string NarrowSpec(string format) => format == Binary16.Name
        ? "the mirror over .NET `Half` (each operation computed in binary32 and rounded once to binary16, which is correctly rounded for + − × ÷; `exp` is `MathF.Exp` rounded to binary16)"
        : "the mirror over Latent's `BFloat16` (each operation computed in binary32 and rounded once to bfloat16, correctly rounded for + − × ÷; `exp` is `MathF.Exp` rounded to bfloat16)";

    private static string LongName(string format) => format switch
    {
        "f32" => "binary32",
        "f16" => "binary16",
        "bf16" => "bfloat16",
        _ => format,
    };

    private static string Input(string format, ulong ulps, uint bits) =>
        ulps == 0 ? "–" : BinaryFormats.Visit(format, new DescribeBits(bits, " = ", string.Empty));

    /// <summary>An ulp distance as printed: the number, or <c>NaN</c> for a NaN against a number.</summary>
    private static string Ulps(ulong ulps) => ulps == UlpDistance.Unbounded ? "NaN" : ulps.ToString(CultureInfo.InvariantCulture);

    private static string Few(string format, List<uint[]> list) =>
        list.Count == 0 ? "none" : string.Join(", ", list.Take(5).Select(e => Describe(format, e[0]))) + (list.Count > 5 ? ", …" : string.Empty);

    private static string Listed(string format, List<uint[]> list, long count, int limit)
    {
        if (list.Count == 0)
        {
            return string.Empty;
        }

        string entries = string.Join("; ", list.Take(limit).Select(e => $"{Describe(format, e[0])} gives {Bits(format, e[1])}, exact {Bits(format, e[2])}"));
        return ": " + entries + (count > limit ? $"; … ({count - limit} more)" : string.Empty);
    }

    private static string Bits(string format, uint bits) => BinaryFormats.Visit(format, new DescribeBits(bits, string.Empty, null));

    /// <summary>The bit pattern, then (unless <paramref name="close"/> is null) the decimal between <paramref name="open"/> and <paramref name="close"/>.</summary>
    private readonly struct DescribeBits(uint bits, string open, string? close) : IFormatVisitor<string>
    {
        public string Visit<T, TFormat>()
            where T : IBinaryFloatingPointIeee754<T>
            where TFormat : IBinaryFormat<T>
        {
            T value = TFormat.FromBits(bits);
            return close is null ? IeeeText.FormatBits<T, TFormat>(value) : IeeeText.FormatBits<T, TFormat>(value) + open + IeeeText.FormatDecimal(value) + close;
        }
    }
}

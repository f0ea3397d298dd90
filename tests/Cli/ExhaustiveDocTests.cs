using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using Latent.Cli.Exhaustive;
using Latent.Cli.Tests.Support;
using Latent.Oracles.FastExp;
using Xunit;

namespace Latent.Cli.Tests;

/// <summary>
/// <c>docs/exhaustive.md</c>, the generated record of a full <c>latent exhaustive</c> run: consistent with itself and with its
/// lists, its CI sample table equal to a fresh sweep of the same ranges through the same code, and its binary16 and bfloat16
/// sections equal to fresh full sweeps.
/// </summary>
public sealed class ExhaustiveDocTests : IDisposable
{
    private static readonly string Root = FindRoot();
    private static readonly string DocPath = Path.Combine(Root, "docs", "exhaustive.md");
    private readonly string _folder = Directory.CreateTempSubdirectory("latent-exhaustive-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void The_CI_sample_table_matches_a_fresh_sweep()
    {
        Dictionary<string, string> rows = Table(ExhaustiveReport.SampleHeading)
            .ToDictionary(cells => cells[0], cells => string.Join(" | ", cells.Skip(1)));
        Assert.Equal(ExhaustiveSlice.All.Select(s => s.Name), rows.Keys);
        foreach (ExhaustiveSlice slice in ExhaustiveSlice.All)
        {
            ExhaustiveRunner.Outcome fresh = ExhaustiveRunner.Sweep(slice, ExhaustiveReport.SampleRange, Environment.ProcessorCount, null, null, CancellationToken.None);
            Assert.Equal(rows[slice.Name], ExhaustiveReport.SampleRow(fresh.Stats));
        }
    }

    [Fact]
    public void Every_histogram_adds_up_to_its_slice_and_its_zero_bucket_to_the_correct_results()
    {
        foreach (string[] row in Table("## Summary"))
        {
            long inputs = long.Parse(row[1], CultureInfo.InvariantCulture);
            List<string[]> histogram = Table($"### {row[0]}");
            long[] spec = histogram.Select(h => long.Parse(h[1], CultureInfo.InvariantCulture)).ToArray();
            long[] specCr = histogram.Select(h => long.Parse(h[2], CultureInfo.InvariantCulture)).ToArray();
            Assert.Equal(inputs, spec.Sum());
            Assert.Equal(inputs, specCr.Sum());
            long zeroSpec = histogram[0][0] == "0" ? spec[0] : 0, zeroCr = histogram[0][0] == "0" ? specCr[0] : 0;
            Assert.Equal(inputs - zeroSpec, long.Parse(row[3], CultureInfo.InvariantCulture));
            Assert.Equal(inputs - zeroCr, long.Parse(row[6], CultureInfo.InvariantCulture));
        }

        // Every binary32 slice is a full sweep, KL slices included (their exact semantics has a fast path now).
        Assert.Equal(ExhaustiveSlice.All.Select(s => s.Name), Table("## Summary").Select(r => r[0]));
        Assert.All(Table("## Summary"), r => Assert.Equal(1L << 32, long.Parse(r[1], CultureInfo.InvariantCulture)));
    }

    /// <summary>
    /// The binary16 and bfloat16 sections are full sweeps of 2^16 inputs per slice, cheap enough to rerun here: the summary
    /// row (all but the seconds), the histogram and the list file of every slice must be what the sweep computes now.
    /// </summary>
    [Theory]
    [InlineData("f16")]
    [InlineData("bf16")]
    public void Every_16_bit_summary_histogram_and_list_is_what_a_fresh_full_sweep_computes(string format)
    {
        Dictionary<string, string> rows = Table(ExhaustiveReport.FormatHeading(format))
            .ToDictionary(cells => cells[0], cells => string.Join(" | ", cells.Skip(1).SkipLast(1)));
        Assert.Equal(ExhaustiveSlice.All.Select(s => s.Name), rows.Keys);
        var range = new SweepRange(0, 1L << 16, 1);
        foreach (ExhaustiveSlice slice in ExhaustiveSlice.All)
        {
            ExhaustiveRunner.Outcome fresh = ExhaustiveRunner.Sweep(format, slice, range, Environment.ProcessorCount, null, null, CancellationToken.None);
            Assert.Equal(rows[slice.Name], ExhaustiveReport.SummaryCells(format, range, fresh.Stats));
            Assert.Equal(
                Table(ExhaustiveReport.HistogramHeading(format, slice.Name)).Select(cells => string.Join(" | ", cells)),
                ExhaustiveReport.HistogramRows(fresh.Stats));
            string list = File.ReadAllText(Path.Combine(Root, "docs", "exhaustive", ExhaustiveReport.ListFileName(slice.Name, format)));
            Assert.Equal(list, ExhaustiveReport.ListText(slice, format, range, fresh.Stats));
        }
    }

    [Fact]
    public void The_expTensor_list_has_the_summary_count_and_each_line_is_glibc_expf_against_the_correct_rounding()
    {
        string[] lines = File.ReadAllLines(Path.Combine(Root, "docs", "exhaustive", "expTensor.misrounded.txt")).Where(l => !l.StartsWith('#')).ToArray();
        Assert.Equal(long.Parse(Table("## Summary").Single(r => r[0] == "expTensor")[3], CultureInfo.InvariantCulture), lines.Length);
        uint previous = 0;
        foreach (string line in lines)
        {
            string[] f = line.Split(' ');
            uint input = uint.Parse(f[0], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            float x = BitConverter.UInt32BitsToSingle(input);
            Assert.True(input > previous || previous == 0, "sorted, no duplicates");
            previous = input;
            Assert.Equal(f[1], BitConverter.SingleToUInt32Bits(MathF.Exp(x)).ToString("X8", CultureInfo.InvariantCulture));
            Assert.Equal(f[2], BitConverter.SingleToUInt32Bits(CorrectlyRoundedExp.Exp(x)).ToString("X8", CultureInfo.InvariantCulture));
            Assert.NotEqual(f[1], f[2]);
        }
    }

    [Fact]
    public void A_sweep_resumes_from_its_checkpoint_with_the_same_result()
    {
        string checkpoint = Path.Combine(_folder, "ckpt");
        const long Chunk = SweepRange.ChunkSize * 64L;
        var range = new SweepRange(0x3F800000, 0x3F800000 + (8 * Chunk), 64); // 8 chunks
        ExhaustiveSlice exp = ExhaustiveSlice.Find("expTensor")!;
        ExhaustiveRunner.Outcome whole = ExhaustiveRunner.Sweep(exp, range, 2, null, null, CancellationToken.None, batchChunks: 2);

        // A checkpoint after 4 of the 8 chunks, as an interrupted run leaves it.
        ExhaustiveRunner.Sweep(exp, range with { To = range.From + (4 * Chunk) }, 2, checkpoint, null, CancellationToken.None, batchChunks: 2);
        ExhaustiveCheckpoint saved = ExhaustiveCheckpoint.Load(checkpoint)!;
        Assert.Equal(4, saved.ChunksDone);
        saved.To = range.To;
        saved.Save(checkpoint);

        ExhaustiveRunner.Outcome resumed = ExhaustiveRunner.Sweep(exp, range, 2, checkpoint, null, CancellationToken.None, batchChunks: 2);
        Assert.True(resumed.Resumed);
        Assert.Equal(ExhaustiveReport.SampleRow(whole.Stats), ExhaustiveReport.SampleRow(resumed.Stats));
        Assert.Equal(whole.Stats.SpecMisrounded.Select(e => e[0]), resumed.Stats.SpecMisrounded.Select(e => e[0]));
    }

    [Fact]
    public void The_command_sweeps_a_range_and_names_a_bad_one()
    {
        Tool.Result ok = Tool.Run("exhaustive", "--slice", "halfTensor", "--from", "0x00000000", "--to", "0x00010000");
        Assert.Equal(0, ok.ExitCode);
        Assert.Contains("exhaustive halfTensor [0x00000000, 0x00010000): 65536 inputs, spec misrounds 0", ok.Stdout, StringComparison.Ordinal);
        Tool.Result bad = Tool.Run("exhaustive", "--slice", "nope");
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("unknown slice 'nope'", bad.Stderr, StringComparison.Ordinal);
        Tool.Result half = Tool.Run("exhaustive", "--slice", "expTensor", "--format", "f16");
        Assert.Equal(0, half.ExitCode);
        Assert.Contains("exhaustive expTensor f16 [0x00000000, 0x00010000): 65536 inputs", half.Stdout, StringComparison.Ordinal);
        Tool.Result wide = Tool.Run("exhaustive", "--slice", "expTensor", "--format", "f64");
        Assert.Equal(2, wide.ExitCode);
        Assert.Contains("unknown format 'f64'", wide.Stderr, StringComparison.Ordinal);
        Tool.Result outside = Tool.Run("exhaustive", "--slice", "expTensor", "--format", "bf16", "--to", "0x20000");
        Assert.Equal(2, outside.ExitCode);
        Assert.Contains("outside the bf16 bit patterns", outside.Stderr, StringComparison.Ordinal);
    }

    /// <summary>The rows of the first table after <paramref name="heading"/>, as trimmed cells (header and separator skipped).</summary>
    private static List<string[]> Table(string heading)
    {
        string[] lines = File.ReadAllLines(DocPath);
        int start = Array.FindIndex(lines, l => l.Trim() == heading);
        Assert.True(start >= 0, $"{heading} not found in docs/exhaustive.md");
        return lines.Skip(start + 1).SkipWhile(l => !l.StartsWith('|')).TakeWhile(l => l.StartsWith('|')).Skip(2)
            .Select(l => l.Trim('|').Split('|').Select(c => c.Trim()).ToArray()).ToList();
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Latent.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Latent.sln not found above " + AppContext.BaseDirectory);
    }
}

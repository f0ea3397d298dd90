using System;
using System.Diagnostics;
using System.Numerics;
using System.Threading;
using System.Threading.Tasks;
using Latent.Ieee;

namespace Latent.Cli.Exhaustive;

/// <summary>
/// Sweeps a slice over a range: chunks in parallel on all cores, merged in chunk order (so the result never depends on
/// timing), a checkpoint after every batch, progress reported in inputs.
/// </summary>
internal static class ExhaustiveRunner
{
    /// <summary>Chunks per batch: the checkpoint interval (2^24 inputs).</summary>
    public const int BatchChunks = 256;

    public sealed record Outcome(SliceStats Stats, double Seconds, bool Resumed);

    /// <summary>A binary32 sweep.</summary>
    public static Outcome Sweep(ExhaustiveSlice slice, SweepRange range, int threads, string? checkpointPath, IProgress<long>? progress, CancellationToken cancel, int batchChunks = BatchChunks) =>
        Sweep<float, Binary32>(slice, range, threads, checkpointPath, progress, cancel, batchChunks);

    /// <summary>A sweep in the format named <paramref name="format"/> (<see cref="BinaryFormats"/>).</summary>
    public static Outcome Sweep(string format, ExhaustiveSlice slice, SweepRange range, int threads, string? checkpointPath, IProgress<long>? progress, CancellationToken cancel, int batchChunks = BatchChunks) =>
        BinaryFormats.Visit(format, new SweepIn(slice, range, threads, checkpointPath, progress, batchChunks, cancel));

    /// <summary>A sweep in the format of <typeparamref name="T"/>: the range holds its bit patterns.</summary>
    public static Outcome Sweep<T, TFormat>(ExhaustiveSlice slice, SweepRange range, int threads, string? checkpointPath, IProgress<long>? progress, CancellationToken cancel, int batchChunks = BatchChunks)
        where T : IBinaryFloatingPointIeee754<T>
        where TFormat : IBinaryFormat<T>
    {
        ArgumentNullException.ThrowIfNull(slice);
        var stats = new SliceStats();
        long chunksDone = 0;
        double secondsBefore = 0;
        bool resumed = false;
        if (checkpointPath is not null && ExhaustiveCheckpoint.Load(checkpointPath) is { } saved && saved.Matches(slice.Name, TFormat.Name, range))
        {
            (stats, chunksDone, secondsBefore, resumed) = (saved.Stats, saved.ChunksDone, saved.Seconds, true);
        }

        var clock = Stopwatch.StartNew();
        var options = new ParallelOptions { MaxDegreeOfParallelism = threads, CancellationToken = cancel };
        while (chunksDone < range.Chunks)
        {
            long start = chunksDone, end = Math.Min(chunksDone + batchChunks, range.Chunks);
            var partial = new SliceStats[end - start];
            Parallel.For(start, end, options, c => partial[c - start] = Chunk<T, TFormat>(slice, range, c));
            foreach (SliceStats p in partial)
            {
                stats.Merge(p);
            }

            chunksDone = end;
            if (checkpointPath is not null)
            {
                new ExhaustiveCheckpoint
                {
                    Slice = slice.Name, Format = TFormat.Name, From = range.From, To = range.To, Stride = range.Stride,
                    ChunksDone = chunksDone, Seconds = secondsBefore + clock.Elapsed.TotalSeconds, Stats = stats,
                }.Save(checkpointPath);
            }

            progress?.Report(stats.Inputs);
        }

        stats.Sort();
        return new Outcome(stats, secondsBefore + clock.Elapsed.TotalSeconds, resumed);
    }

    private static SliceStats Chunk<T, TFormat>(ExhaustiveSlice slice, SweepRange range, long chunk)
        where T : IBinaryFloatingPointIeee754<T>
        where TFormat : IBinaryFormat<T>
    {
        uint[] bits = range.Chunk(chunk);
        var arguments = new T[bits.Length];
        for (int i = 0; i < bits.Length; i++)
        {
            arguments[i] = TFormat.FromBits(bits[i]);
        }

        (T[] spec, T[] specCr, T[] exact) = slice.Evaluate<T, TFormat>(arguments);
        var stats = new SliceStats();
        for (int i = 0; i < bits.Length; i++)
        {
            stats.Add<T, TFormat>(bits[i], spec[i], specCr[i], exact[i]);
        }

        return stats;
    }

    private readonly struct SweepIn(ExhaustiveSlice slice, SweepRange range, int threads, string? checkpointPath, IProgress<long>? progress, int batchChunks, CancellationToken cancel) : IFormatVisitor<Outcome>
    {
        public Outcome Visit<T, TFormat>()
            where T : IBinaryFloatingPointIeee754<T>
            where TFormat : IBinaryFormat<T> =>
            Sweep<T, TFormat>(slice, range, threads, checkpointPath, progress, cancel, batchChunks);
    }
}

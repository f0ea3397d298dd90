using System;

namespace Latent.Cli.Exhaustive;

/// <summary>
/// The inputs of a sweep: the binary32 bit patterns <c>From, From + Stride, …</c> below <c>To</c> (64-bit so that the full range
/// <c>[0, 2^32)</c> is expressible), cut into chunks of <see cref="ChunkSize"/> inputs, the unit of parallel work and of checkpoints.
/// </summary>
internal readonly record struct SweepRange(long From, long To, long Stride)
{
    public const int ChunkSize = 1 << 16;

    public static SweepRange Full => new(0, 1L << 32, 1);

    public long Count => Math.Max(0, (To - From + Stride - 1) / Stride);

    public long Chunks => (Count + ChunkSize - 1) / ChunkSize;

    /// <summary>The input bit patterns of chunk <paramref name="chunk"/>.</summary>
    public uint[] Chunk(long chunk)
    {
        long first = chunk * ChunkSize;
        int n = (int)Math.Min(ChunkSize, Count - first);
        var bits = new uint[n];
        for (int i = 0; i < n; i++)
        {
            bits[i] = (uint)(From + ((first + i) * Stride));
        }

        return bits;
    }

    public override string ToString() => Stride == 1 ? $"[0x{From:X8}, 0x{To:X8})" : $"[0x{From:X8}, 0x{To:X8}) step {Stride}";
}

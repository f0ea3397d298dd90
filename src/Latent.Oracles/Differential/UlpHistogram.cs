using System;
using System.Collections.Generic;

namespace Latent.Oracles.Differential;

/// <summary>Counts of ULP distances in buckets 0, 1, 2, 3–4, 5–16, 17–2^10, 2^10+1–2^20, above 2^20, and NaN against a number.</summary>
public sealed class UlpHistogram
{
    /// <summary>Bucket labels, in order.</summary>
    public static IReadOnlyList<string> Labels { get; } = ["0", "1", "2", "3-4", "5-16", "17-2^10", "2^10-2^20", ">2^20", "NaN vs number"];

    private readonly long[] _counts = new long[9];

    /// <summary>The counts per bucket, in the order of <see cref="Labels"/>.</summary>
    public IReadOnlyList<long> Counts => _counts;

    /// <summary>The largest finite distance recorded.</summary>
    public ulong Max { get; private set; }

    /// <summary>Records one distance (<see cref="UlpDistance.Unbounded"/> for NaN against a number).</summary>
    public void Add(ulong distance)
    {
        int bucket = distance switch
        {
            0 => 0,
            1 => 1,
            2 => 2,
            <= 4 => 3,
            <= 16 => 4,
            <= 1 << 10 => 5,
            <= 1 << 20 => 6,
            UlpDistance.Unbounded => 8,
            _ => 7,
        };
        _counts[bucket]++;
        if (distance != UlpDistance.Unbounded)
        {
            Max = Math.Max(Max, distance);
        }
    }

    /// <summary>Adds another histogram's counts to this one.</summary>
    public void Merge(UlpHistogram other)
    {
        ArgumentNullException.ThrowIfNull(other);
        for (int i = 0; i < _counts.Length; i++)
        {
            _counts[i] += other._counts[i];
        }

        Max = Math.Max(Max, other.Max);
    }
}

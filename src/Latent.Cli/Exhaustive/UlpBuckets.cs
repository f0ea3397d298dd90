using System;
using System.Numerics;

namespace Latent.Cli.Exhaustive;

/// <summary>
/// The buckets of an ulp histogram: 0, 1, 2, 3–4, 5–8, …, 2^30+1 – 2^31, more, and NaN against a number. Bucket
/// <c>b ≥ 2</c> holds distances in <c>(2^(b−2), 2^(b−1)]</c>.
/// </summary>
internal static class UlpBuckets
{
    public const int Count = 35;

    public const int NaNMismatch = Count - 1;

    public static int Of(ulong ulps) => ulps switch
    {
        0 => 0,
        1 => 1,
        ulong.MaxValue => NaNMismatch,
        _ => Math.Min(2 + (63 - BitOperations.LeadingZeroCount(ulps - 1)), NaNMismatch - 1),
    };

    public static string Label(int bucket) => bucket switch
    {
        0 => "0",
        1 => "1",
        2 => "2",
        NaNMismatch => "NaN vs number",
        NaNMismatch - 1 => $"> {1L << (NaNMismatch - 3)}",
        _ => $"{(1L << (bucket - 2)) + 1}–{1L << (bucket - 1)}",
    };
}

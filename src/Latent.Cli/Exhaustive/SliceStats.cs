using System;
using System.Collections.Generic;
using System.Numerics;
using Latent.Ieee;
using Latent.Oracles;

namespace Latent.Cli.Exhaustive;

/// <summary>
/// What a sweep found, mergeable across threads and checkpoints: for spec and for spec-cr, the ulp histogram of the distance
/// to exact, the largest distance and its input, and the results whose sign differs from exact (the KL coming out negative);
/// the list of inputs spec misrounds, and the inputs where spec-cr (the spec's order with correctly rounded primitives) is
/// not exact: where the order itself breaks.
/// </summary>
internal sealed class SliceStats
{
    /// <summary>
    /// At most this many misrounded inputs are kept per list (the first ones by input): as many as a list file may hold, so
    /// that a checkpoint stays small when a slice misrounds billions of inputs; the counts are always complete.
    /// </summary>
    public const int ListLimit = ExhaustiveReport.ListFileLimit;

    public long Inputs { get; set; }

    public long[] SpecHistogram { get; set; } = new long[UlpBuckets.Count];

    public long[] SpecCrHistogram { get; set; } = new long[UlpBuckets.Count];

    public ulong SpecMaxUlps { get; set; }

    public uint SpecMaxInput { get; set; }

    public ulong SpecCrMaxUlps { get; set; }

    public uint SpecCrMaxInput { get; set; }

    public long SpecSignErrors { get; set; }

    public long SpecCrSignErrors { get; set; }

    /// <summary>Inputs (bit patterns) where spec ≠ exact, as (input, spec, exact) bit triples.</summary>
    public List<uint[]> SpecMisrounded { get; set; } = [];

    /// <summary>Inputs where spec-cr ≠ exact.</summary>
    public List<uint[]> SpecCrMisrounded { get; set; } = [];

    public long SpecCorrect => SpecHistogram[0];

    public long SpecCrCorrect => SpecCrHistogram[0];

    /// <summary>Records one input (its bit pattern) and its three results in the format of <typeparamref name="T"/>.</summary>
    public void Add<T, TFormat>(uint input, T spec, T specCr, T exact)
        where T : IBinaryFloatingPointIeee754<T>
        where TFormat : IBinaryFormat<T>
    {
        Inputs++;
        ulong d = UlpDistance.Between<T, TFormat>(spec, exact);
        SpecHistogram[UlpBuckets.Of(d)]++;
        if (d != 0)
        {
            if (d > SpecMaxUlps)
            {
                (SpecMaxUlps, SpecMaxInput) = (d, input);
            }

            if (SpecMisrounded.Count < ListLimit)
            {
                SpecMisrounded.Add([input, Bits<T, TFormat>(spec), Bits<T, TFormat>(exact)]);
            }
        }

        ulong c = UlpDistance.Between<T, TFormat>(specCr, exact);
        SpecCrHistogram[UlpBuckets.Of(c)]++;
        if (c != 0)
        {
            if (c > SpecCrMaxUlps)
            {
                (SpecCrMaxUlps, SpecCrMaxInput) = (c, input);
            }

            if (SpecCrMisrounded.Count < ListLimit)
            {
                SpecCrMisrounded.Add([input, Bits<T, TFormat>(specCr), Bits<T, TFormat>(exact)]);
            }
        }

        SpecSignErrors += SignDiffers(spec, exact) ? 1 : 0;
        SpecCrSignErrors += SignDiffers(specCr, exact) ? 1 : 0;
    }

    public void Merge(SliceStats other)
    {
        ArgumentNullException.ThrowIfNull(other);
        Inputs += other.Inputs;
        for (int b = 0; b < UlpBuckets.Count; b++)
        {
            SpecHistogram[b] += other.SpecHistogram[b];
            SpecCrHistogram[b] += other.SpecCrHistogram[b];
        }

        if (other.SpecMaxUlps > SpecMaxUlps || (other.SpecMaxUlps == SpecMaxUlps && other.SpecMaxUlps != 0 && other.SpecMaxInput < SpecMaxInput))
        {
            (SpecMaxUlps, SpecMaxInput) = (other.SpecMaxUlps, other.SpecMaxInput);
        }

        if (other.SpecCrMaxUlps > SpecCrMaxUlps || (other.SpecCrMaxUlps == SpecCrMaxUlps && other.SpecCrMaxUlps != 0 && other.SpecCrMaxInput < SpecCrMaxInput))
        {
            (SpecCrMaxUlps, SpecCrMaxInput) = (other.SpecCrMaxUlps, other.SpecCrMaxInput);
        }

        SpecSignErrors += other.SpecSignErrors;
        SpecCrSignErrors += other.SpecCrSignErrors;
        SpecMisrounded.AddRange(other.SpecMisrounded[..Math.Min(other.SpecMisrounded.Count, ListLimit - Math.Min(ListLimit, SpecMisrounded.Count))]);
        SpecCrMisrounded.AddRange(other.SpecCrMisrounded[..Math.Min(other.SpecCrMisrounded.Count, ListLimit - Math.Min(ListLimit, SpecCrMisrounded.Count))]);
    }

    /// <summary>Sorts the lists by input bit pattern, so that a sweep's result does not depend on thread timing.</summary>
    public void Sort()
    {
        SpecMisrounded.Sort((a, b) => a[0].CompareTo(b[0]));
        SpecCrMisrounded.Sort((a, b) => a[0].CompareTo(b[0]));
    }

    private static uint Bits<T, TFormat>(T value)
        where T : IBinaryFloatingPointIeee754<T>
        where TFormat : IBinaryFormat<T> => (uint)TFormat.ToBits(value);

    /// <summary>Both are numbers, not zeros, and of opposite signs (a zero against a nonzero is an ulp question, not a sign one).</summary>
    private static bool SignDiffers<T>(T value, T exact)
        where T : IBinaryFloatingPointIeee754<T> =>
        !T.IsNaN(value) && !T.IsNaN(exact) && !T.IsZero(value) && !T.IsZero(exact) && T.IsNegative(value) != T.IsNegative(exact);
}

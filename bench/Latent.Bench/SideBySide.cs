using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;

namespace Latent.Bench;

/// <summary>
/// Interleaved timing: the variants of one comparison run in rotating order within each round, so that a change in machine
/// load (this machine is shared) hits all of them alike; the median over rounds is reported. Each measurement repeats the
/// body until at least <see cref="MinMeasurement"/> has passed; every variant is first warmed up past tiered JIT.
/// </summary>
internal static class SideBySide
{
    public static readonly TimeSpan MinMeasurement = TimeSpan.FromMilliseconds(15);

    public const int Rounds = 9;

    /// <summary>Nanoseconds per element (median over rounds) for each variant, in the given order.</summary>
    public static double[] Measure(long elementsPerCall, params Action[] variants)
    {
        ArgumentNullException.ThrowIfNull(variants);
        foreach (Action v in variants)
        {
            var warm = Stopwatch.StartNew();
            do
            {
                v();
            }
            while (warm.ElapsedMilliseconds < 250);
        }

        var samples = variants.Select(_ => new List<double>()).ToArray();
        for (int round = 0; round < Rounds; round++)
        {
            for (int k = 0; k < variants.Length; k++)
            {
                int i = (round + k) % variants.Length;
                samples[i].Add(Time(variants[i]) / elementsPerCall);
            }
        }

        return samples.Select(Median).ToArray();
    }

    private static double Time(Action body)
    {
        long calls = 0;
        var clock = Stopwatch.StartNew();
        do
        {
            body();
            calls++;
        }
        while (clock.Elapsed < MinMeasurement);
        return clock.Elapsed.TotalNanoseconds / calls;
    }

    private static double Median(List<double> values)
    {
        values.Sort();
        return values[values.Count / 2];
    }
}

using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Latent.Ieee;
using Latent.Oracles.Exact;
using Latent.Oracles.FastExp;
using Latent.Oracles.Mpfr;
using Xunit;
using Xunit.Abstractions;

namespace Latent.Properties.Oracles.FastExp;

/// <summary>
/// The one-coordinate binary32 KL fast paths (<see cref="CorrectlyRoundedKl"/>) against MPFR (<see cref="ExactOracle.KlByMpfr{T, TFormat}"/>,
/// no fast path), bit for bit, on more than 10^6 random and edge inputs each; the facts their error bounds rest on; and the
/// rounding test (<see cref="Binary32Rounding"/>) against exact arithmetic.
/// </summary>
public class CorrectlyRoundedKlTests(ITestOutputHelper output)
{
    private const int VolumeCount = 1_000_000;

    [Fact]
    public void The_series_coefficients_and_the_truncation_bound_are_as_stated()
    {
        // a_k = 2/(k+2)! rounded to nearest.
        double[] used = CorrectlyRoundedKl.SeriesCoefficients;
        for (int k = 1; k <= used.Length; k++)
        {
            using var exact = new MpfrNumber(200);
            MpfrNative.SetUInt(exact, 2, MpfrRound.Nearest);
            for (uint f = 2; f <= k + 2; f++)
            {
                MpfrNative.DivUInt(exact, exact, f, MpfrRound.Nearest);
            }

            Assert.Equal(MpfrNative.GetDouble(exact, MpfrRound.Nearest), used[k - 1]);
        }

        // Truncation after k = 8 for |x| < 1/16: a_9 |x|^9 / (1 − |x|/12) ≤ 1.18e-17 |x|, and that is at most 0.33u |R_8|.
        double a9 = 2.0 / 39916800;
        double tail = a9 * Math.Pow(2, -32) / (1 - (1.0 / 192));
        Assert.True(tail <= 1.18e-17, $"tail factor {tail:R}");
        double lowerR8 = (1.0 / 3) * (1 - (1.0 / 64 / (1 - (1.0 / 80)))); // |R_8| ≥ 0.328 |x|
        Assert.True(lowerR8 >= 0.328);
        Assert.True(tail / lowerR8 <= 0.33 * Math.ScaleB(1, -53));

        // 18.1u < 2^-48, and the exp-region ratio e^x / (e^x − 1 − x) ≤ 534 at |x| = 1/16.
        Assert.True(18.1 * Math.ScaleB(1, -53) < Math.ScaleB(1, -48));
        foreach (double x in new[] { 0.0625, -0.0625 })
        {
            Assert.True(Math.Exp(x) / (Math.Exp(x) - 1 - x) <= 534);
        }

        // V(90) is above the overflow threshold, V(89.41) below it.
        Assert.True(0.5 * (Math.Exp(90) - 91) > Binary32Rounding.OverflowThreshold);
    }

    [Fact]
    public void The_measured_enclosure_holds_and_its_width_is_within_the_proven_relative_bound()
    {
        var random = new Random(1220);
        double worstSeries = 0, worstExp = 0;
        using var x = new MpfrNumber(64);
        using var v = new MpfrNumber(400);
        using var approx = new MpfrNumber(400);
        using var part = new MpfrNumber(400);
        for (int i = 0; i < 100_000; i++)
        {
            float xf = i % 2 == 0
                ? (float)(Math.ScaleB(1 + random.NextDouble(), -random.Next(5, 150)) * (random.Next(2) == 0 ? -1 : 1))
                : (float)((random.NextDouble() * 194) - 104);
            double xd = xf;
            if (xf == 0 || !(xd >= -104 && xd <= 90))
            {
                continue;
            }

            bool series = Math.Abs(xd) < 0.0625;
            double s, t, e;
            if (series)
            {
                CorrectlyRoundedKl.Series(xd, out s, out t, out e);
            }
            else
            {
                CorrectlyRoundedKl.ViaExp(xd, out s, out t, out e);
            }

            // v = (expm1(x) − x)/2 at 400 bits (at least 250 bits beyond the cancellation).
            MpfrNative.SetDouble(x, xd, MpfrRound.Nearest);
            MpfrNative.Expm1(v, x, MpfrRound.Nearest);
            MpfrNative.Sub(v, v, x, MpfrRound.Nearest);
            MpfrNative.MulPow2(v, v, -1, MpfrRound.Nearest);
            MpfrNative.SetDouble(approx, s, MpfrRound.Nearest);
            MpfrNative.SetDouble(part, t, MpfrRound.Nearest);
            MpfrNative.Add(approx, approx, part, MpfrRound.Nearest);
            MpfrNative.Sub(approx, approx, v, MpfrRound.Nearest);
            double error = Math.Abs(MpfrNative.GetDouble(approx, MpfrRound.Nearest));
            double value = MpfrNative.GetDouble(v, MpfrRound.Nearest);
            Assert.True(error <= e, $"x = {xf:R}: |v − (s + t)| = {error:R} above the bound {e:R}");
            double relative = e / value, u = Math.ScaleB(1, -53);
            if (series)
            {
                worstSeries = Math.Max(worstSeries, relative);
                Assert.True(error / value <= 6.3 * u * Math.Abs(xd) && error / value < Math.ScaleB(1, -54), $"x = {xf:R}: error {error / value:E3} of v");
                Assert.True(relative < Math.Pow(2, -53.5) && relative <= 11.1 * u * Math.Abs(xd), $"x = {xf:R}: E/V = 2^{Math.Log2(relative):F2}");
            }
            else
            {
                worstExp = Math.Max(worstExp, relative);
                Assert.True(error / value < Math.Pow(2, -68.9), $"x = {xf:R}: error {error / value:E3} of v");
                Assert.True(relative < Math.ScaleB(1, -66), $"x = {xf:R}: E/V = 2^{Math.Log2(relative):F2}");
            }
        }

        output.WriteLine($"largest E/V: series 2^{Math.Log2(worstSeries):F2} (bound 2^-53.5), via exp 2^{Math.Log2(worstExp):F2} (bound 2^-66)");
    }

    [Fact]
    public void KlMu_equals_MPFR_on_a_million_random_and_edge_inputs()
    {
        float[] inputs = MuInputs(new Random(1221)).ToArray();
        Assert.True(inputs.Length >= VolumeCount, $"{inputs.Length} inputs");
        int mismatches = 0;
        string? first = null;
        Parallel.ForEach(Partitioner(inputs.Length), range =>
        {
            for (int i = range.From; i < range.To; i++)
            {
                float x = inputs[i];
                float fast = CorrectlyRoundedKl.KlMu(x);
                float slow = Mpfr(x, 0f);
                if (!Same(fast, slow))
                {
                    Interlocked.Increment(ref mismatches);
                    Interlocked.CompareExchange(ref first, $"mu {x:R} (0x{BitConverter.SingleToUInt32Bits(x):X8}): fast 0x{BitConverter.SingleToUInt32Bits(fast):X8}, MPFR 0x{BitConverter.SingleToUInt32Bits(slow):X8}", null);
                }
            }
        });

        output.WriteLine($"klMu: {inputs.Length} inputs, {mismatches} mismatches, fallback rate 0 (the path has no test)");
        Assert.True(mismatches == 0, first);
    }

    [Fact]
    public void KlLogvar_equals_MPFR_on_a_million_random_and_edge_inputs()
    {
        float[] inputs = LogvarInputs(new Random(1222)).ToArray();
        Assert.True(inputs.Length >= VolumeCount, $"{inputs.Length} inputs");
        int mismatches = 0, fallbacks = 0;
        string? first = null;
        Parallel.ForEach(Partitioner(inputs.Length), range =>
        {
            for (int i = range.From; i < range.To; i++)
            {
                float x = inputs[i];
                float slow = Mpfr(0f, x);
                if (!CorrectlyRoundedKl.TryKlLogvar(x, out float fast))
                {
                    Interlocked.Increment(ref fallbacks);
                    continue;
                }

                if (!Same(fast, slow))
                {
                    Interlocked.Increment(ref mismatches);
                    Interlocked.CompareExchange(ref first, $"logvar {x:R} (0x{BitConverter.SingleToUInt32Bits(x):X8}): fast 0x{BitConverter.SingleToUInt32Bits(fast):X8}, MPFR 0x{BitConverter.SingleToUInt32Bits(slow):X8}", null);
                }
            }
        });

        output.WriteLine($"klLogvar: {inputs.Length} inputs, {mismatches} mismatches, fallback rate {fallbacks / (double)inputs.Length:E2} ({fallbacks})");
        Assert.True(mismatches == 0, first);
        Assert.True(fallbacks < inputs.Length / 1000, $"{fallbacks} fallbacks");
    }

    [Fact]
    public void The_exact_oracle_uses_the_fast_paths_with_the_same_special_values()
    {
        float[] specials = [float.NaN, float.PositiveInfinity, float.NegativeInfinity, 0f, -0f, float.Epsilon, -float.Epsilon, float.MaxValue, float.MinValue, 1f, -1f];
        foreach (float x in specials)
        {
            Assert.True(Same(ExactOracle.DiagonalGaussianKlToStandard<float, Binary32>([x], [0f]), CorrectlyRoundedKl.KlMu(x)), $"klMu {x:R}");
            Assert.True(CorrectlyRoundedKl.TryKlLogvar(x, out float fast), $"klLogvar {x:R} decided");
            Assert.True(Same(ExactOracle.DiagonalGaussianKlToStandard<float, Binary32>([0f], [x]), fast), $"klLogvar {x:R}");
        }

        // The results of the special inputs are the exact oracle's: NaN, +∞ for ±∞, +0 at the zero.
        Assert.True(float.IsNaN(CorrectlyRoundedKl.KlMu(float.NaN)));
        Assert.Equal(float.PositiveInfinity, CorrectlyRoundedKl.KlMu(float.NegativeInfinity));
        Assert.Equal(0u, BitConverter.SingleToUInt32Bits(CorrectlyRoundedKl.KlMu(-0f)));
        Assert.True(CorrectlyRoundedKl.TryKlLogvar(-0f, out float zero) && BitConverter.SingleToUInt32Bits(zero) == 0);
        Assert.True(CorrectlyRoundedKl.TryKlLogvar(float.NegativeInfinity, out float inf) && float.IsPositiveInfinity(inf));
        foreach (float x in new[] { 1f, -1f, 3.5f, float.Epsilon, -2e-20f })
        {
            Assert.True(Same(Mpfr(x, 0f), CorrectlyRoundedKl.KlMu(x)), $"klMu {x:R} against the rational path");
        }
    }

    /// <summary>
    /// The rounding test on synthetic enclosures placed on and near binary32 boundaries (values, midpoints, the overflow
    /// threshold, the subnormal grid and zero): whenever it answers, both ends of the enclosure round to its answer in exact
    /// arithmetic, so every real inside does too.
    /// </summary>
    [Fact]
    public void The_rounding_test_answers_only_what_both_ends_of_the_enclosure_agree_on()
    {
        var random = new Random(1223);
        int answered = 0, declined = 0;
        using var sum = new MpfrNumber(2400);
        using var part = new MpfrNumber(2400);
        for (int i = 0; i < 200_000; i++)
        {
            (double s, double t, double e) = Enclosure(random);
            if (!(s > 0))
            {
                continue;
            }

            if (!Binary32Rounding.TryRound(s, t, e, out float f))
            {
                declined++;
                continue;
            }

            answered++;
            foreach (int side in new[] { -1, 1 })
            {
                MpfrNative.SetDouble(sum, s, MpfrRound.Nearest);
                MpfrNative.SetDouble(part, t, MpfrRound.Nearest);
                MpfrNative.Add(sum, sum, part, MpfrRound.Nearest); // exact at 2400 bits
                MpfrNative.SetDouble(part, side * e, MpfrRound.Nearest);
                MpfrNative.Add(sum, sum, part, MpfrRound.Nearest);
                if (MpfrNative.Sign(sum) <= 0)
                {
                    MpfrNative.SetDouble(sum, Math.ScaleB(1, -1074), MpfrRound.Nearest); // v > 0: the lower end is above zero
                }

                float end = FormatRounding.Round<float, Binary32>(sum);
                Assert.True(Same(end, f), $"s {s:R}, t {t:R}, e {e:R}: answered 0x{BitConverter.SingleToUInt32Bits(f):X8}, the {(side < 0 ? "lower" : "upper")} end rounds to 0x{BitConverter.SingleToUInt32Bits(end):X8}");
            }
        }

        output.WriteLine($"rounding test: {answered} answered, {declined} declined");
        Assert.True(answered > 50_000 && declined > 10_000, $"{answered} answered, {declined} declined");
    }

    /// <summary>Enclosures <c>(s, t, e)</c> centred on or next to a binary32 value, midpoint, the overflow threshold or a subnormal, with errors of every size.</summary>
    private static (double S, double T, double E) Enclosure(Random random)
    {
        uint bits = (uint)random.Next(1, 0x7F800000);
        if (random.Next(4) == 0)
        {
            bits = (uint)random.Next(1, 1 << 24); // subnormal or near the smallest normal
        }

        if (random.Next(8) == 0)
        {
            bits = 0x7F7FFFFF - (uint)random.Next(3); // at the top of the range
        }

        float f = BitConverter.UInt32BitsToSingle(bits);
        double up = MathF.BitIncrement(f) is float g && float.IsFinite(g) ? g : Binary32Rounding.OverflowThreshold * 2 - f;
        double centre = random.Next(3) switch
        {
            0 => f,
            1 => f + ((up - f) * 0.5), // the midpoint above f (the overflow threshold above MaxValue)
            _ => f + ((up - f) * random.NextDouble()),
        };
        double scale = Math.Max(centre, Math.ScaleB(1, -149));
        double perturbation = (random.NextDouble() - 0.5) * Math.ScaleB(scale, -random.Next(20, 110));
        double s = ErrorFreeSum(centre, perturbation, out double t);
        double e = random.Next(5) == 0 ? 0 : Math.ScaleB(scale, -random.Next(20, 120)) * random.NextDouble();
        return (s, t, e);
    }

    private static double ErrorFreeSum(double a, double b, out double lo)
    {
        double hi = a + b;
        double bv = hi - a;
        lo = (a - (hi - bv)) + (b - bv);
        return hi;
    }

    /// <summary>Random bit patterns, log-uniform magnitudes, and the edges of klMu: overflow of x²/2, the subnormal and zero results, ties.</summary>
    private static IEnumerable<float> MuInputs(Random random)
    {
        float[] edges =
        [
            float.NaN, float.PositiveInfinity, float.NegativeInfinity, 0f, -0f, float.Epsilon, float.MaxValue, 1f,
            (float)Math.Sqrt(2 * Binary32Rounding.OverflowThreshold), (float)Math.ScaleB(1, -62), (float)Math.ScaleB(1.4142135623730951, -63),
            (float)Math.ScaleB(1, -74), (float)Math.ScaleB(1.4142135623730951, -75), (float)Math.ScaleB(1, 64),
        ];
        foreach (float edge in edges)
        {
            float x = edge;
            for (int k = 0; k < 2000 && float.IsFinite(x); k++)
            {
                yield return x;
                yield return -x;
                x = MathF.BitIncrement(x);
            }

            x = edge;
            for (int k = 0; k < 2000 && float.IsFinite(x) && x > 0; k++)
            {
                yield return x;
                x = MathF.BitDecrement(x);
            }

            yield return edge;
        }

        for (int i = 0; i < VolumeCount; i++)
        {
            yield return (i % 4) switch
            {
                0 or 1 => BitConverter.Int32BitsToSingle(random.Next(int.MinValue, int.MaxValue)),
                2 => (float)(Math.ScaleB(1 + random.NextDouble(), random.Next(-150, 128)) * (random.Next(2) == 0 ? -1 : 1)),
                _ => (float)Math.ScaleB(((2 * random.Next(1 << 12)) + 1) * (random.Next(2) == 0 ? -1.0 : 1.0), random.Next(-160, 100)), // few significant bits: ties of x²/2
            };
        }
    }

    /// <summary>Random bit patterns, the whole finite range, the cancellation region, the tail, and the edges between the regions.</summary>
    private static IEnumerable<float> LogvarInputs(Random random)
    {
        double[] edges =
        [
            0, 0.0625, -0.0625, -104, 90, 89.41782, 89.41783, Math.ScaleB(1, -62), Math.ScaleB(1, -74), Math.ScaleB(1, -75), Math.ScaleB(1, -149),
            -16777216, -33554432, -67108864, -8388608, -1e30, -3.4e38, 1e-20, 1e-10, 1e-5,
        ];
        foreach (double edge in edges)
        {
            foreach (double sign in new[] { 1.0, -1.0 })
            {
                float x = (float)(sign * edge);
                float down = x, upward = x;
                for (int k = 0; k < 1000; k++)
                {
                    yield return upward;
                    yield return down;
                    upward = MathF.BitIncrement(upward);
                    down = MathF.BitDecrement(down);
                }
            }
        }

        yield return float.NaN;
        yield return float.PositiveInfinity;
        yield return float.NegativeInfinity;
        yield return float.MaxValue;
        yield return float.MinValue;
        for (int i = 0; i < VolumeCount; i++)
        {
            yield return (i % 10) switch
            {
                0 or 1 or 2 => BitConverter.Int32BitsToSingle(random.Next(int.MinValue, int.MaxValue)),
                3 or 4 => (float)((random.NextDouble() * 206) - 110),
                5 or 6 => (float)(Math.ScaleB(1 + random.NextDouble(), random.Next(-80, -1)) * (random.Next(2) == 0 ? -1 : 1)),
                7 => (float)Math.ScaleB(((2 * random.Next(1 << 12)) + 1) * (random.Next(2) == 0 ? -1.0 : 1.0), random.Next(-90, -17)), // x²/4 a binary32 boundary
                8 => (float)-Math.ScaleB(1 + random.NextDouble(), random.Next(6, 27)), // the tail, the midpoint family [-2^25, -2^24) included
                _ => (float)-Math.ScaleB(1 + random.NextDouble(), 24),
            };
        }
    }

    private static float Mpfr(float mu, float logvar) =>
        float.IsFinite(mu) && float.IsFinite(logvar)
            ? ExactOracle.KlByMpfr<float, Binary32>([mu], [logvar])
            : ExactOracle.DiagonalGaussianKlToStandard<float, Binary32>([mu], [logvar]); // non-finite inputs take the limit paths only

    private static bool Same(float a, float b) =>
        BitConverter.SingleToUInt32Bits(a) == BitConverter.SingleToUInt32Bits(b) || (float.IsNaN(a) && float.IsNaN(b));

    private static IEnumerable<(int From, int To)> Partitioner(int count)
    {
        const int Step = 4096;
        for (int from = 0; from < count; from += Step)
        {
            yield return (from, Math.Min(count, from + Step));
        }
    }
}

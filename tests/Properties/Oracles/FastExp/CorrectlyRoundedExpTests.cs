using System;
using System.Linq;
using Latent.Ieee;
using Latent.Oracles.Exact;
using Latent.Oracles.FastExp;
using Latent.Oracles.Mpfr;
using Latent.Properties.Support;
using Xunit;
using Xunit.Abstractions;

namespace Latent.Properties.Oracles.FastExp;

/// <summary>
/// The fast correctly rounded <c>exp</c> against MPFR's (<see cref="ExactOracle.Exp{T, TFormat}"/>, Ziv's loop), bit for bit:
/// on the hard cases, on random inputs of every magnitude, and at volume; plus the facts its error bound rests on.
/// </summary>
public class CorrectlyRoundedExpTests(ITestOutputHelper output)
{
    [Fact]
    public void The_constants_have_the_properties_the_proof_uses() => ExpConstants.Verify();

    [Fact]
    public void The_Taylor_remainder_and_coefficients_are_as_stated()
    {
        // P1: ρ^8/8! · e^ρ < 2^−91.2 with ρ = 2^−9.5, computed with upward rounding.
        using var rho = new MpfrNumber(200);
        using var t = new MpfrNumber(200);
        MpfrNative.Exp2(rho, Set(t, -9.5), MpfrRound.Up);
        Assert.True(MpfrNative.GetDouble(rho, MpfrRound.Up) >= 0.5 * Math.Log(2) / 256 * (1 + Math.ScaleB(1, -30)));
        double r = MpfrNative.GetDouble(rho, MpfrRound.Up);
        double remainder = Math.Pow(r, 8) / 40320 * Math.Exp(r);
        Assert.True(remainder < Math.Pow(2, -91.2), $"P1 = {remainder:R}");

        // The coefficients are the roundings of 1/i!.
        double[] c = [ExpKernel.C3, ExpKernel.C4, ExpKernel.C5, ExpKernel.C6, ExpKernel.C7];
        for (int i = 0; i < c.Length; i++)
        {
            using var exact = new MpfrNumber(200);
            MpfrNative.SetUInt(exact, 1, MpfrRound.Nearest);
            for (uint f = 2; f <= i + 3; f++)
            {
                MpfrNative.DivUInt(exact, exact, f, MpfrRound.Nearest);
            }

            Assert.Equal(MpfrNative.GetDouble(exact, MpfrRound.Nearest), c[i]);
        }
    }

    [Fact]
    public void The_measured_kernel_error_is_below_the_proven_bound()
    {
        var random = new Random(12);
        double worst = 0;
        using var exact = new MpfrNumber(240);
        using var approx = new MpfrNumber(240);
        using var input = new MpfrNumber(64);
        for (int i = 0; i < 100_000; i++)
        {
            double x = i % 2 == 0 ? (random.NextDouble() * 1454.9) - 745.1 : (random.NextDouble() - 0.5) * Math.ScaleB(1, -random.Next(0, 40));
            double hi = ExpKernel.Evaluate(x, out int e, out double lo);
            MpfrNative.SetDouble(input, x, MpfrRound.Nearest);
            MpfrNative.Exp(exact, input, MpfrRound.Nearest);
            MpfrNative.MulPow2(exact, exact, -e, MpfrRound.Nearest);
            MpfrNative.SetDouble(approx, hi, MpfrRound.Nearest);
            using var low = new MpfrNumber(64, lo);
            MpfrNative.Add(approx, approx, low, MpfrRound.Nearest);
            MpfrNative.Sub(approx, approx, exact, MpfrRound.Nearest);
            MpfrNative.Div(approx, approx, exact, MpfrRound.Nearest);
            worst = Math.Max(worst, Math.Abs(MpfrNative.GetDouble(approx, MpfrRound.Nearest)));
        }

        output.WriteLine($"largest measured relative error of the kernel: 2^{Math.Log2(worst):F2} (bound 2^-78)");
        Assert.True(worst < ExpKernel.RelativeErrorBound, $"measured 2^{Math.Log2(worst):F2}");
    }

    [Fact]
    public void F64_agrees_with_MPFR_on_the_hard_cases()
    {
        int fallbacks = 0, count = 0;
        foreach (double x in ExpHardCases.All())
        {
            count++;
            fallbacks += CorrectlyRoundedExp.TryFast(x, out _) ? 0 : 1;
            Check(ExactOracle.Exp<double, Binary64>(x), CorrectlyRoundedExp.Exp(x), x);
        }

        output.WriteLine($"{count} hard and edge cases, {fallbacks} fell back to MPFR");
        Assert.True(fallbacks > 0, "the hard cases include some the fast path must refuse");
    }

    [Fact]
    public void F32_agrees_with_MPFR_on_the_hard_cases()
    {
        foreach (float x in ExpHardCases.All().Select(v => (float)v).Concat(F32HardCases()))
        {
            Check(ExactOracle.Exp<float, Binary32>(x), CorrectlyRoundedExp.Exp(x), x);
        }
    }

    [Fact]
    public void Both_formats_agree_with_MPFR_on_random_inputs_of_every_magnitude()
    {
        var random = new Random(1201);
        for (int i = 0; i < 200_000; i++)
        {
            double x = BitConverter.Int64BitsToDouble(random.NextInt64(long.MinValue, long.MaxValue));
            if (i % 3 == 0)
            {
                x = (random.NextDouble() * 1460) - 750;
            }

            Check(ExactOracle.Exp<double, Binary64>(x), CorrectlyRoundedExp.Exp(x), x);
            float xf = i % 3 == 0 ? (float)((random.NextDouble() * 200) - 108) : BitConverter.Int32BitsToSingle(random.Next(int.MinValue, int.MaxValue));
            Check(ExactOracle.Exp<float, Binary32>(xf), CorrectlyRoundedExp.Exp(xf), xf);
        }
    }

    /// <summary>
    /// 10^7 inputs per format. Calling MPFR on each would take a minute, so MPFR judges only where an independent fast
    /// result disagrees or is itself near a rounding boundary: for binary64 glibc's <c>exp</c> (a different algorithm, at most
    /// about 0.511 ulp off); for binary32 the binary64 <c>exp</c> rounded to binary32 when it is further than 2^−50 relative from
    /// every binary32 midpoint (so that its own error cannot move the rounding), else MPFR. Fallback rates are printed.
    /// </summary>
    [Fact]
    public void Both_formats_agree_with_MPFR_at_volume()
    {
        const int Count = 10_000_000;
        var random = new Random(1202);
        int fallbacks64 = 0, fallbacks32 = 0, judged64 = 0, judged32 = 0;
        for (int i = 0; i < Count; i++)
        {
            double x = i % 4 == 0 ? BitConverter.Int64BitsToDouble(random.NextInt64(long.MinValue, long.MaxValue)) : (random.NextDouble() * 1460) - 750;
            if (!CorrectlyRoundedExp.TryFast(x, out double fast))
            {
                fallbacks64++;
                fast = CorrectlyRoundedExp.Exp(x);
            }

            if (BitConverter.DoubleToInt64Bits(Libm.Exp(x)) != BitConverter.DoubleToInt64Bits(fast) && !double.IsNaN(x))
            {
                judged64++;
                Check(ExactOracle.Exp<double, Binary64>(x), fast, x);
            }

            float xf = i % 4 == 0 ? BitConverter.Int32BitsToSingle(random.Next(int.MinValue, int.MaxValue)) : (float)((random.NextDouble() * 200) - 108);
            if (!CorrectlyRoundedExp.TryFast(xf, out float fastF))
            {
                fallbacks32++;
                fastF = CorrectlyRoundedExp.Exp(xf);
            }

            if (!SafelyRounded(xf, out float reference))
            {
                judged32++;
                reference = ExactOracle.Exp<float, Binary32>(xf);
            }

            Check(reference, fastF, xf);
        }

        output.WriteLine($"binary64: {Count} inputs, fallback rate {fallbacks64 / (double)Count:E2} ({fallbacks64}), {judged64} judged by MPFR (glibc differs)");
        output.WriteLine($"binary32: {Count} inputs, fallback rate {fallbacks32 / (double)Count:E2} ({fallbacks32}), {judged32} judged by MPFR (near a midpoint)");
    }

    private static bool SafelyRounded(float x, out float rounded)
    {
        double y = Math.Exp(x);
        rounded = (float)y;
        if (!double.IsFinite(y) || y == 0 || float.IsInfinity(rounded) || rounded == float.MaxValue)
        {
            return false;
        }

        double f = rounded;
        double midHigh = f + ((MathF.BitIncrement(rounded) - f) * 0.5), midLow = f - ((f - MathF.BitDecrement(rounded)) * 0.5);
        double margin = y * Math.ScaleB(1, -50);
        return midHigh - y > margin && y - midLow > margin;
    }

    /// <summary>binary32 inputs whose <c>exp</c> is nearest a binary32 midpoint among 2^22 consecutive inputs near 1, found with the binary64 exp and confirmed by MPFR in the test.</summary>
    private static float[] F32HardCases()
    {
        var found = Enumerable.Range(0, 1 << 22)
            .Select(i => BitConverter.Int32BitsToSingle(0x3F000000 + (i * 3)))
            .Select(x => (x, d: MidpointDistance(Math.Exp(x))))
            .OrderBy(p => p.d).Take(32).Select(p => p.x).ToArray();
        return found;
    }

    private static double MidpointDistance(double y)
    {
        float f = (float)y;
        double up = f + ((MathF.BitIncrement(f) - (double)f) * 0.5), down = f - (((double)f - MathF.BitDecrement(f)) * 0.5);
        return Math.Min(up - y, y - down) / y;
    }

    private static void Check(double expected, double actual, double x)
    {
        if (BitConverter.DoubleToInt64Bits(expected) != BitConverter.DoubleToInt64Bits(actual) && !(double.IsNaN(expected) && double.IsNaN(actual)))
        {
            Assert.Fail($"exp({x:R}) = 0x{BitConverter.DoubleToInt64Bits(actual):X16}, MPFR 0x{BitConverter.DoubleToInt64Bits(expected):X16}");
        }
    }

    private static void Check(float expected, float actual, float x)
    {
        if (BitConverter.SingleToInt32Bits(expected) != BitConverter.SingleToInt32Bits(actual) && !(float.IsNaN(expected) && float.IsNaN(actual)))
        {
            Assert.Fail($"expf({x:R}) = 0x{BitConverter.SingleToInt32Bits(actual):X8}, MPFR 0x{BitConverter.SingleToInt32Bits(expected):X8}");
        }
    }

    private static MpfrNumber Set(MpfrNumber n, double v)
    {
        MpfrNative.SetDouble(n, v, MpfrRound.Nearest);
        return n;
    }
}

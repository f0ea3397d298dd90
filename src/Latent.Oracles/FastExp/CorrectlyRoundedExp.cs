using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using Latent.Ieee;
using Latent.Oracles.Exact;
using static Latent.Oracles.FastExp.ErrorFreeTransforms;

namespace Latent.Oracles.FastExp;

/// <summary>
/// Correctly rounded <c>exp</c> (to nearest, ties to even) for binary64 and binary32: the double-double
/// <see cref="ExpKernel"/> (relative error proven below 2^−78), a rigorous rounding test, and MPFR
/// (<see cref="ExactOracle.Exp{T, TFormat}"/>, Ziv's loop) only when the test cannot decide. The results are those of
/// <see cref="ExactOracle.Exp{T, TFormat}"/> bit for bit, for every input: both are the correct rounding of the real <c>exp</c>.
/// </summary>
/// <remarks>
/// <para>In all tests below, <c>(s, t) = FastTwoSum(hi, lo)</c> (exact) from <c>exp(x) ≈ 2^e (hi + lo)</c>, so
/// <c>|t| ≤ 2^−53 s</c> and the real <c>v = exp(x)/2^e</c> satisfies <c>|v − (s + t)| ≤ 2^−78 v</c>. Each test compares computed
/// binary64 values with boundaries that are binary64 values; rounding to nearest is monotone, so <c>RN(a) &lt; b</c> implies
/// <c>a &lt; b</c> for a representable <c>b</c>: every accepted result is provably the correct rounding, and a tie or anything
/// closer than the bound goes to MPFR.</para>
/// <para><b>binary64, normal results</b> (<c>−708.396 ≤ x ≤ 709.7827</c>). With <c>E = s · 2^−77 ≥ 2^−78 v</c>, <c>v</c> rounds to <c>s</c>
/// when <c>t + E</c> is below half the gap from <c>s</c> to its upper neighbour and <c>t − E</c> above minus half the gap to its lower
/// one (both half gaps are powers of two); the result is <c>s · 2^e</c>, exact in the normal range. Expected fallback rate
/// about <c>2E/ulp(s) ≈ 2^−23</c>.</para>
/// <para><b>binary64, subnormal results</b> (<c>−745.14 ≤ x &lt; −708.3965</c>). The grid is <c>2^−1074 ℤ</c>: with
/// <c>w = s · 2^(e+1074)</c> and <c>t_w = t · 2^(e+1074)</c> (exact, up to an underflow of <c>t_w</c> below 2^−1075 that the factor 2
/// in <c>E</c> absorbs; <c>0.249 &lt; w &lt; 2^52</c>), the candidate is <c>n = round(w + t_w)</c> (<c>round(w)</c>, moved by one when <c>w</c> is itself a half-integer
/// and <c>t_w</c> points away from <c>n</c>) and the result <c>n · 2^−1074</c> (exact). For
/// <c>w ≥ 1</c>, <c>n ± 1/2</c> and <c>w</c> are multiples of <c>ulp(w)</c> and the gaps <c>(n + 1/2) − w</c>, <c>w − (n − 1/2)</c> (at most 1,
/// so at most 2^52 ulps) are exact; the test is the binary64 one with these gaps and <c>E = w · 2^−77</c>.</para>
/// <para><b>Coarse bracket</b> (binary32, and binary64 results with <c>w &lt; 1</c>, i.e. 0 or the least subnormal). From the
/// facts above, <c>S(1 − 2^−52) &lt; exp(x) &lt; S(1 + 2^−52)</c> for <c>S = s · 2^e</c>, and <c>RN(S(1 + 2^−49)) &gt; S(1 + 2^−50)</c>,
/// <c>RN(S(1 − 2^−49)) &lt; S(1 − 2^−50)</c>. So when <c>RN(S(1 + 2^−49)) &lt; mHi</c> and <c>RN(S(1 − 2^−49)) &gt; mLo</c> for the two
/// rounding boundaries (midpoints, binary64 values) around the candidate, the candidate is the correct rounding. binary32
/// (<c>−103.98 ≤ x ≤ 88.7228</c>): the candidate is <c>RN32(S)</c>; the test fails only within about 2^−49 relative of a
/// binary32 midpoint, a rate near 2^−24.</para>
/// <para><b>Saturated ranges.</b> binary64: <c>x &gt; 709.7828</c> gives +∞ (<c>exp(x)</c> exceeds the overflow threshold
/// <c>2^1024 − 2^970</c>, whose log is 709.7827128…), <c>x &lt; −745.14</c> gives +0 (<c>exp(−745.14) &lt; 2^−1075</c>, below the
/// midpoint between 0 and the least subnormal). binary32: <c>x &gt; 88.72284</c> gives +∞ (above <c>2^128 − 2^103</c>, log
/// 88.7228390…), <c>x &lt; −103.98</c> gives +0 (below 2^−150). The narrow bands left over (the overflow edges,
/// <c>[−708.3965, −708.396)</c>) go to MPFR. NaN, ±∞ and ±0 are answered as <see cref="ExactOracle"/> answers them: NaN,
/// +∞ / +0, and 1. The tests check the thresholds and their neighbours against MPFR.</para>
/// </remarks>
public static class CorrectlyRoundedExp
{
    private const double UnitError = 6.617444900424222e-24; // 2^-77 = 2 · ExpKernel.RelativeErrorBound
    private const double Widen = 1 + 1.7763568394002505e-15;  // 1 + 2^-49, exact
    private const double Narrow = 1 - 1.7763568394002505e-15; // 1 − 2^-49, exact

    /// <summary>Correctly rounded <c>exp(x)</c> in the format of <typeparamref name="T"/>: the fast path for binary64 and binary32, MPFR otherwise.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Exp<T, TFormat>(T x)
        where T : IBinaryFloatingPointIeee754<T>
        where TFormat : IBinaryFormat<T>
    {
        if (typeof(T) == typeof(double) && typeof(TFormat) == typeof(Binary64))
        {
            double r = Exp(Unsafe.As<T, double>(ref x));
            return Unsafe.As<double, T>(ref r);
        }

        if (typeof(T) == typeof(float) && typeof(TFormat) == typeof(Binary32))
        {
            float r = Exp(Unsafe.As<T, float>(ref x));
            return Unsafe.As<float, T>(ref r);
        }

        if (TFormat.Precision <= 24 && TFormat.MaxExponent <= 127 && TryFastNarrow<T, TFormat>(x, out T narrow))
        {
            return narrow;
        }

        return ExactOracle.Exp<T, TFormat>(x);
    }

    /// <summary>
    /// The fast path of formats no wider than binary32 in precision and range (binary16, bfloat16): the binary32 coarse
    /// bracket with the format's own rounding boundaries. The candidate is <c>S</c> rounded once into the format
    /// (a direct conversion from binary64), and it is the correct rounding when <c>S(1 ± 2^−49)</c> stay strictly between
    /// the two boundaries around it; past the largest finite value the candidate is +∞ when <c>S(1 − 2^−49)</c> exceeds the
    /// overflow threshold <c>MAX + ulp(MAX)/2</c>, and +0 when <c>S(1 + 2^−49)</c> is below half the least subnormal.
    /// </summary>
    public static bool TryFastNarrow<T, TFormat>(T x, out T result)
        where T : IBinaryFloatingPointIeee754<T>
        where TFormat : IBinaryFormat<T>
    {
        double xd = double.CreateTruncating(x);
        if (!(xd >= -103.98 && xd <= 88.7228))
        {
            bool decided = Saturated(xd, 88.72284, -103.98, out double saturated);
            result = T.CreateTruncating(saturated);
            return decided;
        }

        double s = ExpKernel.Evaluate(xd, out int e, out double lo) + lo;
        double big = s * ExpKernel.PowerOfTwo(e);
        result = T.CreateTruncating(big);
        int fractionBits = TFormat.Precision - 1;
        T largest = TFormat.FromBits((((1UL << (TFormat.BitWidth - 1 - fractionBits)) - 2) << fractionBits) | ((1UL << fractionBits) - 1));
        double max = double.CreateTruncating(largest);
        if (T.IsInfinity(result) || double.CreateTruncating(result) == max)
        {
            double overflow = max + ((max - double.CreateTruncating(T.BitDecrement(largest))) * 0.5);
            result = T.PositiveInfinity;
            return big * Narrow > overflow;
        }

        if (T.IsZero(result))
        {
            return big * Widen < double.CreateTruncating(T.Epsilon) * 0.5;
        }

        double f = double.CreateTruncating(result);
        double midHigh = f + ((double.CreateTruncating(T.BitIncrement(result)) - f) * 0.5);
        double midLow = f - ((f - double.CreateTruncating(T.BitDecrement(result))) * 0.5);
        return big * Widen < midHigh && big * Narrow > midLow;
    }

    /// <summary>Correctly rounded binary64 <c>exp(x)</c>.</summary>
    public static double Exp(double x) => TryFast(x, out double result) ? result : ExactOracle.Exp<double, Binary64>(x);

    /// <summary>Correctly rounded binary32 <c>exp(x)</c>.</summary>
    public static float Exp(float x) => TryFast(x, out float result) ? result : ExactOracle.Exp<float, Binary32>(x);

    /// <summary>
    /// The fast path alone: true with the correctly rounded <c>exp(x)</c>, or false when only MPFR can decide (then
    /// <paramref name="result"/> is meaningless). Exposed so that tests and benchmarks can count the fallbacks.
    /// </summary>
    public static bool TryFast(double x, out double result)
    {
        if (x >= -708.396 && x <= 709.7827)
        {
            double hi = ExpKernel.Evaluate(x, out int e, out double lo);
            double s = FastTwoSum(hi, lo, out double t);
            double error = s * UnitError;
            double halfUp = (Math.BitIncrement(s) - s) * 0.5;
            double halfDown = (s - Math.BitDecrement(s)) * 0.5;
            // e reaches 1024 just below the overflow threshold (k = 2^18, j = 0): scale in two exact steps there.
            result = e < 1024 ? s * ExpKernel.PowerOfTwo(e) : (s * 2.0) * ExpKernel.PowerOfTwo(e - 1);
            return t + error < halfUp && t - error > -halfDown;
        }

        if (x >= -745.14 && x < -708.3965)
        {
            double hi = ExpKernel.Evaluate(x, out int e, out double lo);
            double s = FastTwoSum(hi, lo, out double t);
            double scale = ExpKernel.PowerOfTwo(e + 1074);
            double w = s * scale;
            double n = Math.Round(w);
            result = n * double.Epsilon;
            if (w < 1)
            {
                return w * Widen < n + 0.5 && w * Narrow > n - 0.5;
            }

            // For w ≥ 2^51, w has one fractional bit and may be a tie n ± 1/2 exactly; then t_w says which side v is on.
            double tw = t * scale, error = w * UnitError;
            double d = w - n;
            n += d == 0.5 && tw > 0 ? 1 : d == -0.5 && tw < 0 ? -1 : 0;
            result = n * double.Epsilon;
            return tw + error < (n + 0.5) - w && error - tw < w - (n - 0.5);
        }

        return Saturated(x, 709.7828, -745.14, out result);
    }

    /// <summary>The binary32 fast path; see <see cref="TryFast(double, out double)"/>.</summary>
    public static bool TryFast(float x, out float result)
    {
        double xd = x;
        if (xd >= -103.98 && xd <= 88.7228)
        {
            double s = ExpKernel.Evaluate(xd, out int e, out double lo) + lo;
            double big = s * ExpKernel.PowerOfTwo(e);
            result = (float)big;
            double f = result;
            double midHigh = f + ((MathF.BitIncrement(result) - f) * 0.5);
            double midLow = f - ((f - MathF.BitDecrement(result)) * 0.5);
            return result < float.MaxValue && big * Widen < midHigh && big * Narrow > midLow;
        }

        bool decided = Saturated(xd, 88.72284, -103.98, out double saturated);
        result = (float)saturated;
        return decided;
    }

    /// <summary>NaN, the infinities and the saturated ranges: exp overflows above <paramref name="overflow"/> and rounds to +0 below <paramref name="underflow"/>.</summary>
    private static bool Saturated(double x, double overflow, double underflow, out double result)
    {
        result = double.NaN;
        if (double.IsNaN(x))
        {
            return true;
        }

        if (x > overflow)
        {
            result = double.PositiveInfinity;
            return true;
        }

        if (x < underflow)
        {
            result = 0.0;
            return true;
        }

        return false;
    }
}

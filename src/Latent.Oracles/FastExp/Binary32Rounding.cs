using System;

namespace Latent.Oracles.FastExp;

/// <summary>
/// The rigorous rounding test of the binary32 fast paths: given a positive real <c>v</c> known only through an enclosure
/// <c>|v − (s + t)| ≤ e</c> (binary64 values), either prove which binary32 value <c>v</c> rounds to (to nearest, ties to even,
/// with gradual underflow and overflow to +∞) or give up, so that the caller asks MPFR.
/// </summary>
/// <remarks>
/// <para><b>Preconditions</b>: <c>v &gt; 0</c>; <c>s ≥ 0</c> finite; <c>(s, t)</c> normalized, <c>|t| ≤ 2^−53 s</c> (the output of a
/// TwoSum or FastTwoSum); <c>e ≥ 0</c>. The test never answers wrongly under them; it may decline.</para>
/// <para>Every comparison below is between a computed binary64 value and a binary64 boundary. Rounding to nearest is monotone,
/// so <c>RN(a) &lt; b</c> with <c>b</c> representable implies <c>a &lt; b</c>: the computed <c>RN(t + e) &lt; g</c> proves the real
/// <c>t + e &lt; g</c> whenever the gap <c>g</c> is computed exactly, which is argued for each gap.</para>
/// <para><b>Normal results</b> (<c>s ≥ 2^−126</c>). The candidate is <c>f = RN32(s)</c> (a conversion, itself correctly rounded),
/// moved to the other neighbour when <c>s</c> is exactly a midpoint and <c>t</c> points away from <c>f</c> (the conversion broke the
/// tie to even; <c>v</c> is not on it).
/// The midpoints <c>mHi</c>, <c>mLo</c> between <c>f</c> and its neighbours have 25 significant bits, so they and the half gaps are
/// binary64 values; <c>s</c> lies between them (it rounds to <c>f</c>) and within a factor 2 of both, so <c>mHi − s</c> and
/// <c>s − mLo</c> are exact (Sterbenz). <c>v</c> rounds to <c>f</c> when <c>t + e &lt; mHi − s</c> and <c>e − t &lt; s − mLo</c>: then
/// <c>mLo &lt; v &lt; mHi</c> strictly, away from both ties. Above <c>MaxValue</c> the upper boundary is the overflow threshold
/// <c>θ = 2^128 − 2^103</c> (the midpoint between <c>MaxValue</c> and 2^128; a tie there rounds to the even 2^128, i.e. +∞):
/// <c>v</c> rounds to +∞ when <c>s + t − e ≥ θ</c>, proven as <c>e − t &lt; s − θ</c> (exact by Sterbenz for <c>s ≤ 2θ</c>), and for
/// <c>s &gt; 2θ</c> by <c>e ≤ s/4</c> (then <c>v ≥ s(1 − 2^−53 − 1/4) &gt; θ</c>).</para>
/// <para><b>Subnormal and zero results</b> (<c>s &lt; 2^−126</c>). Scaled by 2^149 (exact: scaling up by a power of two), the
/// binary32 grid is the integers and its boundaries the half-integers: <c>w = s·2^149 &lt; 2^23</c>, <c>tw</c>, <c>ew</c>. The
/// candidate is <c>n = round(w)</c>, moved by one when <c>w</c> is itself a half-integer and <c>tw</c> points away from <c>n</c>;
/// the result <c>n · 2^−149</c> is exact (it is 2^−126, normal, for <c>n = 2^23</c>). For <c>w ≥ 1/2</c>, <c>w</c> and <c>n ± 1/2</c>
/// are multiples of 2^−53 and the gaps <c>(n + 1/2) − w</c>, <c>w − (n − 1/2)</c> lie in <c>[0, 1]</c>, so they are exact; the test is
/// the normal one with these gaps. For <c>1/4 ≤ w &lt; 1/2</c> the candidate is +0 and <c>1/2 − w</c> is exact (Sterbenz); the lower
/// gap exceeds 1/2, more than <c>ew − tw</c> whenever <c>|tw|, ew ≤ 1/16</c>. For <c>w &lt; 1/4</c> with <c>|tw|, ew ≤ 1/16</c>,
/// <c>v &lt; 3/8 · 2^−149</c>, below the least positive midpoint: +0 (and +0, not −0, since <c>v &gt; 0</c>). Larger <c>|tw|</c> or
/// <c>ew</c> with a small <c>w</c> decline.</para>
/// </remarks>
internal static class Binary32Rounding
{
    /// <summary>2^128 − 2^103: reals at or above it round to +∞ in binary32.</summary>
    public const double OverflowThreshold = 3.4028235677973366e38;

    private const double SmallestNormal = 1.1754943508222875e-38; // 2^-126
    private const double ToGrid = 7.1362384635297994e44;          // 2^149
    private const double Quantum = 1.401298464324817e-45;         // 2^-149

    /// <summary>True with <c>RN32(v)</c> when the enclosure <c>|v − (s + t)| ≤ e</c> proves it; false when only MPFR can decide.</summary>
    public static bool TryRound(double s, double t, double e, out float result)
    {
        if (s >= SmallestNormal)
        {
            return Normal(s, t, e, out result);
        }

        return Subnormal(s * ToGrid, t * ToGrid, e * ToGrid, out result);
    }

    private static bool Normal(double s, double t, double e, out float result)
    {
        result = (float)s;
        if (float.IsPositiveInfinity(result))
        {
            if (s > 2 * OverflowThreshold)
            {
                return e <= s * 0.25;
            }

            return e - t < s - OverflowThreshold;
        }

        // s itself a midpoint (a tie that RN32 broke to even): t says on which side v lies, so the candidate is its neighbour there.
        double f = result;
        if (s != f && t != 0)
        {
            float other = s > f ? MathF.BitIncrement(result) : MathF.BitDecrement(result);
            if (s == ((f + other) * 0.5) && (t > 0) == (s > f))
            {
                result = other;
                f = other;
            }
        }

        double midHigh = result == float.MaxValue ? OverflowThreshold : f + ((MathF.BitIncrement(result) - f) * 0.5);
        double midLow = f - ((f - MathF.BitDecrement(result)) * 0.5);
        return t + e < midHigh - s && e - t < s - midLow;
    }

    private static bool Subnormal(double w, double tw, double ew, out float result)
    {
        result = 0f;
        if (w >= 0.5)
        {
            double n = Math.Round(w); // ties to even
            double d = w - n;         // exact: both are multiples of 2^-53 within 1/2 of each other
            n += d == 0.5 && tw > 0 ? 1 : d == -0.5 && tw < 0 ? -1 : 0;
            result = (float)(n * Quantum);
            return tw + ew < (n + 0.5) - w && ew - tw < w - (n - 0.5);
        }

        if (Math.Abs(tw) > 0.0625 || ew > 0.0625)
        {
            return false;
        }

        return w < 0.25 || tw + ew < 0.5 - w;
    }
}

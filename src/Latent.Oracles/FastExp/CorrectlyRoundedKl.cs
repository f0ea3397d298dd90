using System;
using static Latent.Oracles.FastExp.ErrorFreeTransforms;

namespace Latent.Oracles.FastExp;

/// <summary>
/// Fast paths for the exact one-coordinate KL term in binary32, <c>RN32(0.5·(e^l − 1 − l + mu²))</c> (the real value rounded
/// once), for the two slices <c>latent exhaustive</c> sweeps: <c>klMu</c> (<c>logvar = 0</c>) and <c>klLogvar</c> (<c>mu = 0</c>).
/// Each answers only what it proves and otherwise leaves the input to MPFR (<c>ExactOracle</c>'s Ziv loop); special inputs are
/// answered as <c>ExactOracle</c> answers them: NaN for NaN, +∞ for ±∞ (the limit of the real KL), +0 at the rational zero.
/// </summary>
/// <remarks>
/// <para><b>klMu</b>: with <c>logvar = 0</c> the real term is <c>x²/2</c> (<c>e^0 − 1 − 0 = 0</c>). A binary32 <c>x</c> has 24
/// significant bits and <c>|x| ∈ [2^−149, 2^128)</c>, so <c>x²</c> has at most 48 bits and lies in <c>[2^−298, 2^256)</c>: exact in
/// binary64, and so is its halving. Converting that binary64 value to binary32 is one IEEE rounding (to nearest, ties to even,
/// gradual underflow, +∞ at and above 2^128 − 2^103), so the result is the correct rounding with no test at all; ±0 give
/// <c>+0</c>, ±∞ give +∞, NaN gives NaN, as the exact oracle's rational path does.</para>
/// <para><b>klLogvar</b>: <c>V(x) = (e^x − 1 − x)/2 &gt; 0</c> for <c>x ≠ 0</c>, evaluated as an enclosure <c>|V − (S + T)| ≤ E</c> and
/// decided by <see cref="Binary32Rounding"/>. The relative error <c>|V − (S + T)|/V</c> is proven below 2^−54 over the whole
/// binary32 range (below <c>6.3u|x|</c> near 0, <c>u = 2^−53</c>; below 2^−68.9 for <c>|x| ≥ 1/16</c>), and the bound <c>E</c> the
/// test uses is within <c>E/V &lt; 2^−53.5</c> (<c>11.1u|x|</c> near 0; 2^−66 for <c>|x| ≥ 1/16</c>), so the test declines only within
/// about 2^−29 relative of a binary32 rounding boundary. Four regions:</para>
/// <list type="number">
/// <item><description><c>|x| &lt; 1/16</c>, the cancellation region: the series
/// <c>V = (x²/4)(1 + R)</c>, <c>R = Σ_{k≥1} a_k x^k</c>, <c>a_k = 2/(k+2)!</c>, which cancels nothing. <c>q = x²/4</c> is exact (as for
/// klMu). <c>R</c> is truncated after <c>k = 8</c> and evaluated as <c>R̂ = RN(x·ĥ)</c> with <c>ĥ</c> the Horner value of
/// <c>h(x) = Σ_{j=0..7} a_{j+1} x^j</c> with coefficients <c>RN(a_k)</c>. Truncation: <c>|τ| ≤ a_9|x|^9/(1 − |x|/12) ≤ 1.18·10^−17|x|</c>
/// (<c>a_9 = 2/11!</c>, <c>|x|^8 ≤ 2^−32</c>). Horner (Higham, <i>Accuracy and Stability of Numerical Algorithms</i>, 2nd ed., eq. 5.3):
/// <c>|ĥ − h̃| ≤ γ_14 Σ|RN(a_{j+1})||x|^j</c>, plus <c>u = 2^−53</c> relative for the rounded coefficients; since
/// <c>a_{k+1}/a_k ≤ 1/4</c>, <c>Σ a_{j+1}|x|^j ≤ 1.0159 a_1</c> and <c>|h(x)| ≥ 0.9841 a_1</c>, so <c>|ĥ − h| ≤ 15.5u|h|</c>, and the
/// product adds <c>u</c>: <c>|R̂ − R| ≤ 17u|R_8|</c> (truncation included: <c>|τ| ≤ 0.33u|R_8|</c>, <c>|R_8| ≥ 0.328|x|</c>). With
/// <c>p = RN(q·R̂)</c> and <c>(S, T) = FastTwoSum(q, p)</c> (exact, <c>|p| &lt; q</c>): <c>|V − (S + T)| ≤ q|R − R̂| + u|qR̂| ≤ 18.1u|p|
/// &lt; 2^−48|p| = E</c>, exact to compute. No step underflows: <c>|x| ≥ 2^−149</c> keeps every product above 2^−460. As
/// <c>|p| ≤ 1.0159·(1/3)|x|·q·(1 + 18u)</c> and <c>V ≥ 0.9788q</c>, the error is below <c>18.1u · 0.0217 V &lt; 2^−54 V</c> and
/// <c>E &lt; 2^−53.5 V</c>. When <c>q</c> is itself a binary32 boundary the real value differs from it by about
/// <c>q|x|/3</c>, far more than <c>E</c>, so the test settles those inputs too.</description></item>
/// <item><description><c>1/16 ≤ |x|</c>, <c>−104 ≤ x ≤ 90</c>: <c>e^x</c> from <see cref="ExpKernel"/> as <c>H + L</c> (<c>H = hi·2^e</c>,
/// <c>L = lo·2^e</c>, <c>|H + L − e^x| ≤ 2^−78 e^x</c>; the scaling is exact but for an underflow of <c>L</c> by at most 2^−1075).
/// <c>(s1, t1) = TwoSum(H, −1)</c> and <c>(s2, t2) = TwoSum(s1, −x)</c> are exact, <c>r = RN(t1 + t2)</c> and <c>r2 = RN(r + L)</c> err by
/// at most <c>u|r|</c> and <c>u|r2|</c>, <c>(S, T) = TwoSum(s2, r2)</c> is exact: <c>|D − (S + T)| ≤ 2^−78(1 + 2^−77)(|H| + |L|) +
/// u(|r| + |r2|) + 2^−1075</c> for <c>D = e^x − 1 − x</c>. The computed <c>E_D = 2·(2^−77(|H| + |L|) + 2^−53(|r| + |r2|))</c> exceeds
/// that (each rounding of a nonnegative sum loses at most a factor <c>1 − u</c>, an underflowing product at most 2^−1075, and the first
/// term is at least 2^−228), and <c>V = D/2</c> is enclosed by <c>(S/2, T/2, E_D/2)</c> (halving exact but for 2^−1075 in <c>T</c>,
/// inside the same margin). With <c>e^x/D ≤ 534</c> for <c>|x| ≥ 1/16</c> (at <c>x = 1/16</c>; it decreases away from 0), the error is
/// below <c>2^−78 · 534 &lt; 2^−68.9</c> of <c>V</c> and <c>E_D/2 ≤ 2^−76 · 534 V (1 + 2^−40) &lt; 2^−66 V</c> (the rounding terms
/// <c>2^−53(|r| + |r2|)</c> are below <c>2^−100 V</c>).</description></item>
/// <item><description><c>x &gt; 90</c>: <c>V</c> increases for <c>x &gt; 0</c> and <c>V(90) &gt; 6·10^38</c> exceeds the overflow threshold
/// 2^128 − 2^103: +∞.</description></item>
/// <item><description><c>x &lt; −104</c>: <c>V = a + δ</c> with <c>a = (−1 − x)/2 &gt; 51</c> and <c>0 &lt; δ = e^x/2 &lt; 2^−151</c>. If
/// <c>|x| ≥ 2^26</c>, <c>|x|/2</c> is a binary32 value whose half gaps are at least 1, and <c>v</c> is within 1/2 below it: the
/// result is <c>|x|/2</c>. Otherwise <c>x</c> is a multiple of 2^−17 below 2^26, so <c>−1 − x</c> and <c>a</c> are exact in binary64
/// and <c>a</c> is a multiple of 2^−18, while binary32 boundaries near <c>a</c> are multiples of 2^−19: a boundary other than
/// <c>a</c> is at least 2^−19 away, far beyond <c>δ</c>. So <c>v</c> rounds as <c>a</c> does, except when <c>a</c> is exactly a
/// midpoint: then <c>v</c> is just above it and rounds up (all of <c>[−2^25, −2^24)</c> is such: <c>a</c> is a half-integer there).
/// These inputs are answered without any test.</description></item>
/// </list>
/// </remarks>
public static class CorrectlyRoundedKl
{
    // a_k = 2/(k+2)!, rounded to binary64.
    private const double A1 = 1.0 / 3, A2 = 1.0 / 12, A3 = 1.0 / 60, A4 = 1.0 / 360, A5 = 1.0 / 2520, A6 = 1.0 / 20160, A7 = 1.0 / 181440, A8 = 1.0 / 1814400;

    private const double SeriesError = 3.552713678800501e-15;   // 2^-48
    private const double ExpError = 6.617444900424222e-24;      // 2^-77
    private const double RoundingError = 1.1102230246251565e-16; // 2^-53
    private const double LargeNegative = 67108864;              // 2^26

    /// <summary>The coefficients <c>a_k = 2/(k+2)!</c>, <c>k = 1..8</c>, as used (tests re-derive them with MPFR).</summary>
    internal static double[] SeriesCoefficients => [A1, A2, A3, A4, A5, A6, A7, A8];

    /// <summary>The exact one-coordinate KL at <c>logvar = 0</c>, <c>mu = x</c>: <c>RN32(x²/2)</c>, for every binary32 input.</summary>
    public static float KlMu(float x) => (float)(0.5 * ((double)x * x));

    /// <summary>
    /// The exact one-coordinate KL at <c>mu = 0</c>, <c>logvar = x</c>: true with <c>RN32((e^x − 1 − x)/2)</c>, or false when only
    /// MPFR can decide (then <paramref name="result"/> is meaningless).
    /// </summary>
    public static bool TryKlLogvar(float x, out float result)
    {
        double xd = x;
        if (float.IsNaN(x) || float.IsInfinity(x) || x == 0)
        {
            result = float.IsNaN(x) ? float.NaN : x == 0 ? 0f : float.PositiveInfinity;
            return true;
        }

        if (xd > 90)
        {
            result = float.PositiveInfinity;
            return true;
        }

        if (xd < -104)
        {
            result = Tail(xd);
            return true;
        }

        double s, t, e;
        if (Math.Abs(xd) < 0.0625)
        {
            Series(xd, out s, out t, out e);
        }
        else
        {
            ViaExp(xd, out s, out t, out e);
        }

        return Binary32Rounding.TryRound(s, t, e, out result);
    }

    /// <summary>The enclosure of <c>V(x)</c> for <c>|x| &lt; 1/16</c> (see the remarks, region 1).</summary>
    internal static void Series(double x, out double s, out double t, out double e)
    {
        double q = 0.25 * (x * x);
        double h = A1 + (x * (A2 + (x * (A3 + (x * (A4 + (x * (A5 + (x * (A6 + (x * (A7 + (x * A8)))))))))))));
        double p = q * (x * h);
        s = FastTwoSum(q, p, out t);
        e = Math.Abs(p) * SeriesError;
    }

    /// <summary>The enclosure of <c>V(x)</c> for <c>1/16 ≤ |x|</c>, <c>−104 ≤ x ≤ 90</c> (see the remarks, region 2).</summary>
    internal static void ViaExp(double x, out double s, out double t, out double e)
    {
        ExpMinusOneMinusX(x, out double d, out double dt, out double errorD);
        s = d * 0.5;
        t = dt * 0.5;
        e = errorD * 0.5;
    }

    /// <summary>
    /// The enclosure <c>(S, T, E_D)</c> of <c>D = e^x − 1 − x</c> for <c>1/16 ≤ |x|</c>, <c>−600 ≤ x ≤ 709</c> (region 2 of the
    /// remarks before the halving; in this range <c>2^−77|H| ≥ 2^−943</c> and every scaling by 2^k is valid).
    /// </summary>
    internal static void ExpMinusOneMinusX(double x, out double s, out double t, out double e)
    {
        double hi = ExpKernel.Evaluate(x, out int k, out double lo);
        double scale = ExpKernel.PowerOfTwo(k);
        double h = hi * scale, l = lo * scale;
        double s1 = TwoSum(h, -1.0, out double t1);
        double s2 = TwoSum(s1, -x, out double t2);
        double r = t1 + t2;
        double r2 = r + l;
        s = TwoSum(s2, r2, out t);
        e = 2 * ((ExpError * (Math.Abs(h) + Math.Abs(l))) + (RoundingError * (Math.Abs(r) + Math.Abs(r2))));
    }

    /// <summary><c>RN32((−1 − x)/2 + δ)</c> for <c>x &lt; −104</c>, <c>0 &lt; δ &lt; 2^−151</c> (see the remarks, region 4).</summary>
    private static float Tail(double x)
    {
        if (x <= -LargeNegative)
        {
            return (float)(-x * 0.5);
        }

        double a = (-1.0 - x) * 0.5;
        float f = (float)a;
        double fd = f;
        if (fd == a)
        {
            return f;
        }

        float lower = fd < a ? f : MathF.BitDecrement(f);
        float upper = fd < a ? MathF.BitIncrement(f) : f;
        return a == (((double)lower + upper) * 0.5) ? upper : f;
    }
}

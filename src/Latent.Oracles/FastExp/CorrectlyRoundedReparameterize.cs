using System;
using static Latent.Oracles.FastExp.ErrorFreeTransforms;

namespace Latent.Oracles.FastExp;

/// <summary>
/// A fast path for the exact <c>reparameterizeDiag</c> element <c>RN(mu + exp(logvar/2) · eps)</c> (one rounding of the real
/// value) in binary64 and binary32, built on <see cref="ExpKernel"/>: it answers only when a rigorous error bound proves the
/// rounding, and otherwise leaves the element to MPFR (<c>ExactOracle</c>'s Ziv loop).
/// </summary>
/// <remarks>
/// <para>With <c>x = logvar/2</c> (exact in binary64, checked), <c>exp(x) = P(1 + δ)</c>, <c>|δ| ≤ 2^−78</c>, where <c>P = H + L</c>,
/// <c>H = hi·2^e</c>, <c>L = lo·2^e</c> (exact scalings, except that <c>L</c> or <c>q</c> below may underflow by at most 2^−1075,
/// far inside the factor 2 of <c>E′</c>, whose first term is at least 2^−477 in the admitted range). Then <c>(ph, pl) = TwoProduct(H, eps)</c> is exact,
/// <c>q = RN(L·eps)</c> errs by at most <c>u|L·eps| ≤ 2^−80|ph|</c> (<c>|lo| ≤ 2^−28|hi|</c>), and <c>|P·eps·δ| ≤ 2^−78(1 + 2^−27)|ph|</c>:
/// together below <c>2^−77|ph|</c>. <c>(s1, t1) = TwoSum(mu, ph)</c> is exact; <c>r = RN(pl + q)</c> and <c>t = RN(t1 + r)</c> err by at
/// most <c>u(|pl| + |q| + |t1| + |r|)</c>; <c>(S, T) = TwoSum(s1, t)</c> is exact. So the real value lies within
/// <c>E = 2^−77|ph| + 2^−53(|pl| + |q| + |t1| + |r|)</c> of <c>S + T</c>, and the computed <c>E′ = 2 · RN(RN(2^−77|ph|) + RN(2^−53 ·
/// RN(RN(|pl| + |q|) + RN(|t1| + |r|))))</c> exceeds <c>E</c> (four roundings down lose less than the factor 2; no term underflows in
/// the admitted range). Cancellation between <c>mu</c> and the product is covered: <c>E</c> is absolute.</para>
/// <para>The rounding tests are those of <see cref="CorrectlyRoundedExp"/>: binary64 returns <c>S</c> when <c>RN(T + E′)</c> is below
/// half the gap to <c>S</c>'s upper neighbour and <c>RN(T − E′)</c> above minus half the gap to its lower one (S normal); binary32
/// returns <c>f = RN32(S)</c> when <c>RN(T + E′) &lt; mHi − S</c> and <c>RN(E′ − T) &lt; S − mLo</c> for the binary32 midpoints around a normal
/// <c>f</c> (the gaps are exact by Sterbenz). Admitted: finite nonzero inputs with <c>|x| ≤ 700</c>, <c>2^−400 ≤ |eps|, |ph| ≤ 2^400</c>,
/// <c>|mu| ≤ 2^400</c>; anything else, and every undecided case, returns false.</para>
/// </remarks>
public static class CorrectlyRoundedReparameterize
{
    private const double Tiny = 3.872591914849318e-121;  // 2^-400
    private const double Huge = 2.5822498780869086e120; // 2^400

    /// <summary>The binary64 element, or false when only MPFR can decide.</summary>
    public static bool TryFast(double mu, double logvar, double eps, out double result)
    {
        result = double.NaN;
        if (!Enclose(mu, logvar, eps, out double s, out double t, out double error, out _) || !double.IsNormal(s))
        {
            return false;
        }

        double halfUp = (Math.BitIncrement(s) - s) * 0.5;
        double halfDown = (s - Math.BitDecrement(s)) * 0.5;
        result = s;
        return t + error < halfUp && t - error > -halfDown;
    }

    /// <summary>The binary32 element for finite inputs and a nonzero <paramref name="eps"/>, or false when only MPFR can decide.</summary>
    public static bool TryFast(float mu, float logvar, float eps, out float result)
    {
        result = float.NaN;
        if (!float.IsFinite(mu) || !float.IsFinite(logvar) || !float.IsFinite(eps) || eps == 0)
        {
            return false;
        }

        double x = logvar * 0.5; // exact: binary64 has a wider range than binary32
        if (Math.Abs(x) > 700 || (!Enclose(mu, logvar, eps, out double s, out double t, out double error, out double product) && !double.IsNaN(product)))
        {
            return Saturated(mu, x, eps, out result);
        }

        if (double.IsNaN(product))
        {
            return false;
        }

        result = (float)s;
        if (!float.IsNormal(result) || Math.Abs(result) == float.MaxValue)
        {
            return false;
        }

        double f = result;
        double midHigh = f + ((MathF.BitIncrement(result) - f) * 0.5);
        double midLow = f - ((f - MathF.BitDecrement(result)) * 0.5);
        return t + error < midHigh - s && error - t < s - midLow;
    }

    /// <summary>
    /// binary32 inputs whose product <c>p = exp(x)·eps</c> is far outside binary32's range: <c>|x| &gt; 700</c>, or the computed product
    /// beyond <c>2^±400</c> (so the real one is beyond <c>2^±399</c>). A huge <c>p</c> swamps any binary32 <c>mu</c> (at most 2^128):
    /// the result overflows to the infinity of <c>eps</c>'s sign. A tiny <c>p</c> (below 2^−399) is far below half the spacing of
    /// binary32 around any nonzero <c>mu</c> (at least 2^−150): the result is <c>mu</c>; for <c>mu = ±0</c> the real value is <c>p</c>
    /// itself, which rounds to the zero of <c>eps</c>'s sign, as MPFR's enclosures give it.
    /// </summary>
    private static bool Saturated(float mu, double x, float eps, out float result)
    {
        bool huge = x > 0;
        result = huge ? (eps > 0 ? float.PositiveInfinity : float.NegativeInfinity) : mu != 0 ? mu : eps > 0 ? 0f : -0f;
        return true;
    }

    /// <summary>The enclosure <c>[S + T − E′, S + T + E′]</c> of <c>mu + exp(logvar/2)·eps</c>; false outside the admitted range.</summary>
    private static bool Enclose(double mu, double logvar, double eps, out double s, out double t, out double error, out double product)
    {
        (s, t, error, product) = (0, 0, 0, double.NaN);
        double x = logvar * 0.5;
        double absEps = Math.Abs(eps), absMu = Math.Abs(mu);
        if (x * 2 != logvar || !(Math.Abs(x) <= 700) || !(absEps >= Tiny && absEps <= Huge) || !(absMu <= Huge) || !double.IsFinite(mu))
        {
            return false;
        }

        double hi = ExpKernel.Evaluate(x, out int e, out double lo);
        double scale = ExpKernel.PowerOfTwo(e);
        double h = hi * scale, l = lo * scale;
        double ph = TwoProduct(h, eps, out double pl);
        double absPh = Math.Abs(ph);
        product = ph;
        if (!(absPh >= Tiny && absPh <= Huge))
        {
            return false;
        }

        double q = l * eps;
        double s1 = TwoSum(mu, ph, out double t1);
        double r = pl + q;
        double tSum = t1 + r;
        s = TwoSum(s1, tSum, out t);
        double rounding = 1.1102230246251565e-16 * ((Math.Abs(pl) + Math.Abs(q)) + (Math.Abs(t1) + Math.Abs(r))); // 2^-53 · (…)
        error = 2 * ((absPh * 6.617444900424222e-24) + rounding); // 2 · (2^-77 |ph| + …)
        return true;
    }
}

using System;
using static Latent.Oracles.FastExp.ErrorFreeTransforms;

namespace Latent.Oracles.FastExp;

/// <summary>
/// A fast path for the exact KL of any number of coordinates in binary64 and binary32,
/// <c>RN((1/2n) Σ (e^l − 1 − l + mu²))</c>: every term enclosed in double-double with a rigorous absolute error bound, the
/// terms summed, the sum divided by <c>2n</c>, and the rounding test of <see cref="CorrectlyRoundedExp"/> (binary64) or
/// <see cref="Binary32Rounding"/> (binary32). False, and MPFR decides (<c>ExactOracle</c>'s Ziv loop), for whatever the
/// bound cannot settle or the path does not admit.
/// </summary>
/// <remarks>
/// <para>All inputs finite (the caller answers NaN and ∞ first), held as binary64 values (a binary32 input converts exactly);
/// <c>u = 2^−53</c>. Every term is a real <c>≥ 0</c>, so no sum below cancels.</para>
/// <para><b>mu²</b>: <c>(Q, q) = TwoProduct(mu, mu)</c> is exact for <c>2^−400 ≤ |mu| &lt; 2^500</c>. Smaller <c>|mu|</c> contributes
/// <c>0 &lt; mu² ≤ 2·RN(mu·mu) + 2^−1074</c>, enclosed as <c>[0, that]</c>; larger ones are not admitted.</para>
/// <para><b>D = e^l − 1 − l</b>, four ranges. (a) <c>|l| &lt; 2^−400</c>: <c>0 ≤ D ≤ 0.51 l² ≤ 2·RN(l·l) + 2^−1074</c>, enclosed as
/// <c>[0, that]</c>. (b) <c>2^−400 ≤ |l| &lt; 1/16</c>: <c>D = (l²/2)(1 + R)</c>, <c>R = l/3 + l²h₂(l) + τ</c> with <c>h₂(l) = Σ_{j=0..7} a_{j+2} l^j</c>,
/// <c>a_k = 2/(k+2)!</c>, and the truncation <c>|τ| ≤ 1.01 a_10 |l|^10 ≤ 0.01 u l²</c>. <c>l² = P + p</c> exactly (TwoProduct, no
/// underflow). <c>l/3</c> is the double-double <c>(φ, φ′)</c>, <c>φ = RN(l·T₁)</c>, <c>φ′ = RN(FMA(l, T₁, −φ) + RN(l·T₂))</c> with
/// <c>T₁ + T₂ = 1/3</c> to within 2^−108: error below <c>2^−104 |l|</c>. <c>c = RN(P·ĥ₂)</c>, <c>ĥ₂</c> by Horner in binary64: with
/// Higham's bound (eq. 5.3, <c>γ_14</c>), the rounded coefficients and <c>a_{k+1}/a_k ≤ 1/5</c>, <c>|ĥ₂ − h₂| ≤ 15.4u|h₂|</c> and
/// <c>|c − l²h₂(l)| ≤ 17.4u l² h₂ ≤ 1.47u l²</c> (<c>h₂ ≤ 1.016/12</c>). <c>1 + R</c> is the double-double <c>O + o</c>,
/// <c>(O, o₀) = FastTwoSum(1, φ)</c> and <c>o = RN(o₀ + RN(φ′ + c))</c>, whose two roundings add <c>0.18u l² + u²</c>; with the
/// truncation, <c>|1 + R − (O + o)| ≤ 2^−103 + 1.67u l²</c>. The product <c>(P + p)(O + o)/2</c> as
/// <c>(M, m)</c>, <c>M = RN(P·O)</c> by TwoProduct, <c>m</c> the rounded sum of the three small products (the fourth, <c>p·o</c>,
/// dropped): within <c>2^−100 · M + 0.26u l² M</c> (no product underflows: <c>M ≥ 2^−800</c>, so <c>2^−97 M</c> is normal) (the small products carry <c>c</c>'s size). So
/// <c>|D − (M + m)/2| ≤ (M/2)(2^−97 + 2^−51 P) = E_D</c>: the errors add up to <c>2^−98 + 2^−100 + 1.93u l²</c> relative to
/// <c>1 + R ≥ 0.978</c>, below <c>2^−97 + 4u P</c>. (c) <c>1/16 ≤ |l|</c>, <c>−600 ≤ l ≤ 709</c>:
/// <see cref="CorrectlyRoundedKl.ExpMinusOneMinusX"/> (its bound is proven there, for this range). (d) <c>l &lt; −600</c>:
/// <c>D = (−1 − l) + e^l</c> with <c>(−l) + (−1)</c> exact by TwoSum and <c>0 &lt; e^l &lt; 2^−865</c>, enclosed with <c>E_D = 2^−865</c>.
/// <c>l &gt; 709</c> is not admitted (the term may exceed binary64 while the mean does not).</para>
/// <para><b>Sum</b>: an accumulator <c>(S, T)</c> with bound <c>E</c>; adding a pair <c>(s, t)</c>: <c>(S′, c) = TwoSum(S, s)</c> exact,
/// <c>a = RN(T + t)</c>, <c>T′ = RN(a + c)</c>, <c>(S, T) = TwoSum(S′, T′)</c> exact; the two roundings err by at most
/// <c>u(|a| + |T′|)</c>, added to <c>E</c> as <c>2^−52(|a| + |T′|)</c> (the factor 2 covers the rounding of <c>E</c>'s own sums; no
/// product in it underflows unless its value is below 2^−1022, where it is far below the <c>2^−1000</c> floor terms).</para>
/// <para><b>Mean</b>: <c>m = 2n</c> (exact). <c>q₁ = RN(S/m)</c>; <c>r = FMA(−q₁, m, S)</c> is the exact remainder (the remainder of a
/// correctly rounded quotient is representable when nothing underflows: <c>S ≥ 2^−900</c> is required); <c>q₂ = RN(RN(r + T)/m)</c>
/// errs by at most <c>2u|q₂|(1 + u)</c>, or by 2^−1075 if it underflows; the mean is within <c>(E/m + 2^−51|q₂|)(1 + 2^−50) + 2^−1074</c>
/// of <c>q₁ + q₂</c>, renormalized by TwoSum.</para>
/// <para><b>Rounding</b>: binary64 returns <c>q₁</c>'s renormalized high part <c>S_V</c> when <c>RN(T_V + E_V)</c> is below half the
/// gap to its upper neighbour and <c>RN(T_V − E_V)</c> above minus half the gap below (normal <c>S_V</c>, finite neighbours; a tie
/// fails the strict test); binary32 uses <see cref="Binary32Rounding"/> (the mean is positive unless every term is an exact 0,
/// which returns +0, as the exact rational path does).</para>
/// </remarks>
public static class CorrectlyRoundedKlMean
{
    private const double TailError = 4.064936359238081e-261;     // 2^-865
    private const double Tiny = 3.872591914849318e-121;           // 2^-400: below it the series' relative bound would underflow
    private const double Huge = 3.273390607896142e150;            // 2^500
    private const double SumError = 2.220446049250313e-16;        // 2^-52
    private const double MeanError = 4.440892098500626e-16;       // 2^-51
    private const double SeriesFloor = 6.310887241768095e-30;     // 2^-97
    private const double Widen = 8.881784197001252e-16;           // 2^-50
    private const double Margin = 3.552713678800501e-15;          // 2^-48
    private const double Scale = 3.6855101804897865e165;          // 2^550
    private const double Third1 = 1.0 / 3;
    private const double Third2 = 1.850371707708594e-17;          // RN(1/3 − RN(1/3))
    private const double A2 = 1.0 / 12, A3 = 1.0 / 60, A4 = 1.0 / 360, A5 = 1.0 / 2520, A6 = 1.0 / 20160, A7 = 1.0 / 181440, A8 = 1.0 / 1814400, A9 = 1.0 / 19958400;

    /// <summary>The constants <c>T₁ = RN(1/3)</c>, <c>T₂</c> and <c>a_2 … a_9</c> as used (tests re-derive them with MPFR).</summary>
    internal static double[] Constants => [Third1, Third2, A2, A3, A4, A5, A6, A7, A8, A9];

    /// <summary>The binary64 exact KL of finite inputs, or false when only MPFR can decide.</summary>
    public static bool TryKl(ReadOnlySpan<double> mu, ReadOnlySpan<double> logvar, out double result)
    {
        result = double.NaN;
        switch (Saturated(mu, logvar, single: false))
        {
            case Saturation.Infinity:
                result = double.PositiveInfinity;
                return true;
            case Saturation.Zero:
                result = 0;
                return true;
            case Saturation.Undecided:
                return false;
            default:
                break;
        }

        if (!Mean(mu, logvar, out double s, out double t, out double e, out bool zero))
        {
            return false;
        }

        if (zero)
        {
            result = 0;
            return true;
        }

        if (!double.IsNormal(s) || double.IsInfinity(Math.BitIncrement(s)))
        {
            return false;
        }

        result = s;
        double halfUp = (Math.BitIncrement(s) - s) * 0.5;
        double halfDown = (s - Math.BitDecrement(s)) * 0.5;
        return t + e < halfUp && t - e > -halfDown;
    }

    /// <summary>The binary32 exact KL of finite inputs, or false when only MPFR can decide.</summary>
    public static bool TryKl(ReadOnlySpan<float> mu, ReadOnlySpan<float> logvar, out float result)
    {
        result = float.NaN;
        Span<double> m = mu.Length <= 64 ? stackalloc double[mu.Length] : new double[mu.Length];
        Span<double> l = mu.Length <= 64 ? stackalloc double[mu.Length] : new double[mu.Length];
        for (int i = 0; i < mu.Length; i++)
        {
            (m[i], l[i]) = (mu[i], logvar[i]);
        }

        if (Saturated(m, l, single: true) == Saturation.Infinity)
        {
            result = float.PositiveInfinity;
            return true;
        }

        if (!Mean(m, l, out double s, out double t, out double e, out bool zero))
        {
            return false;
        }

        if (zero)
        {
            result = 0f;
            return true;
        }

        return Binary32Rounding.TryRound(s, t, e, out result);
    }

    private enum Saturation
    {
        None,
        Infinity,
        Zero,
        Undecided,
    }

    /// <summary>
    /// The inputs the enclosure does not admit (<c>l &gt; 709</c>, <c>|mu| ≥ 2^500</c>) and, in binary64, inputs so small that the
    /// mean rounds to +0. Every term is ≥ 0, so one term bounds the mean from below: <c>l &gt; 709</c> gives
    /// <c>D ≥ e^l (1 − 2^−900)</c>, which for <c>l ≥ 709.8 + ⌈log2 2n⌉</c> (as <c>ln θ₆₄ &lt; 709.79</c>, <c>ln 2n ≤ ⌈log2 2n⌉</c>) puts the
    /// mean above binary64's overflow threshold θ₆₄, and for any <c>l &gt; 709</c> far above binary32's (<c>e^709/2^31 &gt; 2^990</c>);
    /// <c>|mu| ≥ 2^(514 + ⌈log2 2n⌉/2)</c> gives <c>mu²/2n ≥ 2^1027</c>. Otherwise such inputs are left to MPFR. When every
    /// <c>|l|</c> and <c>|mu|</c> is below 2^−400, the mean is at most <c>2^−1100 B/2n</c> with
    /// <c>B = Σ 0.51(l·2^550)² + (mu·2^550)²</c> (<c>D ≤ 0.51 l²</c> there; the scalings are exact), and below 2^−1075, half the
    /// least subnormal, it rounds to +0 (a positive real): decided when the computed <c>B(1 + 2^−48) &lt; 2n · 2^25</c>.
    /// </summary>
    private static Saturation Saturated(ReadOnlySpan<double> mu, ReadOnlySpan<double> logvar, bool single)
    {
        int n = mu.Length;
        if (n == 0 || n != logvar.Length || n > 1 << 30)
        {
            return Saturation.Undecided;
        }

        int log2 = 64 - System.Numerics.BitOperations.LeadingZeroCount((ulong)((2L * n) - 1)); // ⌈log2 2n⌉
        bool infinite = false, outside = false, allTiny = true;
        for (int i = 0; i < n; i++)
        {
            double am = Math.Abs(mu[i]), l = logvar[i];
            allTiny &= am < Tiny && Math.Abs(l) < Tiny;
            if (l > 709)
            {
                bool overflows = single || l >= 709.8 + log2;
                infinite |= overflows;
                outside |= !overflows;
            }

            if (am >= Huge)
            {
                bool overflows = !single && am >= Math.ScaleB(1.0, 514 + ((log2 + 1) / 2));
                infinite |= overflows;
                outside |= !overflows;
            }
        }

        if (infinite)
        {
            return Saturation.Infinity;
        }

        if (outside)
        {
            return Saturation.Undecided;
        }

        if (allTiny && !single)
        {
            double bound = 0;
            for (int i = 0; i < n; i++)
            {
                double l = logvar[i] * Scale, m = mu[i] * Scale;
                bound += (0.51 * (l * l)) + (m * m);
            }

            return bound * (1 + Margin) < 2.0 * n * 33554432 ? Saturation.Zero : Saturation.None;
        }

        return Saturation.None;
    }

    /// <summary>The enclosure of the mean; false when an input is outside the admitted ranges or the sum is too small.</summary>
    private static bool Mean(ReadOnlySpan<double> mu, ReadOnlySpan<double> logvar, out double s, out double t, out double e, out bool zero)
    {
        (s, t, e, zero) = (0, 0, 0, false);
        if (mu.Length == 0 || mu.Length != logvar.Length || mu.Length > 1 << 30)
        {
            return false;
        }

        double sum = 0, low = 0, error = 0;
        for (int i = 0; i < mu.Length; i++)
        {
            double m = mu[i], l = logvar[i];
            double am = Math.Abs(m);
            if (!(am < Huge) || !(l <= 709) || !double.IsFinite(l))
            {
                return false;
            }

            if (am >= Tiny)
            {
                double square = TwoProduct(m, m, out double squareLow);
                Add(ref sum, ref low, ref error, square, squareLow);
            }
            else if (m != 0)
            {
                error += (2 * (m * m)) + double.Epsilon; // mu² ≤ 2·RN(mu·mu) + 2^-1074
            }

            if (l != 0)
            {
                Term(l, out double ds, out double dt, out double de);
                Add(ref sum, ref low, ref error, ds, dt);
                error += de;
            }
        }

        if (sum == 0 && low == 0 && error == 0)
        {
            zero = true; // every mu and logvar is 0: the exact KL is 0
            return true;
        }

        if (!(sum >= 1e-270) || !double.IsFinite(sum) || !double.IsFinite(error))
        {
            return false;
        }

        double divisor = 2.0 * mu.Length;
        double q1 = sum / divisor;
        double remainder = Math.FusedMultiplyAdd(-q1, divisor, sum); // exact
        double q2 = (remainder + low) / divisor;
        s = TwoSum(q1, q2, out t);
        e = (error / divisor) + (MeanError * Math.Abs(q2));
        e *= 1 + Widen; // the quotient and the sum above round too (three roundings down at most): 2^-50 covers them
        e += double.Epsilon; // a q2 that underflows errs by up to 2^-1075 absolutely, which no relative term covers
        return true;
    }

    /// <summary>Adds the pair <c>(a, b)</c> to the accumulator <c>(sum, low)</c> and its rounding errors to <c>error</c>.</summary>
    private static void Add(ref double sum, ref double low, ref double error, double a, double b)
    {
        double s1 = TwoSum(sum, a, out double c);
        double t1 = low + b;
        double t2 = t1 + c;
        sum = TwoSum(s1, t2, out low);
        error += SumError * (Math.Abs(t1) + Math.Abs(t2));
    }

    /// <summary>The enclosure <c>(s, t, e)</c> of <c>D = e^l − 1 − l</c> for a finite nonzero <c>l ≤ 709</c>.</summary>
    internal static void Term(double l, out double s, out double t, out double e)
    {
        double al = Math.Abs(l);
        if (al < Tiny)
        {
            // 0 ≤ D ≤ 0.51 l² ≤ 2·RN(l·l) + 2^-1074 (the product errs by at most 2^-1075 when it underflows).
            (s, t, e) = (0, 0, (2 * (l * l)) + double.Epsilon);
            return;
        }

        if (al < 0.0625)
        {
            double p2 = TwoProduct(l, l, out double p2Low);
            double phi = l * Third1;
            double phiLow = Math.FusedMultiplyAdd(l, Third1, -phi) + (l * Third2);
            double h2 = A2 + (l * (A3 + (l * (A4 + (l * (A5 + (l * (A6 + (l * (A7 + (l * (A8 + (l * A9)))))))))))));
            double c = p2 * h2;
            double o = FastTwoSum(1.0, phi, out double oLow);
            oLow += phiLow + c;
            double big = TwoProduct(p2, o, out double bigLow);
            bigLow += (p2 * oLow) + (p2Low * o);
            s = TwoSum(big * 0.5, bigLow * 0.5, out t);
            e = (big * 0.5) * (SeriesFloor + (MeanError * p2));
            return;
        }

        if (l >= -600)
        {
            CorrectlyRoundedKl.ExpMinusOneMinusX(l, out s, out t, out e);
            return;
        }

        s = TwoSum(-l, -1.0, out t);
        e = TailError;
    }
}

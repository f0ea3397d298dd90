using System;
using System.Runtime.CompilerServices;
using static Latent.Oracles.FastExp.ErrorFreeTransforms;

namespace Latent.Oracles.FastExp;

/// <summary>
/// <c>exp(x)</c> as <c>2^e · (hi + lo)</c> with a double-double <c>hi + lo</c> whose relative error is proven below
/// <see cref="RelativeErrorBound"/> = 2^−78, for <c>−745.2 ≤ x ≤ 709.8</c>. The rounding tests of
/// <see cref="CorrectlyRoundedExp"/> turn it into a correctly rounded result or a fallback to MPFR.
/// </summary>
/// <remarks>
/// <para><b>Method</b> (CORE-MATH's shape, with a Taylor polynomial so that the bound is elementary): with <c>N = 256</c>,
/// <c>k = round(x · N/ln2)</c>, <c>k = N·e + j</c> (<c>0 ≤ j &lt; N</c>) and <c>r* = x − k·ln2/N</c>, <c>exp(x) = 2^e · 2^(j/N) · exp(r*)</c>.
/// <c>r*</c> is computed as a double-double <c>rh + rl</c>, <c>exp(r)</c> as <c>1 + r + r²/2 + r³·H(r)</c> with <c>H</c> the Taylor
/// polynomial <c>1/3! + r/4! + … + r⁴/7!</c>, and the product with the table entry <c>2^(j/N) = Th + Tl</c> as a double-double.
/// All quantities below are absolute errors with <c>u = 2^−53</c>; every value computed is within a factor 2.01 of 1 except the
/// reduced argument, so absolute and relative errors differ by at most that factor, which the sums below absorb.</para>
/// <para><b>Reduction</b> (|k| &lt; 2^19 since |x| ≤ 745.2). <c>z = RN(x · RN(N/ln2))</c> is within <c>2^−32</c> of <c>x·N/ln2</c>, so
/// <c>|r*| ≤ (1/2 + 2^−32) ln2/N &lt; ρ = 2^−9.5</c>. <c>k·L1</c> and <c>k·L2</c> are exact (34-bit constants, 19-bit <c>k</c>).
/// <c>a = x − k·L1</c> is exact: for <c>k ≠ 0</c>, <c>|x| ≥ 2^−10</c> so <c>x</c> and <c>k·L1</c> are multiples of <c>2^−62</c>, and
/// <c>|a| &lt; 2^−9</c>, so <c>a</c> has at most 53 bits. <c>(b, c) = TwoSum(a, −k·L2)</c> is exact; <c>d = RN(c − RN(k·L3))</c> errs by at
/// most <c>u·2^−59 + u·2^−58 ≤ 2^−110</c> (<c>|k·L3| ≤ 2^−59</c>, <c>|c| ≤ 2^−62</c>); <c>(rh, rl) = TwoSum(b, d)</c> is exact, so
/// <c>|rl| ≤ u·|rh|</c>. With <c>|k·δ| ≤ 2^19 · 2^−131</c>: <c>|r* − (rh + rl)| ≤ 2^−109</c>, a relative error of <c>exp(r*)</c> below 2^−108.</para>
/// <para><b>Polynomial</b> (|rh| ≤ ρ, <c>exp(ρ) &lt; 1.0014</c>). (P1) Taylor remainder of <c>exp(rh) − 1 − rh − rh²/2 − rh³H(rh)</c>:
/// <c>≤ ρ⁸/8! · e^ρ &lt; 2^−91.2</c>. (P2) <c>f(r) = exp(r) − 1 − r − r²/2</c> is evaluated at <c>rh</c> instead of <c>r</c>:
/// <c>|f(r) − f(rh)| ≤ |rl| · max|f′| ≤ uρ · (ρ²/2)(1.0014) &lt; 2^−82.4</c>. (P3) <c>r²/2 = rh²/2 + rh·rl + rl²/2</c>: <c>rh²</c> is an exact
/// TwoProduct (its halving exact), <c>RN(rh·rl)</c> errs by ≤ <c>u²ρ² </c>, <c>rl²/2</c> is dropped (≤ <c>u²ρ²/2</c>): together &lt; 2^−124;
/// underflow inside the TwoProduct or that product for tiny <c>rh</c> costs at most 2^−1074 more. (P4) <c>C = RN(RN(RN(rh·rh)·rh) · Ĥ)</c>
/// with <c>Ĥ</c> the Horner value of <c>H</c> with coefficients <c>RN(1/i!)</c>: <c>Ĥ</c> is within <c>2.1u·|H|</c> of <c>H(rh)</c> (coefficient
/// <c>1/6</c> rounded, the last addition, and inner terms below <c>ρ/24</c>), three products add <c>3u</c>: <c>|C − rh³H| ≤ 5.2u · ρ³/6 · 1.001
/// &lt; 2^−81.6</c>. (P5) <c>lo = ((((sql + rh·rl) + rl) + tl) + C) + sl</c>, where <c>(th, tl) = FastTwoSum(rh, rh²/2)</c> and
/// <c>(sh, sl) = FastTwoSum(1, th)</c> are exact: the first three additions involve terms below 2^−61 (errors &lt; 2^−112), the
/// last two partial sums are below 2^−30.9 (errors ≤ 2 · u · 2^−30.9 = 2^−82.9). So <c>|sh + lo − exp(r)| &lt; 2^−80.5</c>
/// (the sum of P1–P5 is below 5.5·10^−25), and <c>|lo| &lt; 2^−30.8</c>.</para>
/// <para><b>Table product.</b> <c>(ph, pl) = TwoProduct(Th, sh)</c> is exact; <c>m = RN(RN(Th·lo) + RN(Tl·sh))</c> errs by
/// ≤ <c>u·2^−29.8 + u·2^−52 + u·2^−29.8 &lt; 2^−81.8</c>; the dropped <c>Tl·lo</c> is ≤ <c>2^−53 · 2^−30.8 = 2^−83.8</c>; <c>lo′ = RN(pl + m)</c>
/// errs by ≤ <c>u(2^−52 + 2^−29.7) &lt; 2^−82.7</c>. The table entry carries 2^−105 relative, the polynomial's 2^−80.5 is multiplied by
/// <c>Th+Tl &lt; 2</c> and compared with a product ≥ 0.998 · (Th+Tl). In total the relative error of <c>hi + lo′</c> against
/// <c>2^(j/N)·exp(r*)</c> is below <c>(5.5·10^−25 + 2^−81.8 + 2^−83.8 + 2^−82.7)/0.998 + 2^−105 + 2^−108 &lt; 10^−24 &lt; 2^−79.7</c>,
/// stated with a margin as <see cref="RelativeErrorBound"/> = 2^−78. The scaling by <c>2^e</c> is exact where the callers use it.</para>
/// <para>Checks: <see cref="ExpConstants.Verify"/> re-checks the facts about the constants; the test suite measures the
/// actual error against MPFR (necessary, not sufficient) and re-derives P1 and the coefficients with MPFR.</para>
/// </remarks>
internal static class ExpKernel
{
    /// <summary>The proven bound on <c>|hi + lo − exp(x)/2^e| / (exp(x)/2^e)</c>: 2^−78.</summary>
    public const double RelativeErrorBound = 3.308722450212111e-24; // 2^-78

    /// <summary>Taylor coefficients <c>RN(1/i!)</c>, i = 3..7.</summary>
    public const double C3 = 1.0 / 6, C4 = 1.0 / 24, C5 = 1.0 / 120, C6 = 1.0 / 720, C7 = 1.0 / 5040;

    private static readonly double[] s_high = ExpConstants.TableHigh;
    private static readonly double[] s_low = ExpConstants.TableLow;
    private static readonly double s_l1 = ExpConstants.L1, s_l2 = ExpConstants.L2, s_l3 = ExpConstants.L3, s_inverseStep = ExpConstants.InverseStep;

    /// <summary>Evaluates <c>exp(x) ≈ 2^e · (hi + lo)</c> for <c>−745.2 ≤ x ≤ 709.8</c>; <c>0.998 &lt; hi + lo &lt; 2.01</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Evaluate(double x, out int e, out double lo)
    {
        double kd = Math.Round(x * s_inverseStep); // ties to even; any nearby integer keeps the proof (|r*| < ρ)
        long k = (long)kd;
        int j = (int)(k & (ExpConstants.TableSize - 1));
        e = (int)(k >> ExpConstants.LogTableSize);

        // r = x − k·ln2/N as rh + rl (see the reduction paragraph).
        double a = x - (kd * s_l1);
        double b = TwoSum(a, -(kd * s_l2), out double c);
        double d = c - (kd * s_l3);
        double rh = TwoSum(b, d, out double rl);

        // exp(r) ≈ sh + lo = 1 + rh + rh²/2 + (rh·rl + rl + C).
        double square = TwoProduct(rh, rh, out double squareLow);
        double th = FastTwoSum(rh, 0.5 * square, out double tl);
        double sh = FastTwoSum(1.0, th, out double sl);
        double h = C3 + (rh * (C4 + (rh * (C5 + (rh * (C6 + (rh * C7)))))));
        double cubic = ((rh * rh) * rh) * h;
        double low = (((((0.5 * squareLow) + (rh * rl)) + rl) + tl) + cubic) + sl;

        // × 2^(j/N) = Th + Tl.
        double tHigh = s_high[j], tLow = s_low[j];
        double ph = TwoProduct(tHigh, sh, out double pl);
        double m = (tHigh * low) + (tLow * sh);
        lo = pl + m;
        return ph;
    }

    /// <summary><c>2^n</c> for <c>−1022 ≤ n ≤ 1023</c>, exactly.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double PowerOfTwo(int n) => BitConverter.Int64BitsToDouble((long)(n + 1023) << 52);
}

using System;
using Latent.Oracles.Mpfr;

namespace Latent.Oracles.FastExp;

/// <summary>
/// The constants of <see cref="ExpKernel"/>, derived once from MPFR at 320 bits rather than typed in, so that every claim
/// about them (how many bits they have, how far they are from the real constants) is a fact about the values in use and is
/// re-checked by <see cref="Verify"/>.
/// </summary>
/// <remarks>
/// <para><b>Reduction constants.</b> <c>ln2 / N = L1 + L2 + L3 + δ</c> with <c>N = 256</c>: <c>L1</c> is <c>ln2 / N</c> rounded
/// to 34 significant bits, <c>L2</c> the remainder rounded to 34 bits, <c>L3</c> the next remainder rounded to 53 bits. Then
/// <c>|ln2/N − L1| ≤ 2^−43</c>, <c>|L2| ≤ 2^−43</c>, <c>|L3| ≤ 2^−78</c> and <c>|δ| ≤ 2^−131</c>; for an integer <c>|k| &lt; 2^19</c> the
/// products <c>k·L1</c> and <c>k·L2</c> have at most 53 bits and are exact in binary64.</para>
/// <para><b>Table.</b> <c>T[j] = 2^(j/N)</c> for <c>0 ≤ j &lt; N</c> as a double-double <c>Th + Tl</c>: <c>Th = RN53(2^(j/N))</c>,
/// <c>Tl = RN53(2^(j/N) − Th)</c>, so <c>|2^(j/N) − (Th + Tl)| ≤ 2^−53 |Tl| ≤ 2^−106 · 2 = 2^−105</c>, relative error ≤ 2^−105.</para>
/// </remarks>
internal static class ExpConstants
{
    /// <summary>log2 of the table size.</summary>
    public const int LogTableSize = 8;

    /// <summary>The table size <c>N</c>.</summary>
    public const int TableSize = 1 << LogTableSize;

    /// <summary>Bits of the working MPFR precision the constants are derived at.</summary>
    private const int DerivationPrecision = 320;

    /// <summary>Significant bits of <see cref="L1"/> and <see cref="L2"/>: 53 − 19, so that <c>k·L</c> is exact for <c>|k| &lt; 2^19</c>.</summary>
    public const int SplitBits = 34;

    static ExpConstants()
    {
        using var lnTwoOverN = new MpfrNumber(DerivationPrecision);
        MpfrNative.ConstLog2(lnTwoOverN, MpfrRound.Nearest);
        MpfrNative.MulPow2(lnTwoOverN, lnTwoOverN, -LogTableSize, MpfrRound.Nearest); // exact
        using var remainder = new MpfrNumber(DerivationPrecision);
        MpfrNative.Set(remainder, lnTwoOverN, MpfrRound.Nearest);
        L1 = TakeLeading(remainder, SplitBits);
        L2 = TakeLeading(remainder, SplitBits);
        L3 = TakeLeading(remainder, 53);
        ReductionResidual = MpfrNative.GetDouble(remainder, MpfrRound.Nearest);
        InverseStep = TableSize / Math.Log(2.0); // any value near N/ln2 works: it only picks k (see ExpKernel)

        TableHigh = new double[TableSize];
        TableLow = new double[TableSize];
        using var power = new MpfrNumber(DerivationPrecision);
        using var exponent = new MpfrNumber(DerivationPrecision);
        for (int j = 0; j < TableSize; j++)
        {
            MpfrNative.SetUInt(exponent, (nuint)j, MpfrRound.Nearest);
            MpfrNative.MulPow2(exponent, exponent, -LogTableSize, MpfrRound.Nearest); // j / N, exact
            MpfrNative.Exp2(power, exponent, MpfrRound.Nearest);                      // 2^(j/N), error ≤ 2^−320 relative
            TableHigh[j] = TakeLeading(power, 53);
            TableLow[j] = TakeLeading(power, 53);
        }
    }

    /// <summary><c>ln2 / N</c> to 34 bits.</summary>
    public static double L1 { get; }

    /// <summary>The remainder <c>ln2 / N − L1</c> to 34 bits.</summary>
    public static double L2 { get; }

    /// <summary>The remainder <c>ln2 / N − L1 − L2</c> to 53 bits.</summary>
    public static double L3 { get; }

    /// <summary><c>ln2 / N − L1 − L2 − L3</c> (rounded to a double), reported by <see cref="Verify"/>.</summary>
    public static double ReductionResidual { get; }

    /// <summary><c>N / ln2</c> to about 53 bits.</summary>
    public static double InverseStep { get; }

    /// <summary><c>Th[j]</c>.</summary>
    public static double[] TableHigh { get; }

    /// <summary><c>Tl[j]</c>.</summary>
    public static double[] TableLow { get; }

    /// <summary>
    /// Re-checks the facts the proof of <see cref="ExpKernel"/> uses about these values; throws naming the first that fails.
    /// </summary>
    public static void Verify()
    {
        Require(SignificantBits(L1) <= SplitBits && SignificantBits(L2) <= SplitBits, "L1 and L2 have at most 34 significant bits");
        Require(Math.Abs(L2) <= Math.ScaleB(1, -43) && Math.Abs(L3) <= Math.ScaleB(1, -78), "|L2| ≤ 2^−43 and |L3| ≤ 2^−78");
        Require(Math.Abs(ReductionResidual) <= Math.ScaleB(1, -131), "|ln2/N − L1 − L2 − L3| ≤ 2^−131");
        for (int j = 0; j < TableSize; j++)
        {
            Require(TableHigh[j] >= 1 && TableHigh[j] < 2, "1 ≤ Th < 2");
            Require(Math.Abs(TableLow[j]) <= Math.ScaleB(1, -53), "|Tl| ≤ 2^−53 (half an ulp of Th)");
        }
    }

    /// <summary>Rounds <paramref name="remainder"/> to <paramref name="bits"/> bits, returns that, and subtracts it (exactly) from <paramref name="remainder"/>.</summary>
    private static double TakeLeading(MpfrNumber remainder, int bits)
    {
        using var leading = new MpfrNumber(bits);
        MpfrNative.Set(leading, remainder, MpfrRound.Nearest);
        int inexact = MpfrNative.Sub(remainder, remainder, leading, MpfrRound.Nearest);
        Require(inexact == 0, "the split subtraction is exact at 320 bits");
        return MpfrNative.GetDouble(leading, MpfrRound.Nearest); // exact: at most 53 bits, in range
    }

    private static int SignificantBits(double value)
    {
        if (value == 0)
        {
            return 0;
        }

        ulong bits = BitConverter.DoubleToUInt64Bits(value);
        ulong significand = (bits & ((1UL << 52) - 1)) | (1UL << 52);
        return 53 - System.Numerics.BitOperations.TrailingZeroCount(significand);
    }

    private static void Require(bool fact, string what)
    {
        if (!fact)
        {
            throw new InvalidOperationException($"Fast exp constants: the fact '{what}' does not hold.");
        }
    }
}

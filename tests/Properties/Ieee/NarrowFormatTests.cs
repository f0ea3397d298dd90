using System;
using System.Numerics;
using Latent.Ieee;
using Latent.Oracles.Exact;
using Latent.Oracles.FastExp;
using Xunit;

namespace Latent.Properties.Ieee;

/// <summary>
/// binary16 and bfloat16 as Latent evaluates them (<see cref="IeeeContext{T}"/> over <see cref="Half"/> and
/// <see cref="BFloat16"/>): every <c>+ − × ÷</c> is the correctly rounded operation of the format, <c>exp</c> is the binary32
/// <c>expf</c> rounded once, and the spec-cr <c>exp</c> is MPFR's correctly rounded one for every one of the 65,536 inputs.
/// </summary>
/// <remarks>
/// Why computing in binary32 and rounding once is exact-equivalent: for <c>+ − × ÷</c> (and √) with operands of precision
/// <c>p</c>, rounding the correctly rounded result of precision <c>p' ≥ 2p + 2</c> once more to <c>p</c> bits gives the
/// correctly rounded <c>p</c>-bit result (Figueroa, "When is double rounding innocuous?", SIGNUM Newsletter 30(3), 1995).
/// binary16 has <c>p = 11</c> (<c>2p + 2 = 24</c>) and bfloat16 <c>p = 8</c> (18), both within binary32's 24 bits; binary32's
/// exponent range contains binary16's, and equals bfloat16's, whose subnormal case <c>BFloat16</c>'s remarks treat. The
/// tests below compare with binary64 rounded once (53 ≥ 2p + 2 as well, and a different route from .NET's own).
/// </remarks>
public sealed class NarrowFormatTests
{
    /// <summary>Operands of every binade of binary16, subnormals, zeros, infinities and NaN included.</summary>
    private static Half[] HalfOperands()
    {
        var values = new System.Collections.Generic.List<Half>();
        var random = new Random(16);
        for (int exponent = 0; exponent < 32; exponent++)
        {
            for (int k = 0; k < 12; k++)
            {
                int fraction = k < 3 ? (k == 0 ? 0 : k == 1 ? 1 : 0x3FF) : random.Next(0x400);
                ushort bits = (ushort)((exponent << 10) | fraction);
                values.Add(BitConverter.UInt16BitsToHalf(bits));
                values.Add(BitConverter.UInt16BitsToHalf((ushort)(bits | 0x8000)));
            }
        }

        return [.. values];
    }

    [Fact]
    public void Half_arithmetic_is_correctly_rounded_on_every_pair_of_about_800_operands()
    {
        Half[] operands = HalfOperands();
        int compared = 0;
        foreach (Half a in operands)
        {
            foreach (Half b in operands)
            {
                double x = (double)a, y = (double)b;
                Same(IeeeContext<Half>.Add(a, b), (Half)(x + y));
                Same(IeeeContext<Half>.Sub(a, b), (Half)(x - y));
                Same(IeeeContext<Half>.Mul(a, b), (Half)(x * y));
                Same(IeeeContext<Half>.Div(a, b), (Half)(x / y));
                compared += 4;
            }
        }

        Assert.True(compared > 2_000_000);
    }

    [Fact]
    public void Half_from_double_rounds_once_next_to_midpoints()
    {
        // The double just above (below) a binary16 midpoint rounds up (down); through binary32 it would land on the midpoint.
        for (int bits = 0; bits < 0x7BFF; bits++)
        {
            double low = (double)BitConverter.UInt16BitsToHalf((ushort)bits), high = (double)BitConverter.UInt16BitsToHalf((ushort)(bits + 1));
            double mid = (low + high) / 2;
            Assert.Equal((ushort)(bits + 1), BitConverter.HalfToUInt16Bits((Half)Math.BitIncrement(mid)));
            Assert.Equal((ushort)bits, BitConverter.HalfToUInt16Bits((Half)Math.BitDecrement(mid)));
        }
    }

    [Fact]
    public void Exp_is_expf_rounded_once_for_all_65536_inputs_of_both_formats()
    {
        for (int bits = 0; bits <= ushort.MaxValue; bits++)
        {
            Half h = BitConverter.UInt16BitsToHalf((ushort)bits);
            Same(IeeeContext<Half>.Exp(h), (Half)MathF.Exp((float)h));
            BFloat16 b = BFloat16.FromBits((ushort)bits);
            Same(IeeeContext<BFloat16>.Exp(b), (BFloat16)MathF.Exp((float)b));
        }
    }

    [Fact]
    public void The_fast_correctly_rounded_exp_equals_mpfr_for_all_65536_inputs_of_both_formats()
    {
        int fast = 0;
        for (int bits = 0; bits <= ushort.MaxValue; bits++)
        {
            Half h = BitConverter.UInt16BitsToHalf((ushort)bits);
            Same(CorrectlyRoundedExp.Exp<Half, Binary16>(h), ExactOracle.Exp<Half, Binary16>(h));
            BFloat16 b = BFloat16.FromBits((ushort)bits);
            Same(CorrectlyRoundedExp.Exp<BFloat16, BFloat16Format>(b), ExactOracle.Exp<BFloat16, BFloat16Format>(b));
            fast += (CorrectlyRoundedExp.TryFastNarrow<Half, Binary16>(h, out _) ? 1 : 0) + (CorrectlyRoundedExp.TryFastNarrow<BFloat16, BFloat16Format>(b, out _) ? 1 : 0);
        }

        // The fast path decides nearly every input (the rest go to MPFR); a path that always declined would still be correct.
        Assert.True(fast > 2 * 65_536 * 0.99, $"fast path decided {fast} of {2 * 65_536}");
    }

    [Fact]
    public void Exact_rounding_into_the_narrow_formats_keeps_subnormals()
    {
        // e^x for x = ln(2^-20) lies among binary16's subnormals (2^-24 .. 2^-14): exp rounds to a multiple of 2^-24.
        Half h = (Half)(-20 * Math.Log(2));
        Half e = ExactOracle.Exp<Half, Binary16>(h);
        Assert.True(Half.IsSubnormal(e));
        double ratio = (double)e / Math.ScaleB(1, -24);
        Assert.Equal(Math.Round(ratio), ratio);
        Assert.Equal(Math.Exp((double)h), (double)e, Math.ScaleB(1, -25));

        // bfloat16 shares binary32's exponent range: its subnormals start below 2^-126 and are multiples of 2^-133.
        BFloat16 tiny = ExactOracle.Exp<BFloat16, BFloat16Format>((BFloat16)(-130 * Math.Log(2)));
        Assert.True(BFloat16.IsSubnormal(tiny));
        Assert.Equal(0, (int)(BitConverter.SingleToUInt32Bits((float)tiny) & 0xFFFF));
    }

    private static void Same<T>(T actual, T expected)
        where T : IFloatingPointIeee754<T>
    {
        if (T.IsNaN(expected))
        {
            Assert.True(T.IsNaN(actual), $"expected NaN, got {actual}");
            return;
        }

        Assert.True(actual.Equals(expected) && T.IsNegative(actual) == T.IsNegative(expected), $"expected {expected}, got {actual}");
    }
}

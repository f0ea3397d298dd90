using System;
using System.Collections.Generic;
using System.Globalization;
using System.Numerics;
using System.Text;
using Latent.Ieee;
using Xunit;

namespace Latent.Properties.Ieee;

/// <summary>
/// <see cref="BFloat16"/> against references written here from the definition of the format: a bfloat16 magnitude
/// pattern p (0 to 0x7F7F) has the value f·2^−133 (exponent field 0) or (128 + f)·2^(e−134), the patterns are ordered
/// like their values, and rounding to nearest picks the closer neighbour, the one with an even pattern on a tie, and
/// +∞ from (2 − 2^−8)·2^127 on (the pattern 0x7F80 stands for 2^128 in the comparison).
/// </summary>
public class BFloat16Tests
{
    private const int Seed = 0x0BF1_6000;

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    // -----------------------------------------------------------------------------------------------------------------
    // References
    // -----------------------------------------------------------------------------------------------------------------

    /// <summary>The value of a magnitude pattern from the definition; 0x7F80 gives 2^128, the value after the largest finite one.</summary>
    private static double PatternValue(int pattern)
    {
        int e = pattern >> 7;
        int f = pattern & 0x7F;
        return e == 0 ? Math.ScaleB(f, -133) : Math.ScaleB(128 + f, e - 134);
    }

    /// <summary>The value of a magnitude pattern times 2^133, an integer; 0x7F80 gives 2^261 (2^128).</summary>
    private static BigInteger PatternScaled(int pattern)
    {
        int e = pattern >> 7;
        int f = pattern & 0x7F;
        return e == 0 ? new BigInteger(f) : new BigInteger(128 + f) << (e - 1);
    }

    /// <summary>
    /// The bfloat16 magnitude pattern nearest to <paramref name="a"/> (≥ 0, not NaN): the largest pattern at or below it by
    /// bisection, then the distances to it and to the next pattern. Both differences are exact in binary64 by Sterbenz's
    /// lemma (the neighbours satisfy next ≤ 2·below, and a lies between them); when below is 0 and a &lt; 2^−134 the second
    /// difference may round, but it stays ≥ 2^−134 &gt; a, so the comparison is still right. Above the largest finite
    /// value the second difference is negative for a ≥ 2^128, which also picks infinity.
    /// </summary>
    private static int ReferenceMagnitude(double a)
    {
        if (double.IsPositiveInfinity(a))
        {
            return 0x7F80;
        }

        int lo = 0;
        int hi = 0x7F7F;
        while (lo < hi)
        {
            int mid = (lo + hi + 1) / 2;
            if (PatternValue(mid) <= a)
            {
                lo = mid;
            }
            else
            {
                hi = mid - 1;
            }
        }

        if (PatternValue(lo) == a)
        {
            return lo;
        }

        double below = a - PatternValue(lo);
        double above = PatternValue(lo + 1) - a;
        if (below < above)
        {
            return lo;
        }

        if (above < below)
        {
            return lo + 1;
        }

        return (lo & 1) == 0 ? lo : lo + 1;
    }

    private static ushort ReferenceFromDouble(double d)
    {
        ulong bits = BitConverter.DoubleToUInt64Bits(d);
        ushort sign = (ushort)((bits >> 48) & 0x8000);
        if (double.IsNaN(d))
        {
            return (ushort)(sign | 0x7FC0 | (ushort)((bits & 0x000F_FFFF_FFFF_FFFFUL) >> 45));
        }

        return (ushort)(sign | ReferenceMagnitude(Math.Abs(d)));
    }

    private static ushort ReferenceFromSingle(float f)
    {
        uint bits = BitConverter.SingleToUInt32Bits(f);
        if (float.IsNaN(f))
        {
            return (ushort)((bits >> 16) | 0x0040);
        }

        return (ushort)(((bits >> 16) & 0x8000) | (uint)ReferenceMagnitude(Math.Abs((double)f)));
    }

    /// <summary>
    /// <paramref name="numerator"/>/<paramref name="denominator"/> (denominator &gt; 0) rounded to nearest bfloat16, ties
    /// to even, by exact integer comparisons: the largest pattern p with value(p) ≤ |x| by bisection, then 2|x| against
    /// value(p) + value(p + 1).
    /// </summary>
    private static ushort ReferenceFromRational(BigInteger numerator, BigInteger denominator, bool negativeZero = false)
    {
        ushort sign = numerator.Sign < 0 || (numerator.IsZero && negativeZero) ? (ushort)0x8000 : (ushort)0;
        BigInteger target = BigInteger.Abs(numerator) << 133;
        if (PatternScaled(0x7F80) * denominator <= target)
        {
            return (ushort)(sign | 0x7F80);
        }

        int lo = 0;
        int hi = 0x7F7F;
        while (lo < hi)
        {
            int mid = (lo + hi + 1) / 2;
            if (PatternScaled(mid) * denominator <= target)
            {
                lo = mid;
            }
            else
            {
                hi = mid - 1;
            }
        }

        if (PatternScaled(lo) * denominator == target)
        {
            return (ushort)(sign | lo);
        }

        int order = (target * 2).CompareTo((PatternScaled(lo) + PatternScaled(lo + 1)) * denominator);
        int chosen = order < 0 ? lo : order > 0 ? lo + 1 : (lo & 1) == 0 ? lo : lo + 1;
        return (ushort)(sign | chosen);
    }

    /// <summary>A finite bfloat16 as an integer multiple of 2^−133.</summary>
    private static BigInteger Scaled(BFloat16 x)
    {
        ushort bits = x.ToBits();
        BigInteger m = PatternScaled(bits & 0x7FFF);
        return (bits & 0x8000) != 0 ? -m : m;
    }

    private static bool SameOrBothNaN(BFloat16 expected, BFloat16 actual) =>
        expected.ToBits() == actual.ToBits() || (BFloat16.IsNaN(expected) && BFloat16.IsNaN(actual));

    private static string Hex(ushort bits) => "0x" + bits.ToString("X4", Invariant);

    private static void AssertNoMismatch(List<string> mismatches, int total)
    {
        Assert.True(mismatches.Count == 0, $"{mismatches.Count} of {total} cases differ; first: {string.Join("; ", mismatches.GetRange(0, Math.Min(10, mismatches.Count)))}");
    }

    private static void Record(List<string> mismatches, string message)
    {
        if (mismatches.Count < 10)
        {
            mismatches.Add(message);
        }
        else
        {
            mismatches.Add(string.Empty);
        }
    }

    /// <summary>About 600 operands: two per exponent field (random and extreme fractions, random signs), extra fractions at the binade edges, and the special values.</summary>
    private static List<BFloat16> Operands()
    {
        var rng = new Random(Seed);
        var bits = new List<ushort>();
        for (int e = 0; e < 255; e++)
        {
            bits.Add((ushort)((rng.Next(2) << 15) | (e << 7) | rng.Next(128)));
            bits.Add((ushort)((rng.Next(2) << 15) | (e << 7) | ((e & 1) == 0 ? 0 : 0x7F)));
        }

        foreach (int e in new[] { 0, 1, 2, 126, 127, 128, 253, 254 })
        {
            foreach (int f in new[] { 0x01, 0x3F, 0x40, 0x41, 0x7E })
            {
                bits.Add((ushort)((e << 7) | f));
            }
        }

        bits.AddRange(
        [
            0x0000, 0x8000, 0x7F80, 0xFF80, 0x7FC0, 0xFFC0, 0x7F81, 0x0001, 0x8001, 0x0002, 0x0003, 0x007F, 0x807F,
            0x0040, 0x0080, 0x8080, 0x0081, 0x7F7F, 0xFF7F, 0x7F7E, 0x3F80, 0xBF80, 0x3F81, 0x3FFF, 0x4000, 0x4040,
            0x3F00, 0x4B00, 0x5F80, 0x1F80, 0x2000, 0x3FC0, 0x3FA0, 0x4049, 0x402E,
        ]);
        var result = new List<BFloat16>(bits.Count);
        foreach (ushort b in bits)
        {
            result.Add(BFloat16.FromBits(b));
        }

        return result;
    }

    // -----------------------------------------------------------------------------------------------------------------
    // Conversions into bfloat16
    // -----------------------------------------------------------------------------------------------------------------

    [Fact]
    public void Single_to_bfloat16_rounds_to_nearest_even_at_every_boundary_pattern_and_at_random()
    {
        var mismatches = new List<string>();
        int total = 0;

        void Check(uint bits)
        {
            total++;
            float f = BitConverter.UInt32BitsToSingle(bits);
            ushort expected = ReferenceFromSingle(f);
            ushort actual = ((BFloat16)f).ToBits();
            ushort generic = BFloat16.CreateTruncating(f).ToBits();
            if (actual != expected || generic != expected)
            {
                Record(mismatches, $"0x{bits:X8}: expected {Hex(expected)}, cast {Hex(actual)}, CreateTruncating {Hex(generic)}");
            }
        }

        uint[] lows = [0x0000, 0x0001, 0x7FFF, 0x8000, 0x8001, 0xFFFF];
        for (uint high = 0; high <= 0xFFFF; high++)
        {
            foreach (uint low in lows)
            {
                Check((high << 16) | low);
            }
        }

        var rng = new Random(Seed);
        for (int i = 0; i < 1_000_000; i++)
        {
            Check((uint)rng.NextInt64(0, 1L << 32));
        }

        AssertNoMismatch(mismatches, total);
    }

    [Fact]
    public void Double_to_bfloat16_rounds_once_directly_even_next_to_midpoints_where_going_through_float_rounds_twice()
    {
        var mismatches = new List<string>();
        int total = 0;
        int naiveWrong = 0;

        void Check(double d)
        {
            total++;
            ushort expected = ReferenceFromDouble(d);
            ushort actual = ((BFloat16)d).ToBits();
            ushort generic = BFloat16.CreateChecked(d).ToBits();
            if (actual != expected || generic != expected)
            {
                Record(mismatches, $"{d:R} (0x{BitConverter.DoubleToUInt64Bits(d):X16}): expected {Hex(expected)}, cast {Hex(actual)}, CreateChecked {Hex(generic)}");
            }

            if (((BFloat16)(float)d).ToBits() != expected)
            {
                naiveWrong++;
            }
        }

        for (int p = 0; p < 0x7F80; p++)
        {
            double low = PatternValue(p);
            double high = PatternValue(p + 1);
            double midpoint = (low + high) / 2;
            double quantum = high - low;
            foreach (double d in new[]
            {
                midpoint, Math.BitIncrement(midpoint), Math.BitDecrement(midpoint),
                midpoint + Math.ScaleB(quantum, -30), midpoint - Math.ScaleB(quantum, -30),
                low, low + Math.ScaleB(quantum, -40),
            })
            {
                Check(d);
                Check(-d);
            }
        }

        var rng = new Random(Seed);
        for (int i = 0; i < 300_000; i++)
        {
            ulong fraction = (ulong)rng.NextInt64() & 0x000F_FFFF_FFFF_FFFFUL;
            ulong exponent = (ulong)(1023 + rng.Next(-140, 131));
            ulong sign = (ulong)rng.Next(2) << 63;
            Check(BitConverter.UInt64BitsToDouble(sign | (exponent << 52) | fraction));
            Check(BitConverter.UInt64BitsToDouble((ulong)rng.NextInt64() ^ ((ulong)rng.Next(2) << 63)));
        }

        foreach (double d in new[]
        {
            0.0, -0.0, double.Epsilon, -double.Epsilon, Math.ScaleB(1, -1022), Math.ScaleB(1, -134),
            Math.BitIncrement(Math.ScaleB(1, -134)), Math.BitDecrement(Math.ScaleB(1, -134)), Math.ScaleB(3, -135),
            double.MaxValue, double.PositiveInfinity, double.NegativeInfinity, Math.ScaleB(1, 128),
            Math.ScaleB(255, 120), Math.BitDecrement(Math.ScaleB(255, 120)), 1e40, -1e40,
        })
        {
            Check(d);
        }

        AssertNoMismatch(mismatches, total);
        Assert.True(naiveWrong > 1000, $"only {naiveWrong} cases separate one rounding from double → float → bfloat16");
    }

    [Fact]
    public void Double_and_single_NaN_keep_their_sign_and_top_payload_bits_and_become_quiet()
    {
        foreach (ulong bits in new[]
        {
            0x7FF0_0000_0000_0001UL, 0xFFF0_0000_0000_0001UL, 0x7FF8_0000_0000_0000UL, 0xFFF8_0000_0000_0000UL,
            0x7FF4_0000_0000_0000UL, 0x7FFF_FFFF_FFFF_FFFFUL, 0xFFF2_A000_0000_0000UL, 0x7FF0_2000_0000_0000UL,
        })
        {
            double d = BitConverter.UInt64BitsToDouble(bits);
            ushort expected = (ushort)(((bits >> 48) & 0x8000) | 0x7FC0 | ((bits >> 45) & 0x7F));
            Assert.Equal(Hex(expected), Hex(((BFloat16)d).ToBits()));
        }

        Assert.Equal(Hex(0x7FC0), Hex(((BFloat16)BitConverter.UInt32BitsToSingle(0x7F80_0001)).ToBits()));
        Assert.Equal(Hex(0xFFE5), Hex(((BFloat16)BitConverter.UInt32BitsToSingle(0xFFA5_FFFF)).ToBits()));
        Assert.Equal(Hex(0x7FC0), Hex(BFloat16.NaN.ToBits()));
    }

    [Fact]
    public void Half_to_bfloat16_rounds_once_for_every_half()
    {
        var mismatches = new List<string>();
        for (int h = 0; h <= 0xFFFF; h++)
        {
            Half half = BitConverter.UInt16BitsToHalf((ushort)h);
            var expected = BFloat16.FromBits(ReferenceFromDouble((double)half));
            var actual = (BFloat16)half;
            var generic = BFloat16.CreateSaturating(half);
            bool sameNaN = BFloat16.IsNaN(expected) && BFloat16.IsNaN(actual) && BFloat16.IsNaN(generic)
                && BFloat16.IsNegative(actual) == Half.IsNegative(half);
            if (!sameNaN && (expected.ToBits() != actual.ToBits() || expected.ToBits() != generic.ToBits()))
            {
                Record(mismatches, $"half 0x{h:X4}: expected {Hex(expected.ToBits())}, got {Hex(actual.ToBits())} / {Hex(generic.ToBits())}");
            }
        }

        AssertNoMismatch(mismatches, 65536);
    }

    [Fact]
    public void Integers_round_once_to_nearest_even()
    {
        var mismatches = new List<string>();
        int total = 0;
        int naiveWrong = 0;

        void Check(BigInteger value, BFloat16 actual, string label)
        {
            total++;
            ushort expected = ReferenceFromRational(value, BigInteger.One);
            if (actual.ToBits() != expected)
            {
                Record(mismatches, $"{label} {value}: expected {Hex(expected)}, got {Hex(actual.ToBits())}");
            }
        }

        var rng = new Random(Seed);
        var longs = new List<long> { 0, 1, -1, 3, 255, 256, 257, 258, 259, 383, 384, 385, int.MaxValue, int.MinValue, long.MaxValue, long.MinValue, (1L << 40) + (1L << 32) + 1, -((1L << 40) + (1L << 32) + 1) };
        for (int i = 0; i < 50_000; i++)
        {
            int shift = rng.Next(0, 63);
            long v = rng.NextInt64() >> shift;
            longs.Add(v);
            longs.Add((v & ~0xFFFFFFL) | 0x800000L | (rng.Next(2) == 0 ? 0L : 1L));
        }

        foreach (long v in longs)
        {
            Check(v, BFloat16.CreateChecked(v), "long");
            if (((BFloat16)(float)v).ToBits() != ReferenceFromRational(v, BigInteger.One))
            {
                naiveWrong++;
            }

            if (v is >= int.MinValue and <= int.MaxValue)
            {
                Check(v, BFloat16.CreateChecked((int)v), "int");
            }

            if (v >= 0)
            {
                ulong u = ((ulong)v * 2) + 1;
                Check(u, BFloat16.CreateTruncating(u), "ulong");
            }
        }

        for (int s = short.MinValue; s <= short.MaxValue; s++)
        {
            Check(s, BFloat16.CreateChecked((short)s), "short");
        }

        for (int u = 0; u <= ushort.MaxValue; u++)
        {
            Check(u, BFloat16.CreateSaturating((ushort)u), "ushort");
            Check(u, BFloat16.CreateChecked((char)u), "char");
        }

        for (int b = sbyte.MinValue; b <= sbyte.MaxValue; b++)
        {
            Check(b, BFloat16.CreateChecked((sbyte)b), "sbyte");
        }

        for (int b = 0; b <= byte.MaxValue; b++)
        {
            Check(b, BFloat16.CreateChecked((byte)b), "byte");
        }

        foreach (UInt128 u in new[] { UInt128.MaxValue, UInt128.MaxValue >> 1, (UInt128.One << 127) + (UInt128.One << 119) + 1, (UInt128.One << 100) + 12345 })
        {
            Check((BigInteger)u, BFloat16.CreateChecked(u), "UInt128");
            Check(-(BigInteger)u, BFloat16.CreateChecked(-(BigInteger)u), "BigInteger");
        }

        foreach (Int128 v in new[] { Int128.MaxValue, Int128.MinValue, (Int128)(-1), ((Int128)1 << 90) + ((Int128)1 << 82) + 1 })
        {
            Check((BigInteger)v, BFloat16.CreateChecked(v), "Int128");
        }

        Check(BigInteger.Pow(10, 100), BFloat16.CreateChecked(BigInteger.Pow(10, 100)), "BigInteger");
        AssertNoMismatch(mismatches, total);
        Assert.True(naiveWrong > 100, $"only {naiveWrong} integers separate one rounding from long → float → bfloat16");
    }

    [Fact]
    public void Decimals_round_once_to_nearest_even()
    {
        Assert.Equal(Hex(0x3F80), Hex(BFloat16.CreateChecked(1.00390625m).ToBits()));
        Assert.Equal(Hex(0x3F81), Hex(BFloat16.CreateChecked(1.0039062500000000000000000001m).ToBits()));
        Assert.Equal(Hex(0x3F80), Hex(((BFloat16)(double)1.0039062500000000000000000001m).ToBits()));
        Assert.Equal(Hex(0x8000), Hex(BFloat16.CreateChecked(new decimal(0, 0, 0, true, 3)).ToBits()));

        var rng = new Random(Seed);
        var mismatches = new List<string>();
        for (int i = 0; i < 20_000; i++)
        {
            var value = new decimal(rng.Next(), rng.Next(), rng.Next(), rng.Next(2) == 0, (byte)rng.Next(29));
            int[] parts = decimal.GetBits(value);
            BigInteger coefficient = ((BigInteger)(uint)parts[2] << 64) | ((BigInteger)(uint)parts[1] << 32) | (uint)parts[0];
            ushort expected = ReferenceFromRational(
                decimal.IsNegative(value) ? -coefficient : coefficient, BigInteger.Pow(10, value.Scale), decimal.IsNegative(value));
            ushort actual = BFloat16.CreateTruncating(value).ToBits();
            if (actual != expected)
            {
                Record(mismatches, $"{value}: expected {Hex(expected)}, got {Hex(actual)}");
            }
        }

        AssertNoMismatch(mismatches, 20_000);
    }

    [Fact]
    public void Creation_from_other_types_follows_Half_for_out_of_range_values()
    {
        Assert.Equal(Hex(0x4040), Hex(BFloat16.CreateChecked(3).ToBits()));
        Assert.Equal(Hex(0x7F80), Hex(BFloat16.CreateTruncating(1e40).ToBits()));

        // Half decides what "saturating" means for a floating-point target: check it now and match it.
        foreach (double big in new[] { 1e40, -1e40, double.PositiveInfinity })
        {
            foreach ((Half half, BFloat16 ours) in new[]
            {
                (Half.CreateSaturating(big), BFloat16.CreateSaturating(big)),
                (Half.CreateChecked(big), BFloat16.CreateChecked(big)),
                (Half.CreateTruncating(big), BFloat16.CreateTruncating(big)),
            })
            {
                BFloat16 expected = Half.IsInfinity(half)
                    ? (Half.IsNegative(half) ? BFloat16.NegativeInfinity : BFloat16.PositiveInfinity)
                    : (Half.IsNegative(half) ? BFloat16.MinValue : BFloat16.MaxValue);
                Assert.Equal(Hex(expected.ToBits()), Hex(ours.ToBits()));
            }
        }

        BFloat16 saturated = BFloat16.CreateSaturating(1e40);
        BFloat16 expectedSaturated = Half.IsPositiveInfinity(Half.CreateSaturating(1e40)) ? BFloat16.PositiveInfinity : BFloat16.MaxValue;
        Assert.Equal(Hex(expectedSaturated.ToBits()), Hex(saturated.ToBits()));

        // Integers too large for the format: Half gives infinity in every mode.
        BFloat16 expectedFromHuge = Half.IsPositiveInfinity(Half.CreateSaturating(1_000_000)) ? BFloat16.PositiveInfinity : BFloat16.MaxValue;
        Assert.Equal(Hex(expectedFromHuge.ToBits()), Hex(BFloat16.CreateSaturating(UInt128.MaxValue).ToBits()));
        Assert.Equal(Hex(0x7F80), Hex(BFloat16.CreateChecked(UInt128.MaxValue).ToBits()));
    }

    // -----------------------------------------------------------------------------------------------------------------
    // Conversions out of bfloat16
    // -----------------------------------------------------------------------------------------------------------------

    [Fact]
    public void Widening_is_exact_for_all_65536_patterns()
    {
        for (int p = 0; p <= 0xFFFF; p++)
        {
            var x = BFloat16.FromBits((ushort)p);
            Assert.Equal((uint)p << 16, BitConverter.SingleToUInt32Bits((float)x));
            Assert.True(BFloat16.IsNaN(x) ? float.IsNaN(float.CreateTruncating(x)) : BitConverter.SingleToUInt32Bits(float.CreateTruncating(x)) == (uint)p << 16);
            double d = (double)x;
            double viaGeneric = double.CreateTruncating(x);
            if (BFloat16.IsNaN(x))
            {
                Assert.True(double.IsNaN(d) && double.IsNaN(viaGeneric));
                Assert.Equal(BFloat16.IsNegative(x), double.IsNegative(d));
            }
            else
            {
                double exact = ((p & 0x8000) != 0 ? -1 : 1) * ((p & 0x7FFF) == 0x7F80 ? double.PositiveInfinity : PatternValue(p & 0x7FFF));
                Assert.Equal(BitConverter.DoubleToUInt64Bits(exact), BitConverter.DoubleToUInt64Bits(d));
                Assert.Equal(BitConverter.DoubleToUInt64Bits(exact), BitConverter.DoubleToUInt64Bits(viaGeneric));
                Assert.Equal(BitConverter.DoubleToUInt64Bits(exact), BitConverter.DoubleToUInt64Bits(double.CreateChecked(x)));
                Assert.Equal(BitConverter.DoubleToUInt64Bits(exact), BitConverter.DoubleToUInt64Bits(double.CreateSaturating(x)));
            }
        }
    }

    [Fact]
    public void Narrowing_to_Half_rounds_once()
    {
        for (int p = 0; p <= 0xFFFF; p++)
        {
            var x = BFloat16.FromBits((ushort)p);
            Half expected = (Half)(double)x;
            Half cast = (Half)x;
            Half generic = Half.CreateChecked(x);
            if (Half.IsNaN(expected))
            {
                Assert.True(Half.IsNaN(cast) && Half.IsNaN(generic));
            }
            else
            {
                Assert.Equal(BitConverter.HalfToUInt16Bits(expected), BitConverter.HalfToUInt16Bits(cast));
                Assert.Equal(BitConverter.HalfToUInt16Bits(expected), BitConverter.HalfToUInt16Bits(generic));
            }
        }
    }

    [Fact]
    public void Integer_targets_convert_as_the_same_value_held_in_a_float()
    {
        AgreesWithSingle<sbyte>();
        AgreesWithSingle<byte>();
        AgreesWithSingle<short>();
        AgreesWithSingle<ushort>();
        AgreesWithSingle<int>();
        AgreesWithSingle<uint>();
        AgreesWithSingle<long>();
        AgreesWithSingle<ulong>();
        AgreesWithSingle<Int128>();
        AgreesWithSingle<UInt128>();
        Assert.Equal(3, int.CreateChecked(BFloat16.CreateChecked(3)));
        Assert.Equal(0, int.CreateSaturating(BFloat16.NaN));
        Assert.Throws<OverflowException>(() => int.CreateChecked(BFloat16.NaN));
        Assert.Equal(1.5m, decimal.CreateChecked((BFloat16)1.5f));
        Assert.Equal(new BigInteger(256), BigInteger.CreateChecked((BFloat16)257f));
    }

    private static void AgreesWithSingle<TInteger>()
        where TInteger : INumberBase<TInteger>
    {
        for (int p = 0; p <= 0xFFFF; p++)
        {
            var x = BFloat16.FromBits((ushort)p);
            float f = (float)x;
            Assert.Equal(TInteger.CreateSaturating(f), TInteger.CreateSaturating(x));
            Assert.Equal(TInteger.CreateTruncating(f), TInteger.CreateTruncating(x));
            if (p % 7 == 0 || (p & 0x7F80) < 0x4F00)
            {
                Assert.Equal(Outcome(() => TInteger.CreateChecked(f)), Outcome(() => TInteger.CreateChecked(x)));
            }
        }
    }

    private static string Outcome<T>(Func<T> f)
    {
        try
        {
            return "value " + f();
        }
        catch (OverflowException)
        {
            return "OverflowException";
        }
    }

    // -----------------------------------------------------------------------------------------------------------------
    // Arithmetic
    // -----------------------------------------------------------------------------------------------------------------

    /// <summary>
    /// binary64 has 53 ≥ 2·8 + 2 bits, and the exact results of these operations on bfloat16 operands are far from
    /// binary64's subnormal and overflow ranges (|a·b| ≥ 2^−266, |a/b| ≤ 2^262), so the binary64 result rounded once (by the
    /// direct conversion, checked against the reference above) is the correctly rounded bfloat16 result. The remainder is
    /// exact in both formats.
    /// </summary>
    [Fact]
    public void Binary_operators_are_correctly_rounded_on_every_pair_of_about_600_operands()
    {
        List<BFloat16> operands = Operands();
        Assert.InRange(operands.Count, 550, 650);
        var mismatches = new List<string>();
        int total = 0;
        foreach (BFloat16 a in operands)
        {
            double da = (double)a;
            foreach (BFloat16 b in operands)
            {
                double db = (double)b;
                total += 5;
                Compare("+", a, b, (BFloat16)(da + db), a + b);
                Compare("-", a, b, (BFloat16)(da - db), a - b);
                Compare("*", a, b, (BFloat16)(da * db), a * b);
                Compare("/", a, b, (BFloat16)(da / db), a / b);
                Compare("%", a, b, (BFloat16)(da % db), a % b);
            }
        }

        AssertNoMismatch(mismatches, total);

        void Compare(string op, BFloat16 a, BFloat16 b, BFloat16 expected, BFloat16 actual)
        {
            if (!SameOrBothNaN(expected, actual))
            {
                Record(mismatches, $"{Hex(a.ToBits())} {op} {Hex(b.ToBits())}: expected {Hex(expected.ToBits())}, got {Hex(actual.ToBits())}");
            }
        }
    }

    [Fact]
    public void Generic_arithmetic_matches_the_operators()
    {
        List<BFloat16> operands = Operands();
        var rng = new Random(Seed);
        for (int i = 0; i < 20_000; i++)
        {
            BFloat16 a = operands[rng.Next(operands.Count)];
            BFloat16 b = operands[rng.Next(operands.Count)];
            Assert.True(SameOrBothNaN(a + b, GenericAdd(a, b)));
            Assert.True(SameOrBothNaN(a * b, GenericMultiply(a, b)));
        }

        Assert.Equal(Hex(0x4040), Hex(CreateThree<BFloat16>().ToBits()));
        Assert.Equal(Hex(((BFloat16)MathF.Exp(1f)).ToBits()), Hex(ExpOfOne<BFloat16>().ToBits()));
        Assert.Equal(Hex(0x402E), Hex(ExpOfOne<BFloat16>().ToBits()));
        Assert.Equal(Hex(((BFloat16)(1f / 3f)).ToBits()), Hex(Third<BFloat16>().ToBits()));
        Assert.Equal(Hex(0xFFFF), Hex(AllBits<BFloat16>().ToBits()));

        static T GenericAdd<T>(T a, T b) where T : IBinaryFloatingPointIeee754<T> => a + b;
        static T GenericMultiply<T>(T a, T b) where T : IBinaryFloatingPointIeee754<T> => a * b;
        static T CreateThree<T>() where T : INumberBase<T> => T.CreateChecked(3);
        static T ExpOfOne<T>() where T : IFloatingPointIeee754<T> => T.Exp(T.One);
        static T Third<T>() where T : IFloatingPointIeee754<T> => T.One / T.CreateChecked(3);
        static T AllBits<T>() where T : IBinaryNumber<T> => T.AllBitsSet;
    }

    [Fact]
    public void Sqrt_is_correctly_rounded_for_all_65536_patterns()
    {
        var mismatches = new List<string>();
        for (int p = 0; p <= 0xFFFF; p++)
        {
            var x = BFloat16.FromBits((ushort)p);
            var expected = (BFloat16)Math.Sqrt((double)x);
            BFloat16 actual = BFloat16.Sqrt(x);
            if (!SameOrBothNaN(expected, actual))
            {
                Record(mismatches, $"sqrt {Hex((ushort)p)}: expected {Hex(expected.ToBits())}, got {Hex(actual.ToBits())}");
            }
        }

        AssertNoMismatch(mismatches, 65536);
    }

    [Fact]
    public void FusedMultiplyAdd_is_correctly_rounded_including_next_to_midpoints()
    {
        List<BFloat16> operands = Operands();
        var rng = new Random(Seed);
        var mismatches = new List<string>();
        int total = 0;
        int doubleRoundingWrong = 0;

        void Check(BFloat16 a, BFloat16 b, BFloat16 c)
        {
            total++;
            BFloat16 expected;
            if (BFloat16.IsFinite(a) && BFloat16.IsFinite(b) && BFloat16.IsFinite(c))
            {
                BigInteger exact = (Scaled(a) * Scaled(b)) + (Scaled(c) << 133);
                bool productNegative = BFloat16.IsNegative(a) != BFloat16.IsNegative(b);
                bool productZero = BFloat16.IsZero(a) || BFloat16.IsZero(b);
                bool negativeZero = productZero && BFloat16.IsZero(c) && productNegative && BFloat16.IsNegative(c);
                expected = BFloat16.FromBits(ReferenceFromRational(exact, BigInteger.One << 266, negativeZero));
            }
            else
            {
                expected = (BFloat16)Math.FusedMultiplyAdd((double)a, (double)b, (double)c);
            }

            BFloat16 actual = BFloat16.FusedMultiplyAdd(a, b, c);
            if (!SameOrBothNaN(expected, actual))
            {
                Record(mismatches, $"fma({Hex(a.ToBits())}, {Hex(b.ToBits())}, {Hex(c.ToBits())}): expected {Hex(expected.ToBits())}, got {Hex(actual.ToBits())}");
            }

            if (!SameOrBothNaN(expected, (BFloat16)Math.FusedMultiplyAdd((double)a, (double)b, (double)c)))
            {
                doubleRoundingWrong++;
            }
        }

        for (int i = 0; i < 100_000; i++)
        {
            BFloat16 a = operands[rng.Next(operands.Count)];
            BFloat16 b = operands[rng.Next(operands.Count)];
            Check(a, b, operands[rng.Next(operands.Count)]);
            Check(a, b, -(a * b));
        }

        // 1.5·(1 + j/128) with j odd is a bfloat16 midpoint; a tiny addend decides the rounding.
        BFloat16[] nudges = [BFloat16.Epsilon, -BFloat16.Epsilon, (BFloat16)Math.ScaleB(1, -100), (BFloat16)(-Math.ScaleB(1, -100)), BFloat16.Zero, BFloat16.NegativeZero];
        for (int k = -60; k <= 60; k += 3)
        {
            var a = (BFloat16)Math.ScaleB(1.5, k);
            for (int j = 1; j < 42; j += 2)
            {
                BFloat16 b = BFloat16.FromBits((ushort)(0x3F80 + j));
                foreach (BFloat16 c in nudges)
                {
                    Check(a, b, c);
                    Check(-a, b, c);
                }
            }
        }

        AssertNoMismatch(mismatches, total);
        Assert.True(doubleRoundingWrong > 100, $"only {doubleRoundingWrong} cases separate a correct fma from binary64 fma rounded again");
    }

    [Fact]
    public void Exp_is_the_binary32_exp_rounded_once_and_ScaleB_is_exact_scaling_rounded_once()
    {
        for (int p = 0; p <= 0xFFFF; p++)
        {
            var x = BFloat16.FromBits((ushort)p);
            Assert.True(SameOrBothNaN((BFloat16)MathF.Exp((float)x), BFloat16.Exp(x)));
            foreach (int n in new[] { -300, -140, -20, -1, 0, 1, 20, 140, 300 })
            {
                BFloat16 expected = BFloat16.IsFinite(x) && !BFloat16.IsZero(x)
                    ? (BFloat16)Math.ScaleB((double)x, n)
                    : x;
                Assert.True(SameOrBothNaN(expected, BFloat16.ScaleB(x, n)), $"ScaleB({Hex((ushort)p)}, {n})");
            }
        }
    }

    // -----------------------------------------------------------------------------------------------------------------
    // Classification, neighbours, IFloatingPoint
    // -----------------------------------------------------------------------------------------------------------------

    [Fact]
    public void Classification_agrees_with_float_for_all_65536_patterns()
    {
        for (int p = 0; p <= 0xFFFF; p++)
        {
            var x = BFloat16.FromBits((ushort)p);
            float f = (float)x;
            string at = Hex((ushort)p);
            Assert.True(float.IsNaN(f) == BFloat16.IsNaN(x), at);
            Assert.True(float.IsInfinity(f) == BFloat16.IsInfinity(x), at);
            Assert.True(float.IsPositiveInfinity(f) == BFloat16.IsPositiveInfinity(x), at);
            Assert.True(float.IsNegativeInfinity(f) == BFloat16.IsNegativeInfinity(x), at);
            Assert.True(float.IsFinite(f) == BFloat16.IsFinite(x), at);
            Assert.True(float.IsNormal(f) == BFloat16.IsNormal(x), at);
            Assert.True(float.IsSubnormal(f) == BFloat16.IsSubnormal(x), at);
            Assert.True((f == 0) == BFloat16.IsZero(x), at);
            Assert.True(float.IsNegative(f) == BFloat16.IsNegative(x), at);
            Assert.True(float.IsPositive(f) == BFloat16.IsPositive(x), at);
            Assert.True(float.IsInteger(f) == BFloat16.IsInteger(x), at);
            Assert.True(float.IsEvenInteger(f) == BFloat16.IsEvenInteger(x), at);
            Assert.True(float.IsOddInteger(f) == BFloat16.IsOddInteger(x), at);
            Assert.True(float.IsPow2(f) == BFloat16.IsPow2(x), at);
            Assert.True(float.IsRealNumber(f) == BFloat16.IsRealNumber(x), at);
            Assert.True(Classify(f) == Classify(x), at);

            // Independent of float: subnormal means exponent field 0 and a nonzero fraction, below 2^−126.
            bool subnormal = (p & 0x7F80) == 0 && (p & 0x7F) != 0;
            Assert.True(subnormal == BFloat16.IsSubnormal(x), at);
            if (subnormal)
            {
                Assert.True(Math.Abs((double)x) < Math.ScaleB(1, -126) && Math.Abs((double)x) >= Math.ScaleB(1, -133), at);
            }
        }

        static string Classify<T>(T v) where T : INumberBase<T> =>
            $"{T.IsNaN(v)}{T.IsInfinity(v)}{T.IsFinite(v)}{T.IsNormal(v)}{T.IsSubnormal(v)}{T.IsZero(v)}{T.IsNegative(v)}{T.IsCanonical(v)}{T.IsComplexNumber(v)}{T.IsImaginaryNumber(v)}";
    }

    [Fact]
    public void BitIncrement_and_BitDecrement_step_to_the_neighbours_in_value_order_as_Half_does()
    {
        var distinct = new SortedSet<double>();
        for (int p = 0; p <= 0xFFFF; p++)
        {
            var x = BFloat16.FromBits((ushort)p);
            if (!BFloat16.IsNaN(x))
            {
                distinct.Add((double)x);
            }
        }

        var order = new List<double>(distinct);
        Assert.Equal(2 * 0x7F80 - 1 + 2, order.Count);
        for (int p = 0; p <= 0xFFFF; p++)
        {
            var x = BFloat16.FromBits((ushort)p);
            BFloat16 up = BFloat16.BitIncrement(x);
            BFloat16 down = BFloat16.BitDecrement(x);
            if (BFloat16.IsNaN(x))
            {
                Assert.Equal(x.ToBits(), up.ToBits());
                Assert.Equal(x.ToBits(), down.ToBits());
                continue;
            }

            int i = order.BinarySearch((double)x);
            Assert.True(i >= 0);
            double expectedUp = i + 1 < order.Count ? order[i + 1] : double.PositiveInfinity;
            double expectedDown = i > 0 ? order[i - 1] : double.NegativeInfinity;
            Assert.Equal(expectedUp, (double)up);
            Assert.Equal(expectedDown, (double)down);
        }

        // Zeros, infinities and NaN as Half treats them, checked now.
        (Half Half, BFloat16 Ours)[] specials =
        [
            (Half.NegativeZero, BFloat16.NegativeZero), (Half.Zero, BFloat16.Zero), (Half.Epsilon, BFloat16.Epsilon),
            (-Half.Epsilon, -BFloat16.Epsilon), (Half.MaxValue, BFloat16.MaxValue), (Half.MinValue, BFloat16.MinValue),
            (Half.PositiveInfinity, BFloat16.PositiveInfinity), (Half.NegativeInfinity, BFloat16.NegativeInfinity),
        ];
        int matched = 0;
        foreach ((Half half, BFloat16 ours) in specials)
        {
            foreach ((Half halfStep, BFloat16 ourStep) in new[] { (Half.BitIncrement(half), BFloat16.BitIncrement(ours)), (Half.BitDecrement(half), BFloat16.BitDecrement(ours)) })
            {
                int j = Array.FindIndex(specials, s => BitConverter.HalfToUInt16Bits(s.Half) == BitConverter.HalfToUInt16Bits(halfStep));
                if (j >= 0)
                {
                    matched++;
                    Assert.Equal(Hex(specials[j].Ours.ToBits()), Hex(ourStep.ToBits()));
                }
            }
        }

        Assert.True(matched >= 10, $"only {matched} special steps compared with Half");
        Half someNaN = BitConverter.UInt16BitsToHalf(0x7C01);
        Assert.Equal(BitConverter.HalfToUInt16Bits(someNaN), BitConverter.HalfToUInt16Bits(Half.BitIncrement(someNaN)));
    }

    [Fact]
    public void IFloatingPoint_members_describe_an_8_bit_significand_and_float_exponent()
    {
        Span<byte> ours = stackalloc byte[4];
        Span<byte> theirs = stackalloc byte[4];
        for (int p = 0; p <= 0xFFFF; p++)
        {
            var x = BFloat16.FromBits((ushort)p);
            float f = (float)x;
            var fx = (IFloatingPoint<BFloat16>)x;
            var ff = (IFloatingPoint<float>)f;
            Assert.Equal(8, fx.GetSignificandBitLength());
            Assert.Equal(1, fx.GetSignificandByteCount());
            Assert.Equal(ff.GetExponentByteCount(), fx.GetExponentByteCount());
            Assert.Equal(ff.GetExponentShortestBitLength(), fx.GetExponentShortestBitLength());

            Assert.True(fx.TryWriteExponentBigEndian(ours, out int n));
            Assert.True(ff.TryWriteExponentBigEndian(theirs, out int m));
            Assert.Equal(Convert.ToHexString(theirs[..m]), Convert.ToHexString(ours[..n]));
            Assert.True(fx.TryWriteExponentLittleEndian(ours, out n));
            Assert.True(ff.TryWriteExponentLittleEndian(theirs, out m));
            Assert.Equal(Convert.ToHexString(theirs[..m]), Convert.ToHexString(ours[..n]));

            Assert.True(fx.TryWriteSignificandBigEndian(ours, out n));
            Assert.True(ff.TryWriteSignificandBigEndian(theirs, out m));
            Assert.Equal(1, n);
            Assert.Equal((int)(System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(theirs) >> 16), ours[0]);
            Assert.True(fx.TryWriteSignificandLittleEndian(ours, out n));
            Assert.Equal((int)(System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(theirs) >> 16), ours[0]);
            Assert.False(fx.TryWriteSignificandBigEndian([], out _));

            Assert.Equal(float.ILogB(f), BFloat16.ILogB(x));
            Assert.True(SameOrBothNaN((BFloat16)MathF.Floor(f), BFloat16.Floor(x)));
            Assert.True(SameOrBothNaN((BFloat16)MathF.Ceiling(f), BFloat16.Ceiling(x)));
            Assert.True(SameOrBothNaN((BFloat16)MathF.Truncate(f), BFloat16.Truncate(x)));
            Assert.True(SameOrBothNaN((BFloat16)MathF.Round(f), BFloat16.Round(x)));
            Assert.True(SameOrBothNaN((BFloat16)MathF.Round(f, MidpointRounding.AwayFromZero), BFloat16.Round(x, MidpointRounding.AwayFromZero)));
            if (BFloat16.IsFinite(x))
            {
                Assert.True(BFloat16.IsInteger(BFloat16.Floor(x)));
                Assert.Equal(MathF.Floor(f), (float)BFloat16.Floor(x));
            }
        }
    }

    [Fact]
    public void Constants_are_the_rounded_values()
    {
        Assert.Equal(Hex(((BFloat16)Math.E).ToBits()), Hex(BFloat16.E.ToBits()));
        Assert.Equal(Hex(((BFloat16)Math.PI).ToBits()), Hex(BFloat16.Pi.ToBits()));
        Assert.Equal(Hex(((BFloat16)Math.Tau).ToBits()), Hex(BFloat16.Tau.ToBits()));
        Assert.Equal(Math.ScaleB(1, -133), (double)BFloat16.Epsilon);
        Assert.Equal((2 - Math.ScaleB(1, -7)) * Math.ScaleB(1, 127), (double)BFloat16.MaxValue);
        Assert.Equal(-(double)BFloat16.MaxValue, (double)BFloat16.MinValue);
        Assert.Equal(Hex(0x7FC0), Hex(BFloat16.NaN.ToBits()));
        Assert.Equal(Hex(0x7F80), Hex(BFloat16.PositiveInfinity.ToBits()));
        Assert.Equal(Hex(0xFF80), Hex(BFloat16.NegativeInfinity.ToBits()));
        Assert.Equal(Hex(0x8000), Hex(BFloat16.NegativeZero.ToBits()));
        Assert.Equal(1.0, (double)BFloat16.One);
        Assert.Equal(-1.0, (double)BFloat16.NegativeOne);
        Assert.Equal(Hex(0x0000), Hex(BFloat16.Zero.ToBits()));
        Assert.Equal(Hex(0x0000), Hex(BFloat16.AdditiveIdentity.ToBits()));
        Assert.Equal(Hex(0x3F80), Hex(BFloat16.MultiplicativeIdentity.ToBits()));
        Assert.Equal(2, BFloat16.Radix);
        Assert.Equal(Hex(BFloat16.MaxValue.ToBits()), Hex(BFloat16.BitDecrement(BFloat16.PositiveInfinity).ToBits()));
        Assert.Equal(Hex(0x7F80), Hex(((BFloat16)((2 - Math.ScaleB(1, -8)) * Math.ScaleB(1, 127))).ToBits()));
        Assert.Equal(Hex(0x7F7F), Hex(((BFloat16)Math.BitDecrement((2 - Math.ScaleB(1, -8)) * Math.ScaleB(1, 127))).ToBits()));
    }

    [Fact]
    public void Equality_and_order_are_IEEE_and_Equals_CompareTo_follow_Half()
    {
        double[] values = [double.NaN, double.NegativeInfinity, -2, -1, -0.0, 0.0, 0.5, 1, 2, double.PositiveInfinity];
        foreach (double a in values)
        {
            foreach (double b in values)
            {
                var x = (BFloat16)a;
                var y = (BFloat16)b;
                var ha = (Half)a;
                var hb = (Half)b;
                string at = $"{a} vs {b}";
                Assert.True((ha == hb) == (x == y), at);
                Assert.True((ha != hb) == (x != y), at);
                Assert.True((ha < hb) == (x < y), at);
                Assert.True((ha <= hb) == (x <= y), at);
                Assert.True((ha > hb) == (x > y), at);
                Assert.True((ha >= hb) == (x >= y), at);
                Assert.True(ha.Equals(hb) == x.Equals(y), at);
                Assert.True(ha.Equals((object)hb) == x.Equals((object)y), at);
                Assert.True(Math.Sign(ha.CompareTo(hb)) == Math.Sign(x.CompareTo(y)), at);
                Assert.True(Math.Sign(ha.CompareTo((object)hb)) == Math.Sign(x.CompareTo((object)y)), at);
                if (x.Equals(y))
                {
                    Assert.Equal(x.GetHashCode(), y.GetHashCode());
                }
            }
        }

        Assert.Equal(BFloat16.NaN.GetHashCode(), BFloat16.FromBits(0xFFC1).GetHashCode());
        Assert.Equal(Half.One.CompareTo(null), BFloat16.One.CompareTo(null));
        Assert.Throws<ArgumentException>(() => BFloat16.One.CompareTo(1.0));
        Assert.False(BFloat16.One.Equals(1.0f));
        Assert.Equal(Hex(0xFFC0), Hex((-BFloat16.NaN).ToBits()));
        Assert.Equal(Hex(0x7FC0), Hex(BFloat16.Abs(BFloat16.FromBits(0xFFC0)).ToBits()));
        Assert.Equal(Hex(0xBF80), Hex(BFloat16.CopySign(BFloat16.One, BFloat16.NegativeZero).ToBits()));
    }

    // -----------------------------------------------------------------------------------------------------------------
    // Text
    // -----------------------------------------------------------------------------------------------------------------

    [Fact]
    public void Shortest_text_round_trips_through_Parse_for_all_65536_patterns()
    {
        var mismatches = new List<string>();
        Span<char> chars = stackalloc char[64];
        Span<byte> bytes = stackalloc byte[64];
        for (int p = 0; p <= 0xFFFF; p++)
        {
            var x = BFloat16.FromBits((ushort)p);
            string text = x.ToString(Invariant);
            BFloat16 back = BFloat16.Parse(text, Invariant);
            if (!SameOrBothNaN(x, back) || (BFloat16.IsNaN(x) && text != "NaN"))
            {
                Record(mismatches, $"{Hex((ushort)p)} → '{text}' → {Hex(back.ToBits())}");
            }

            Assert.Equal(text, x.ToString("R", Invariant));
            Assert.Equal(text, x.ToString());
            Assert.True(SameOrBothNaN(x, BFloat16.Parse(text)));
            Assert.True(x.TryFormat(chars, out int written, default, Invariant));
            Assert.Equal(text, chars[..written].ToString());
            Assert.True(x.TryFormat(bytes, out int byteCount, "R", Invariant));
            Assert.Equal(text, Encoding.UTF8.GetString(bytes[..byteCount]));
            Assert.True(SameOrBothNaN(x, BFloat16.Parse(bytes[..byteCount], provider: Invariant)));

            // Shortest: with one significant digit fewer (the correctly rounded shorter decimal) the value does not read back.
            if (BFloat16.IsFinite(x) && !BFloat16.IsZero(x))
            {
                int digits = SignificantDigits(text);
                Assert.InRange(digits, 1, 4);
                if (digits > 1)
                {
                    string shorter = ((double)x).ToString("G" + (digits - 1).ToString(Invariant), Invariant);
                    if (BFloat16.Parse(shorter, Invariant).ToBits() == x.ToBits())
                    {
                        Record(mismatches, $"{Hex((ushort)p)} → '{text}', but '{shorter}' reads back too");
                    }
                }
            }
        }

        AssertNoMismatch(mismatches, 65536);
    }

    private static int SignificantDigits(string text)
    {
        string mantissa = text.Split('E', 'e')[0].Replace("-", string.Empty, StringComparison.Ordinal).Replace(".", string.Empty, StringComparison.Ordinal).Trim('0');
        return mantissa.Length;
    }

    [Fact]
    public void Known_values_print_as_expected()
    {
        Assert.Equal("0.1", ((BFloat16)0.1).ToString(Invariant));
        Assert.Equal("1", BFloat16.One.ToString(Invariant));
        Assert.Equal("-0", BFloat16.NegativeZero.ToString(Invariant));
        Assert.Equal("NaN", BFloat16.NaN.ToString(Invariant));
        Assert.Equal("Infinity", BFloat16.PositiveInfinity.ToString(Invariant));
        Assert.Equal("-Infinity", BFloat16.NegativeInfinity.ToString(Invariant));
        Assert.Equal("3.14", BFloat16.Pi.ToString(Invariant));
        Assert.Equal("3.39E+38", BFloat16.MaxValue.ToString(Invariant));
        Assert.Equal("3.39e+38", BFloat16.MaxValue.ToString("r", Invariant));
        Assert.Equal("9E-41", BFloat16.Epsilon.ToString(Invariant));
        Assert.Equal("256", ((BFloat16)257).ToString(Invariant));
        Assert.Equal("100", ((BFloat16)100).ToString(Invariant));
        Assert.Equal("1.1E+12", ((BFloat16)1.1e12).ToString(Invariant));
        Assert.Equal("1E-05", ((BFloat16)1e-5).ToString("G", Invariant));
        Assert.Equal("3.140625", BFloat16.Pi.ToString("F6", Invariant));
        Assert.Equal("3,14", BFloat16.Pi.ToString(CommaCulture()));
        Assert.Equal("inf", IeeeText.FormatDecimal(BFloat16.PositiveInfinity));
        Assert.Equal("0.1", IeeeText.FormatDecimal((BFloat16)0.1f));
        Assert.Equal("0x4049", IeeeText.FormatBits<BFloat16, BFloat16Format>(BFloat16.Pi));
        Assert.Null(IeeeText.TryParse<BFloat16, BFloat16Format>("nan", out BFloat16 nan));
        Assert.Equal(Hex(0x7FC0), Hex(nan.ToBits()));
        Assert.Null(IeeeText.TryParse<BFloat16, BFloat16Format>("1.00390625000000000001", out BFloat16 justAbove));
        Assert.Equal(Hex(0x3F81), Hex(justAbove.ToBits()));
    }

    private static NumberFormatInfo CommaCulture()
    {
        var info = (NumberFormatInfo)NumberFormatInfo.InvariantInfo.Clone();
        info.NumberDecimalSeparator = ",";
        info.NumberGroupSeparator = ".";
        return info;
    }

    /// <summary>
    /// Decimal text exactly on, just above and just below bfloat16 midpoints: all of it reads as the same binary64 (the
    /// midpoint), so only an exact comparison of the digits rounds it right.
    /// </summary>
    [Fact]
    public void Parse_rounds_decimal_text_once_even_when_it_reads_as_a_binary64_midpoint()
    {
        var rng = new Random(Seed);
        var mismatches = new List<string>();
        int total = 0;
        int naiveWrong = 0;
        NumberFormatInfo comma = CommaCulture();

        void Check(string text, IFormatProvider provider, BigInteger numerator, BigInteger denominator, NumberStyles style = NumberStyles.Float | NumberStyles.AllowThousands)
        {
            total++;
            ushort expected = ReferenceFromRational(numerator, denominator);
            ushort actual = BFloat16.Parse(text, style, provider).ToBits();
            Assert.True(BFloat16.TryParse(text.AsSpan(), style, provider, out BFloat16 tried));
            if (actual != expected || tried.ToBits() != expected)
            {
                Record(mismatches, $"'{text}': expected {Hex(expected)}, got {Hex(actual)}");
            }

            if (((BFloat16)double.Parse(text, style, provider)).ToBits() != expected)
            {
                naiveWrong++;
            }
        }

        for (int i = 0; i < 1500; i++)
        {
            int p = i < 20 ? i : i < 40 ? 0x7F7F - (i - 20) : rng.Next(0x7F7F);
            BigInteger twice = PatternScaled(p) + PatternScaled(p + 1);
            BigInteger exact = twice * BigInteger.Pow(5, 134);
            int scale = 134;
            BigInteger denominator = BigInteger.Pow(10, scale);
            BigInteger sign = rng.Next(2) == 0 ? BigInteger.One : BigInteger.MinusOne;
            string minus = sign.Sign < 0 ? "-" : string.Empty;
            foreach (int nudge in new[] { 0, 1, -1 })
            {
                BigInteger value = (exact * BigInteger.Pow(10, 25)) + nudge;
                BigInteger scaledDenominator = denominator * BigInteger.Pow(10, 25);
                string plain = minus + Positional(value, scale + 25, ".");
                Check(plain, Invariant, sign * value, scaledDenominator);
                Check(" " + plain + " ", Invariant, sign * value, scaledDenominator);
                Check(minus + value.ToString(Invariant) + "e-" + (scale + 25).ToString(Invariant), Invariant, sign * value, scaledDenominator);
                Check(minus + Positional(value, scale + 25, ","), comma, sign * value, scaledDenominator);
                Check(minus + Positional(value, scale + 25 + 3, ".") + "E+3", Invariant, sign * value, scaledDenominator);
            }
        }

        // Group separators in the integer part: 1052672 = 2^20 + 2^12 is the midpoint between 2^20 and 2^20 + 2^13.
        Check("1,052,672", Invariant, 1052672, BigInteger.One);
        Check("1,052,672.000000000000000000001", Invariant, (new BigInteger(1052672) * BigInteger.Pow(10, 21)) + 1, BigInteger.Pow(10, 21));
        Check("1.052.671,999999999999999999999", comma, (new BigInteger(1052672) * BigInteger.Pow(10, 21)) - 1, BigInteger.Pow(10, 21));
        Check("+1.0039062500000000000000000000000001", Invariant, BigInteger.Parse("10039062500000000000000000000000001", Invariant), BigInteger.Pow(10, 34));

        // Random short decimals.
        for (int i = 0; i < 20_000; i++)
        {
            long mantissa = rng.NextInt64(1, 10_000_000_000L);
            int exponent = rng.Next(-60, 40);
            string text = mantissa.ToString(Invariant) + "e" + exponent.ToString(Invariant);
            BigInteger numerator = exponent >= 0 ? mantissa * BigInteger.Pow(10, exponent) : mantissa;
            BigInteger denominator = exponent >= 0 ? BigInteger.One : BigInteger.Pow(10, -exponent);
            Check(text, Invariant, numerator, denominator, NumberStyles.Float);
        }

        AssertNoMismatch(mismatches, total);
        Assert.True(naiveWrong > 1000, $"only {naiveWrong} texts separate exact parsing from double.Parse then rounding");
        Assert.Throws<FormatException>(() => BFloat16.Parse("one", Invariant));
        Assert.False(BFloat16.TryParse("one", Invariant, out _));
        Assert.False(BFloat16.TryParse((string?)null, out _));
        Assert.Throws<ArgumentNullException>(() => BFloat16.Parse((string)null!, Invariant));
        Assert.Equal(Hex(0x7F80), Hex(BFloat16.Parse("1e39", Invariant).ToBits()));
        Assert.Equal(Hex(0x8000), Hex(BFloat16.Parse("-1e-50", Invariant).ToBits()));
    }

    /// <summary><paramref name="value"/>/10^<paramref name="scale"/> written positionally with the given separator.</summary>
    private static string Positional(BigInteger value, int scale, string separator)
    {
        string digits = BigInteger.Abs(value).ToString(Invariant).PadLeft(scale + 1, '0');
        return digits[..^scale] + separator + digits[^scale..];
    }

    // -----------------------------------------------------------------------------------------------------------------
    // Format descriptors
    // -----------------------------------------------------------------------------------------------------------------

    [Fact]
    public void Format_descriptors_match_their_types()
    {
        Describes<Half, Binary16>("f16", 11, 15);
        Describes<BFloat16, BFloat16Format>("bf16", 8, 127);
        Describes<float, Binary32>("f32", 24, 127);
    }

    private static void Describes<T, TFormat>(string name, int precision, int maxExponent)
        where T : IBinaryFloatingPointIeee754<T>, IMinMaxValue<T>
        where TFormat : IBinaryFormat<T>
    {
        Assert.Equal(name, TFormat.Name);
        Assert.Equal(precision, TFormat.Precision);
        Assert.Equal(maxExponent, TFormat.MaxExponent);
        Assert.Equal((2 - Math.ScaleB(1, 1 - TFormat.Precision)) * Math.ScaleB(1, TFormat.MaxExponent), double.CreateTruncating(T.MaxValue));
        Assert.Equal(Math.ScaleB(1, 2 - TFormat.MaxExponent - TFormat.Precision), double.CreateTruncating(T.Epsilon));
        T smallestNormal = TFormat.FromBits(1UL << (TFormat.Precision - 1));
        Assert.True(T.IsNormal(smallestNormal) && T.IsSubnormal(T.BitDecrement(smallestNormal)));
        Assert.Equal(Math.ScaleB(1, 1 - TFormat.MaxExponent), double.CreateTruncating(smallestNormal));
        ulong quietNaN = IeeeText.QuietNaNBits<T, TFormat>(negative: false);
        Assert.True(T.IsNaN(TFormat.FromBits(quietNaN)));
        Assert.Equal(quietNaN, TFormat.ToBits(TFormat.FromBits(quietNaN)));
        Assert.True(T.IsNaN(TFormat.FromBits(IeeeText.QuietNaNBits<T, TFormat>(negative: true))));
        if (TFormat.BitWidth == 16)
        {
            for (ulong bits = 0; bits <= 0xFFFF; bits++)
            {
                Assert.Equal(bits, TFormat.ToBits(TFormat.FromBits(bits)));
            }
        }
    }
}

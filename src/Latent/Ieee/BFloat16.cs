using System;
using System.Buffers;
using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Numerics;
using System.Text.Unicode;

namespace Latent.Ieee;

/// <summary>
/// bfloat16: 1 sign bit, 8 exponent bits (bias 127) and 7 fraction bits, the upper half of an IEEE 754 binary32 encoding.
/// Same exponent range as <see cref="float"/> (normal values from 2^−126, subnormals down to 2^−133, largest finite value
/// (2 − 2^−7)·2^127) with 8 bits of precision. Generic math uses it exactly as it uses <see cref="Half"/>.
/// </summary>
/// <remarks>
/// <para>
/// <b>Conversions into bfloat16</b> (from <see cref="float"/>, <see cref="double"/>, <see cref="Half"/>, the integer types,
/// <see cref="decimal"/> and <see cref="BigInteger"/>) round once, to nearest with ties to even, directly from the source
/// value: a <see cref="double"/> is rounded from its own bits, not through <see cref="float"/> (which would round twice).
/// Magnitudes of at least (2 − 2^−8)·2^127, the midpoint between <see cref="MaxValue"/> and 2^128, become ±∞ (IEEE 754
/// §4.3.1), subnormal results are produced exactly, zeros keep their sign, and a NaN stays a NaN of the same sign whose
/// fraction is the top 7 fraction bits of the source with the quiet bit forced. As for <see cref="Half"/>, the checked,
/// saturating and truncating generic conversions into this type agree: an out-of-range value becomes ±∞, never
/// <see cref="MaxValue"/> and never an exception. Conversions out of bfloat16 into <see cref="float"/> are exact
/// (<c>bits &lt;&lt; 16</c>), into <see cref="double"/> exact, and every other conversion out (integers, <see cref="Half"/>,
/// <see cref="decimal"/>) is the one of the same value held as a <see cref="float"/> (<see cref="decimal"/>: as a
/// <see cref="double"/>).
/// </para>
/// <para>
/// <b>Arithmetic is binary32 arithmetic rounded once.</b> Every operator and function widens its operands to
/// <see cref="float"/> (exact), computes the <see cref="float"/> operation and rounds that result once to bfloat16:
/// <c>(BFloat16)(float.Op((float)x, (float)y))</c>. For <c>+ − × ÷</c> and <see cref="Sqrt"/> the result is the correctly
/// rounded bfloat16 result. Binary32 has p′ = 24 ≥ 2p + 2 = 18 for bfloat16's p = 8, and rounding the correctly rounded
/// p′-bit result of these operations on p-bit operands once more to p bits gives the correctly rounded p-bit result
/// (S. A. Figueroa, "When is double rounding innocuous?", ACM SIGNUM Newsletter 30(3), 1995). Figueroa assumes
/// unbounded exponents. The two formats share their exponent range, so binary32 overflows (beyond
/// 2^128 − 2^103) only where bfloat16 overflows too, but in the subnormal range binary32 keeps fewer than 24 bits. The
/// argument therefore goes directly, for the exact result x of an operation on bfloat16 operands:
/// </para>
/// <list type="number">
/// <item><description>Every bfloat16 value and every midpoint μ between adjacent ones (including (2 − 2^−8)·2^127) has at
/// most 9 significant bits and is a multiple of 2^−134, so it is a binary32 value. Rounding being monotone, if x &lt; μ
/// then RN32(x) ≤ μ and RN32(x) ≥ the bfloat16 value below x; so the two roundings can differ from one only when
/// RN32(x) = μ ≠ x. Write μ = M·2^m with M odd, M &lt; 2^9 and m ≥ −134; binary32's ulp at μ is at most 2^(m−15)
/// (m − 15 ≥ −149 covers binary32's subnormals), so it suffices that x ≠ μ implies |x − μ| &gt; 2^(m−16).</description></item>
/// <item><description>Write the operands a = A·2^α and b = B·2^β with integers |A|, |B| &lt; 2^8 and α, β ≥ −133 their
/// bfloat16 ulps.</description></item>
/// <item><description><c>a ± b</c>: if |α − β| ≤ 15 the exact result is an integer of at most 24 bits times 2^min(α, β),
/// a binary32 value (or beyond binary32's overflow threshold, where bfloat16 overflows as well), so RN32(x) = x. Otherwise,
/// say α ≥ β + 16: then α ≥ −117, a is normal, |b| &lt; 2^(α−8), and every midpoint is at least 2^(α−2) from a (2^(α−1)
/// unless a is a power of two), so |x − μ| ≥ 2^(α−2) − 2^(α−8), while any midpoint that close has |μ| &lt; 2^(α+9) and
/// needs only |x − μ| &gt; 2^(α−16).</description></item>
/// <item><description><c>a × b</c> = (A·B)·2^(α+β) with |A·B| &lt; 2^16 is a binary32 value when α + β ≥ −149. Otherwise
/// |x| &lt; 2^(16+α+β) ≤ 2^−134, below the smallest positive midpoint, so RN32(x) is at most 2^−134 in magnitude and both
/// paths give the zero of x's sign (the tie at 2^−134 goes to the even neighbour, zero).</description></item>
/// <item><description><c>a ÷ b</c>: with t = min(α − β, m), x − μ = (A·2^(α−β) − M·B·2^m)/B is a nonzero multiple of
/// 2^t/|B|, so |x − μ| &gt; 2^(t−8). If t = m that exceeds 2^(m−16). If t = α − β &lt; m: |x| &lt; 2^(α−β+8), and
/// |x − μ| ≤ 2^(m−16) would force |x| &gt; 2^(m−1), hence α − β ≥ m − 8 and |x − μ| &gt; 2^(α−β−8) ≥ 2^(m−16).</description></item>
/// <item><description><c>√a</c> lies in [2^−67, 2^64], where neither format is subnormal or overflows, so Figueroa's
/// theorem applies as stated.</description></item>
/// <item><description>Zeros, infinities and NaN operands follow the same IEEE 754 rules in both formats, and a binary32
/// signed zero rounds to the bfloat16 zero of the same sign.</description></item>
/// </list>
/// <para>
/// The remainder <c>%</c> is exact in binary32 and representable in bfloat16 (at most |a| and less than |b| in magnitude,
/// and a multiple of the smaller of the two ulps, so it fits in 8 bits): the rounding does not change it.
/// <see cref="Ieee754Remainder"/> is binary32's, whose result is such a remainder too. <see cref="ScaleB"/> is exact or rounds once. <see cref="FusedMultiplyAdd"/> does not use the binary32 fused
/// multiply-add (whose rounding to 24 bits is not innocuous for <c>a·b + c</c>): it rounds the exact
/// <c>a·b + c</c> to binary64 with rounding to odd and then once to bfloat16, which is the correctly rounded result.
/// BFloat16Tests checks the operators on every pair of about 600 operands and <see cref="Sqrt"/> on every input against
/// binary64 arithmetic rounded once.
/// </para>
/// <para>
/// The other functions (<see cref="Exp"/>, <see cref="Log(BFloat16)"/>, <see cref="Sin"/>, <see cref="Pow"/>, …) are the
/// <see cref="float"/> function (<see cref="MathF"/>) rounded once to bfloat16. They inherit the accuracy of the binary32
/// function, which is not correctly rounded, so a result can differ by one bfloat16 ulp from the correctly rounded one when
/// the exact value is very close to a bfloat16 midpoint.
/// </para>
/// <para>
/// <b>Text.</b> <see cref="ToString()"/> and the formats <c>R</c> and <c>G</c> give the shortest decimal (fewest
/// significant digits) that parses back to the same value, the first of <c>G1</c>, <c>G2</c>, … of the value that does,
/// written in <see cref="float"/>'s notation; other formats are those of <see cref="float"/>. Parsing reads the text as a <see cref="double"/>
/// and rounds that once; because rounding is monotone the result can only be wrong when the <see cref="double"/> is itself a
/// bfloat16 midpoint, and that case is decided by comparing the decimal digits with the midpoint exactly.
/// </para>
/// </remarks>
public readonly struct BFloat16
    : IBinaryFloatingPointIeee754<BFloat16>,
      IMinMaxValue<BFloat16>,
      IEquatable<BFloat16>,
      IComparable<BFloat16>,
      IComparable,
      ISpanFormattable,
      IUtf8SpanFormattable,
      IParsable<BFloat16>,
      ISpanParsable<BFloat16>,
      IUtf8SpanParsable<BFloat16>
{
    private const ushort SignMask = 0x8000;
    private const ushort MagnitudeMask = 0x7FFF;
    private const ushort ExponentMask = 0x7F80;
    private const ushort QuietBit = 0x0040;
    private const ushort PositiveInfinityBits = 0x7F80;
    private const ushort NegativeInfinityBits = 0xFF80;
    private const ushort MaxValueBits = 0x7F7F;
    private const int ExponentBias = 127;
    private const int FractionBits = 7;

    /// <summary>The styles <see cref="Parse(string)"/> and its overloads without a style use, as <see cref="double"/> does.</summary>
    private const NumberStyles DefaultStyle = NumberStyles.Float | NumberStyles.AllowThousands;

    /// <summary>Characters of a formatted value that fit on the stack; longer ones (custom cultures) go through a string.</summary>
    private const int ScratchLength = 128;

    private readonly ushort _bits;

    private BFloat16(ushort bits) => _bits = bits;

    /// <summary>The value whose encoding is <paramref name="bits"/> (sign in bit 15, exponent in bits 14–7).</summary>
    public static BFloat16 FromBits(ushort bits) => new(bits);

    /// <summary>The encoding of this value: sign in bit 15, biased exponent in bits 14–7, fraction in bits 6–0.</summary>
    public ushort ToBits() => _bits;

    // ---------------------------------------------------------------------------------------------------------------
    // Constants
    // ---------------------------------------------------------------------------------------------------------------

    /// <inheritdoc/>
    public static BFloat16 Zero => new(0x0000);

    /// <summary>Negative zero, <c>0x8000</c>.</summary>
    public static BFloat16 NegativeZero => new(0x8000);

    /// <inheritdoc/>
    public static BFloat16 One => new(0x3F80);

    /// <inheritdoc/>
    public static BFloat16 NegativeOne => new(0xBF80);

    /// <summary>e rounded to bfloat16: 2.71875 (<c>0x402E</c>).</summary>
    public static BFloat16 E => new(0x402E);

    /// <summary>π rounded to bfloat16: 3.140625 (<c>0x4049</c>).</summary>
    public static BFloat16 Pi => new(0x4049);

    /// <summary>2π rounded to bfloat16: 6.28125 (<c>0x40C9</c>).</summary>
    public static BFloat16 Tau => new(0x40C9);

    /// <summary>The smallest positive value, the subnormal 2^−133 (<c>0x0001</c>), as <see cref="Half.Epsilon"/> is for binary16.</summary>
    public static BFloat16 Epsilon => new(0x0001);

    /// <summary>The largest finite value, (2 − 2^−7)·2^127 ≈ 3.39·10^38 (<c>0x7F7F</c>).</summary>
    public static BFloat16 MaxValue => new(MaxValueBits);

    /// <summary>The most negative finite value, −(2 − 2^−7)·2^127 (<c>0xFF7F</c>).</summary>
    public static BFloat16 MinValue => new(0xFF7F);

    /// <summary>The positive quiet NaN, <c>0x7FC0</c>.</summary>
    public static BFloat16 NaN => new(0x7FC0);

    /// <summary>Positive infinity, <c>0x7F80</c>.</summary>
    public static BFloat16 PositiveInfinity => new(PositiveInfinityBits);

    /// <summary>Negative infinity, <c>0xFF80</c>.</summary>
    public static BFloat16 NegativeInfinity => new(NegativeInfinityBits);

    /// <inheritdoc/>
    public static BFloat16 AdditiveIdentity => Zero;

    /// <inheritdoc/>
    public static BFloat16 MultiplicativeIdentity => One;

    /// <inheritdoc/>
    public static int Radix => 2;

    static BFloat16 IBinaryNumber<BFloat16>.AllBitsSet => new(0xFFFF);

    // ---------------------------------------------------------------------------------------------------------------
    // Rounding into bfloat16
    // ---------------------------------------------------------------------------------------------------------------

    /// <summary>
    /// The binary32 encoding <paramref name="bits"/> rounded to the nearest bfloat16 encoding, ties to even. The low 16
    /// bits are the part rounded off: adding <c>0x7FFF</c> plus the kept fraction's last bit carries into bit 16 exactly when
    /// that part is above one half, or exactly one half with an odd kept fraction. A carry out of the fraction increments
    /// the exponent, which is the next bfloat16 value up in magnitude (the encoding is ordered like the magnitudes), so the
    /// same addition rounds across binades, from subnormal to normal, and from <see cref="MaxValue"/> to infinity.
    /// </summary>
    private static ushort RoundSingleBits(uint bits)
    {
        if ((bits & 0x7FFF_FFFF) > 0x7F80_0000)
        {
            return (ushort)((bits >> 16) | QuietBit);
        }

        uint lastKept = (bits >> 16) & 1;
        return (ushort)((bits + 0x7FFF + lastKept) >> 16);
    }

    /// <summary>The binary64 encoding <paramref name="bits"/> rounded once to the nearest bfloat16 encoding, ties to even.</summary>
    private static ushort RoundDoubleBits(ulong bits)
    {
        ushort sign = (ushort)((bits >> 48) & SignMask);
        int biased = (int)((bits >> 52) & 0x7FF);
        ulong fraction = bits & 0x000F_FFFF_FFFF_FFFFUL;
        if (biased == 0x7FF)
        {
            return fraction == 0
                ? (ushort)(sign | PositiveInfinityBits)
                : (ushort)(sign | PositiveInfinityBits | QuietBit | (ushort)(fraction >> 45));
        }

        if (biased == 0)
        {
            // Zero, or a binary64 subnormal: below 2^−1022, far below 2^−134 (half the smallest bfloat16 subnormal).
            return sign;
        }

        return (ushort)(sign | RoundMagnitude(fraction | (1UL << 52), biased - 1075));
    }

    /// <summary>
    /// The bfloat16 magnitude encoding nearest to <paramref name="significand"/>·2^<paramref name="exponent"/> (ties to
    /// even), for a nonzero <paramref name="significand"/>. Bits far below the rounding position only matter as a sticky
    /// bit, so the significand is first reduced to at most 41 bits with the discarded bits ORed into its last bit.
    /// </summary>
    private static ushort RoundMagnitude(ulong significand, int exponent)
    {
        int top = 63 - BitOperations.LeadingZeroCount(significand);
        if (top > 40)
        {
            int drop = top - 40;
            ulong sticky = (significand & ((1UL << drop) - 1)) != 0 ? 1UL : 0UL;
            significand = (significand >> drop) | sticky;
            exponent += drop;
            top = 40;
        }

        int e = exponent + top;
        if (e > ExponentBias)
        {
            return PositiveInfinityBits;
        }

        // The bfloat16 ulp at the value is 2^quantum: 2^(e − 7) for normal values, 2^−133 for subnormal ones.
        int clamped = Math.Max(e, 1 - ExponentBias);
        int quantum = clamped - FractionBits;
        int shift = quantum - exponent;
        ulong n;
        if (shift <= 0)
        {
            n = significand << -shift;
        }
        else if (shift > top + 1)
        {
            return 0;
        }
        else
        {
            n = significand >> shift;
            ulong rest = significand & ((1UL << shift) - 1);
            ulong half = 1UL << (shift - 1);
            if (rest > half || (rest == half && (n & 1) != 0))
            {
                n++;
            }
        }

        // n counts ulps: 2^7 ≤ n ≤ 2^8 for a normal value (2^8 carries into the next binade, or to infinity), n ≤ 2^7 for
        // a subnormal one (2^7 is the smallest normal value). Adding n to the binade's base encoding covers every case.
        return (ushort)(((clamped + ExponentBias - 1) << FractionBits) + (int)n);
    }

    private static BFloat16 FromInteger(bool negative, ulong magnitude) =>
        magnitude == 0 ? Zero : new((ushort)((negative ? SignMask : 0) | RoundMagnitude(magnitude, 0)));

    private static BFloat16 FromInt64(long value) =>
        FromInteger(value < 0, value < 0 ? unchecked(0UL - (ulong)value) : (ulong)value);

    private static BFloat16 FromUInt128(bool negative, UInt128 magnitude)
    {
        if ((magnitude >> 64) == UInt128.Zero)
        {
            return FromInteger(negative, (ulong)magnitude);
        }

        int drop = 64 - (int)UInt128.LeadingZeroCount(magnitude);
        ulong sticky = (magnitude & ((UInt128.One << drop) - UInt128.One)) != UInt128.Zero ? 1UL : 0UL;
        ulong kept = (ulong)(magnitude >> drop) | sticky;
        return new((ushort)((negative ? SignMask : 0) | RoundMagnitude(kept, drop)));
    }

    private static BFloat16 FromInt128(Int128 value) =>
        Int128.IsNegative(value)
            ? FromUInt128(negative: true, unchecked(UInt128.Zero - (UInt128)value))
            : FromUInt128(negative: false, (UInt128)value);

    private static BFloat16 FromBigInteger(BigInteger value)
    {
        bool negative = value.Sign < 0;
        BigInteger magnitude = BigInteger.Abs(value);
        long length = magnitude.GetBitLength();
        if (length <= 64)
        {
            return FromInteger(negative, (ulong)magnitude);
        }

        if (length > 200)
        {
            return negative ? NegativeInfinity : PositiveInfinity;
        }

        int drop = (int)length - 64;
        ulong sticky = (magnitude & ((BigInteger.One << drop) - BigInteger.One)).IsZero ? 0UL : 1UL;
        ulong kept = (ulong)(magnitude >> drop) | sticky;
        return new((ushort)((negative ? SignMask : 0) | RoundMagnitude(kept, drop)));
    }

    /// <summary>
    /// The decimal rounded once: its coefficient, scaled up so that the quotient by the power of ten has at least 42 bits,
    /// is divided exactly, and a nonzero remainder becomes the sticky bit.
    /// </summary>
    private static BFloat16 FromDecimal(decimal value)
    {
        Span<int> parts = stackalloc int[4];
        decimal.GetBits(value, parts);
        bool negative = parts[3] < 0;
        int scale = (parts[3] >> 16) & 0xFF;
        BigInteger coefficient = ((UInt128)(uint)parts[2] << 64) | ((UInt128)(uint)parts[1] << 32) | (uint)parts[0];
        if (coefficient.IsZero)
        {
            return negative ? NegativeZero : Zero;
        }

        BigInteger divisor = BigInteger.Pow(10, scale);
        int up = Math.Max(0, (int)(divisor.GetBitLength() - coefficient.GetBitLength()) + 42);
        BigInteger quotient = BigInteger.DivRem(coefficient << up, divisor, out BigInteger remainder);
        int drop = Math.Max(0, (int)quotient.GetBitLength() - 62);
        bool inexact = !remainder.IsZero || !(quotient & ((BigInteger.One << drop) - BigInteger.One)).IsZero;
        ulong kept = (ulong)(quotient >> drop) | (inexact ? 1UL : 0UL);
        return new((ushort)((negative ? SignMask : 0) | RoundMagnitude(kept, drop - up)));
    }

    private static float Widen(BFloat16 value) => BitConverter.UInt32BitsToSingle((uint)value._bits << 16);

    private static BFloat16 Narrow(float value) => new(RoundSingleBits(BitConverter.SingleToUInt32Bits(value)));

    // ---------------------------------------------------------------------------------------------------------------
    // Conversions
    // ---------------------------------------------------------------------------------------------------------------

    /// <summary>Rounds <paramref name="value"/> once to the nearest bfloat16, ties to even (see the type's remarks).</summary>
    public static explicit operator BFloat16(float value) => Narrow(value);

    /// <summary>
    /// Rounds <paramref name="value"/> once to the nearest bfloat16, ties to even, directly from its binary64 bits (not
    /// through <see cref="float"/>, which would round twice).
    /// </summary>
    public static explicit operator BFloat16(double value) => new(RoundDoubleBits(BitConverter.DoubleToUInt64Bits(value)));

    /// <summary>Rounds <paramref name="value"/> once to the nearest bfloat16 (its <see cref="float"/> value is exact).</summary>
    public static explicit operator BFloat16(Half value) => Narrow((float)value);

    /// <summary>The same value as a <see cref="float"/>: exact, the encoding shifted left by 16 bits.</summary>
    public static explicit operator float(BFloat16 value) => Widen(value);

    /// <summary>The same value as a <see cref="double"/>: exact (a NaN stays a NaN).</summary>
    public static explicit operator double(BFloat16 value) => Widen(value);

    /// <summary>The value rounded once to the nearest <see cref="Half"/>, ties to even.</summary>
    public static explicit operator Half(BFloat16 value) => (Half)Widen(value);

    private static bool TryConvertFrom<TOther>(TOther value, out BFloat16 result)
        where TOther : INumberBase<TOther>
    {
        if (typeof(TOther) == typeof(double))
        {
            result = (BFloat16)(double)(object)value;
        }
        else if (typeof(TOther) == typeof(float))
        {
            result = (BFloat16)(float)(object)value;
        }
        else if (typeof(TOther) == typeof(Half))
        {
            result = (BFloat16)(Half)(object)value;
        }
        else if (typeof(TOther) == typeof(decimal))
        {
            result = FromDecimal((decimal)(object)value);
        }
        else if (typeof(TOther) == typeof(sbyte))
        {
            result = FromInt64((sbyte)(object)value);
        }
        else if (typeof(TOther) == typeof(short))
        {
            result = FromInt64((short)(object)value);
        }
        else if (typeof(TOther) == typeof(int))
        {
            result = FromInt64((int)(object)value);
        }
        else if (typeof(TOther) == typeof(long))
        {
            result = FromInt64((long)(object)value);
        }
        else if (typeof(TOther) == typeof(nint))
        {
            result = FromInt64((nint)(object)value);
        }
        else if (typeof(TOther) == typeof(Int128))
        {
            result = FromInt128((Int128)(object)value);
        }
        else if (typeof(TOther) == typeof(byte))
        {
            result = FromInteger(false, (byte)(object)value);
        }
        else if (typeof(TOther) == typeof(char))
        {
            result = FromInteger(false, (char)(object)value);
        }
        else if (typeof(TOther) == typeof(ushort))
        {
            result = FromInteger(false, (ushort)(object)value);
        }
        else if (typeof(TOther) == typeof(uint))
        {
            result = FromInteger(false, (uint)(object)value);
        }
        else if (typeof(TOther) == typeof(ulong))
        {
            result = FromInteger(false, (ulong)(object)value);
        }
        else if (typeof(TOther) == typeof(nuint))
        {
            result = FromInteger(false, (nuint)(object)value);
        }
        else if (typeof(TOther) == typeof(UInt128))
        {
            result = FromUInt128(false, (UInt128)(object)value);
        }
        else if (typeof(TOther) == typeof(BigInteger))
        {
            result = FromBigInteger((BigInteger)(object)value);
        }
        else
        {
            result = default;
            return false;
        }

        return true;
    }

    /// <summary>The types that can take a bfloat16 as the <see cref="float"/> (or, for <see cref="decimal"/>, <see cref="double"/>) of the same value.</summary>
    private static bool IsConversionTarget<TOther>() =>
        typeof(TOther) == typeof(double) || typeof(TOther) == typeof(float) || typeof(TOther) == typeof(Half)
        || typeof(TOther) == typeof(decimal) || typeof(TOther) == typeof(sbyte) || typeof(TOther) == typeof(short)
        || typeof(TOther) == typeof(int) || typeof(TOther) == typeof(long) || typeof(TOther) == typeof(nint)
        || typeof(TOther) == typeof(Int128) || typeof(TOther) == typeof(byte) || typeof(TOther) == typeof(char)
        || typeof(TOther) == typeof(ushort) || typeof(TOther) == typeof(uint) || typeof(TOther) == typeof(ulong)
        || typeof(TOther) == typeof(nuint) || typeof(TOther) == typeof(UInt128) || typeof(TOther) == typeof(BigInteger);

    /// <summary>
    /// <paramref name="value"/> as a bfloat16, rounded once (see the type's remarks); out-of-range values become ±∞, as for
    /// <see cref="Half.CreateChecked{TOther}(TOther)"/>.
    /// </summary>
    /// <exception cref="NotSupportedException">Neither type knows how to convert to the other.</exception>
    public static BFloat16 CreateChecked<TOther>(TOther value)
        where TOther : INumberBase<TOther>
    {
        if (typeof(TOther) == typeof(BFloat16))
        {
            return (BFloat16)(object)value;
        }

        if (!TryConvertFrom(value, out BFloat16 result) && !TOther.TryConvertToChecked(value, out result))
        {
            throw new NotSupportedException($"No conversion from {typeof(TOther).Name} to BFloat16.");
        }

        return result;
    }

    /// <summary>
    /// <paramref name="value"/> as a bfloat16, rounded once; out-of-range values become ±∞, as for
    /// <see cref="Half.CreateSaturating{TOther}(TOther)"/> (a floating-point target's saturation is its infinity).
    /// </summary>
    /// <exception cref="NotSupportedException">Neither type knows how to convert to the other.</exception>
    public static BFloat16 CreateSaturating<TOther>(TOther value)
        where TOther : INumberBase<TOther>
    {
        if (typeof(TOther) == typeof(BFloat16))
        {
            return (BFloat16)(object)value;
        }

        if (!TryConvertFrom(value, out BFloat16 result) && !TOther.TryConvertToSaturating(value, out result))
        {
            throw new NotSupportedException($"No conversion from {typeof(TOther).Name} to BFloat16.");
        }

        return result;
    }

    /// <summary>
    /// <paramref name="value"/> as a bfloat16, rounded once; out-of-range values become ±∞, as for
    /// <see cref="Half.CreateTruncating{TOther}(TOther)"/>.
    /// </summary>
    /// <exception cref="NotSupportedException">Neither type knows how to convert to the other.</exception>
    public static BFloat16 CreateTruncating<TOther>(TOther value)
        where TOther : INumberBase<TOther>
    {
        if (typeof(TOther) == typeof(BFloat16))
        {
            return (BFloat16)(object)value;
        }

        if (!TryConvertFrom(value, out BFloat16 result) && !TOther.TryConvertToTruncating(value, out result))
        {
            throw new NotSupportedException($"No conversion from {typeof(TOther).Name} to BFloat16.");
        }

        return result;
    }

    static bool INumberBase<BFloat16>.TryConvertFromChecked<TOther>(TOther value, out BFloat16 result) =>
        TryConvertFrom(value, out result);

    static bool INumberBase<BFloat16>.TryConvertFromSaturating<TOther>(TOther value, out BFloat16 result) =>
        TryConvertFrom(value, out result);

    static bool INumberBase<BFloat16>.TryConvertFromTruncating<TOther>(TOther value, out BFloat16 result) =>
        TryConvertFrom(value, out result);

    static bool INumberBase<BFloat16>.TryConvertToChecked<TOther>(BFloat16 value, [MaybeNullWhen(false)] out TOther result)
    {
        if (!IsConversionTarget<TOther>())
        {
            result = default;
            return false;
        }

        result = typeof(TOther) == typeof(decimal) ? TOther.CreateChecked((double)value) : TOther.CreateChecked(Widen(value));
        return true;
    }

    static bool INumberBase<BFloat16>.TryConvertToSaturating<TOther>(BFloat16 value, [MaybeNullWhen(false)] out TOther result)
    {
        if (!IsConversionTarget<TOther>())
        {
            result = default;
            return false;
        }

        result = typeof(TOther) == typeof(decimal) ? TOther.CreateSaturating((double)value) : TOther.CreateSaturating(Widen(value));
        return true;
    }

    static bool INumberBase<BFloat16>.TryConvertToTruncating<TOther>(BFloat16 value, [MaybeNullWhen(false)] out TOther result)
    {
        if (!IsConversionTarget<TOther>())
        {
            result = default;
            return false;
        }

        result = typeof(TOther) == typeof(decimal) ? TOther.CreateTruncating((double)value) : TOther.CreateTruncating(Widen(value));
        return true;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Operators
    // ---------------------------------------------------------------------------------------------------------------

    /// <summary>The correctly rounded sum (binary32 sum rounded once; see the type's remarks).</summary>
    public static BFloat16 operator +(BFloat16 left, BFloat16 right) => Narrow(Widen(left) + Widen(right));

    /// <summary>The correctly rounded difference (binary32 difference rounded once; see the type's remarks).</summary>
    public static BFloat16 operator -(BFloat16 left, BFloat16 right) => Narrow(Widen(left) - Widen(right));

    /// <summary>The correctly rounded product (binary32 product rounded once; see the type's remarks).</summary>
    public static BFloat16 operator *(BFloat16 left, BFloat16 right) => Narrow(Widen(left) * Widen(right));

    /// <summary>The correctly rounded quotient (binary32 quotient rounded once; see the type's remarks).</summary>
    public static BFloat16 operator /(BFloat16 left, BFloat16 right) => Narrow(Widen(left) / Widen(right));

    /// <summary>The truncated remainder, as <see cref="float"/>'s <c>%</c>; exact (see the type's remarks).</summary>
    public static BFloat16 operator %(BFloat16 left, BFloat16 right) => Narrow(Widen(left) % Widen(right));

    /// <summary>The value with its sign bit flipped (a NaN included).</summary>
    public static BFloat16 operator -(BFloat16 value) => new((ushort)(value._bits ^ SignMask));

    /// <inheritdoc/>
    public static BFloat16 operator +(BFloat16 value) => value;

    /// <inheritdoc/>
    public static BFloat16 operator ++(BFloat16 value) => value + One;

    /// <inheritdoc/>
    public static BFloat16 operator --(BFloat16 value) => value - One;

    /// <summary>IEEE equality: NaN equals nothing, −0 equals +0.</summary>
    public static bool operator ==(BFloat16 left, BFloat16 right) => Widen(left) == Widen(right);

    /// <summary>IEEE inequality: true when either operand is NaN.</summary>
    public static bool operator !=(BFloat16 left, BFloat16 right) => Widen(left) != Widen(right);

    /// <inheritdoc/>
    public static bool operator <(BFloat16 left, BFloat16 right) => Widen(left) < Widen(right);

    /// <inheritdoc/>
    public static bool operator >(BFloat16 left, BFloat16 right) => Widen(left) > Widen(right);

    /// <inheritdoc/>
    public static bool operator <=(BFloat16 left, BFloat16 right) => Widen(left) <= Widen(right);

    /// <inheritdoc/>
    public static bool operator >=(BFloat16 left, BFloat16 right) => Widen(left) >= Widen(right);

    static BFloat16 IBitwiseOperators<BFloat16, BFloat16, BFloat16>.operator &(BFloat16 left, BFloat16 right) =>
        new((ushort)(left._bits & right._bits));

    static BFloat16 IBitwiseOperators<BFloat16, BFloat16, BFloat16>.operator |(BFloat16 left, BFloat16 right) =>
        new((ushort)(left._bits | right._bits));

    static BFloat16 IBitwiseOperators<BFloat16, BFloat16, BFloat16>.operator ^(BFloat16 left, BFloat16 right) =>
        new((ushort)(left._bits ^ right._bits));

    static BFloat16 IBitwiseOperators<BFloat16, BFloat16, BFloat16>.operator ~(BFloat16 value) => new((ushort)~value._bits);

    // ---------------------------------------------------------------------------------------------------------------
    // Classification (from the bits)
    // ---------------------------------------------------------------------------------------------------------------

    /// <inheritdoc/>
    public static bool IsNaN(BFloat16 value) => (value._bits & MagnitudeMask) > PositiveInfinityBits;

    /// <inheritdoc/>
    public static bool IsInfinity(BFloat16 value) => (value._bits & MagnitudeMask) == PositiveInfinityBits;

    /// <inheritdoc/>
    public static bool IsPositiveInfinity(BFloat16 value) => value._bits == PositiveInfinityBits;

    /// <inheritdoc/>
    public static bool IsNegativeInfinity(BFloat16 value) => value._bits == NegativeInfinityBits;

    /// <inheritdoc/>
    public static bool IsFinite(BFloat16 value) => (value._bits & MagnitudeMask) < PositiveInfinityBits;

    /// <inheritdoc/>
    public static bool IsNormal(BFloat16 value)
    {
        int exponent = value._bits & ExponentMask;
        return exponent != 0 && exponent != ExponentMask;
    }

    /// <inheritdoc/>
    public static bool IsSubnormal(BFloat16 value) => (value._bits & ExponentMask) == 0 && (value._bits & 0x007F) != 0;

    /// <inheritdoc/>
    public static bool IsZero(BFloat16 value) => (value._bits & MagnitudeMask) == 0;

    /// <summary>Whether the sign bit is set (a NaN included, as for <see cref="float"/>).</summary>
    public static bool IsNegative(BFloat16 value) => (value._bits & SignMask) != 0;

    /// <summary>Whether the sign bit is clear (a NaN included, as for <see cref="float"/>).</summary>
    public static bool IsPositive(BFloat16 value) => (value._bits & SignMask) == 0;

    /// <inheritdoc/>
    public static bool IsRealNumber(BFloat16 value) => !IsNaN(value);

    /// <inheritdoc/>
    public static bool IsInteger(BFloat16 value) => float.IsInteger(Widen(value));

    /// <inheritdoc/>
    public static bool IsEvenInteger(BFloat16 value) => float.IsEvenInteger(Widen(value));

    /// <inheritdoc/>
    public static bool IsOddInteger(BFloat16 value) => float.IsOddInteger(Widen(value));

    /// <inheritdoc/>
    public static bool IsPow2(BFloat16 value) => float.IsPow2(Widen(value));

    static bool INumberBase<BFloat16>.IsCanonical(BFloat16 value) => true;

    static bool INumberBase<BFloat16>.IsComplexNumber(BFloat16 value) => false;

    static bool INumberBase<BFloat16>.IsImaginaryNumber(BFloat16 value) => false;

    // ---------------------------------------------------------------------------------------------------------------
    // Sign, magnitude, neighbours
    // ---------------------------------------------------------------------------------------------------------------

    /// <summary>The value with its sign bit cleared (a NaN included).</summary>
    public static BFloat16 Abs(BFloat16 value) => new((ushort)(value._bits & MagnitudeMask));

    /// <summary>The magnitude of <paramref name="value"/> with the sign bit of <paramref name="sign"/>.</summary>
    public static BFloat16 CopySign(BFloat16 value, BFloat16 sign) =>
        new((ushort)((value._bits & MagnitudeMask) | (sign._bits & SignMask)));

    /// <inheritdoc/>
    public static int Sign(BFloat16 value) => float.Sign(Widen(value));

    /// <summary>
    /// The next value up, as <see cref="Half.BitIncrement"/>: ±0 → <see cref="Epsilon"/>, −<see cref="Epsilon"/> → −0,
    /// <see cref="MaxValue"/> → +∞, −∞ → <see cref="MinValue"/>; +∞ and NaN unchanged.
    /// </summary>
    public static BFloat16 BitIncrement(BFloat16 x)
    {
        ushort bits = x._bits;
        if ((bits & MagnitudeMask) >= PositiveInfinityBits)
        {
            return bits == NegativeInfinityBits ? MinValue : x;
        }

        if (bits == SignMask)
        {
            return Epsilon;
        }

        return new((ushort)((bits & SignMask) != 0 ? bits - 1 : bits + 1));
    }

    /// <summary>
    /// The next value down, as <see cref="Half.BitDecrement"/>: ±0 → −<see cref="Epsilon"/>, <see cref="Epsilon"/> → +0,
    /// <see cref="MinValue"/> → −∞, +∞ → <see cref="MaxValue"/>; −∞ and NaN unchanged.
    /// </summary>
    public static BFloat16 BitDecrement(BFloat16 x)
    {
        ushort bits = x._bits;
        if ((bits & MagnitudeMask) >= PositiveInfinityBits)
        {
            return bits == PositiveInfinityBits ? MaxValue : x;
        }

        if (bits == 0)
        {
            return new(0x8001);
        }

        return new((ushort)((bits & SignMask) != 0 ? bits + 1 : bits - 1));
    }

    /// <inheritdoc/>
    public static BFloat16 Max(BFloat16 x, BFloat16 y) => Narrow(float.Max(Widen(x), Widen(y)));

    /// <inheritdoc/>
    public static BFloat16 Min(BFloat16 x, BFloat16 y) => Narrow(float.Min(Widen(x), Widen(y)));

    /// <inheritdoc/>
    public static BFloat16 MaxNumber(BFloat16 x, BFloat16 y) => Narrow(float.MaxNumber(Widen(x), Widen(y)));

    /// <inheritdoc/>
    public static BFloat16 MinNumber(BFloat16 x, BFloat16 y) => Narrow(float.MinNumber(Widen(x), Widen(y)));

    /// <inheritdoc/>
    public static BFloat16 MaxMagnitude(BFloat16 x, BFloat16 y) => Narrow(float.MaxMagnitude(Widen(x), Widen(y)));

    /// <inheritdoc/>
    public static BFloat16 MinMagnitude(BFloat16 x, BFloat16 y) => Narrow(float.MinMagnitude(Widen(x), Widen(y)));

    /// <inheritdoc/>
    public static BFloat16 MaxMagnitudeNumber(BFloat16 x, BFloat16 y) => Narrow(float.MaxMagnitudeNumber(Widen(x), Widen(y)));

    /// <inheritdoc/>
    public static BFloat16 MinMagnitudeNumber(BFloat16 x, BFloat16 y) => Narrow(float.MinMagnitudeNumber(Widen(x), Widen(y)));

    /// <inheritdoc/>
    public static BFloat16 Clamp(BFloat16 value, BFloat16 min, BFloat16 max) =>
        Narrow(float.Clamp(Widen(value), Widen(min), Widen(max)));

    // ---------------------------------------------------------------------------------------------------------------
    // IFloatingPoint
    // ---------------------------------------------------------------------------------------------------------------

    /// <inheritdoc/>
    public static BFloat16 Ceiling(BFloat16 x) => Narrow(float.Ceiling(Widen(x)));

    /// <inheritdoc/>
    public static BFloat16 Floor(BFloat16 x) => Narrow(float.Floor(Widen(x)));

    /// <inheritdoc/>
    public static BFloat16 Truncate(BFloat16 x) => Narrow(float.Truncate(Widen(x)));

    /// <inheritdoc/>
    public static BFloat16 Round(BFloat16 x) => Narrow(float.Round(Widen(x)));

    /// <summary>The binary32 <see cref="float.Round(float, int)"/> of the value, rounded once to bfloat16.</summary>
    public static BFloat16 Round(BFloat16 x, int digits) => Narrow(float.Round(Widen(x), digits));

    /// <inheritdoc/>
    public static BFloat16 Round(BFloat16 x, MidpointRounding mode) => Narrow(float.Round(Widen(x), mode));

    /// <summary>The binary32 <see cref="float.Round(float, int, MidpointRounding)"/> of the value, rounded once to bfloat16.</summary>
    public static BFloat16 Round(BFloat16 x, int digits, MidpointRounding mode) => Narrow(float.Round(Widen(x), digits, mode));

    /// <summary>The unbiased exponent as <see cref="float"/> reports it: biased exponent − 127 (−127 for zeros and subnormals).</summary>
    private sbyte Exponent => unchecked((sbyte)(((_bits & ExponentMask) >> FractionBits) - ExponentBias));

    /// <summary>The 8-bit significand: the fraction with the hidden bit when the biased exponent is nonzero.</summary>
    private byte Significand => (byte)((_bits & 0x007F) | ((_bits & ExponentMask) != 0 ? 0x80 : 0));

    int IFloatingPoint<BFloat16>.GetExponentByteCount() => sizeof(sbyte);

    int IFloatingPoint<BFloat16>.GetExponentShortestBitLength()
    {
        sbyte exponent = Exponent;
        return exponent >= 0
            ? (sizeof(sbyte) * 8) - sbyte.LeadingZeroCount(exponent)
            : (sizeof(sbyte) * 8) + 1 - sbyte.LeadingZeroCount((sbyte)~exponent);
    }

    int IFloatingPoint<BFloat16>.GetSignificandByteCount() => sizeof(byte);

    int IFloatingPoint<BFloat16>.GetSignificandBitLength() => 8;

    bool IFloatingPoint<BFloat16>.TryWriteExponentBigEndian(Span<byte> destination, out int bytesWritten) =>
        TryWriteByte(destination, unchecked((byte)Exponent), out bytesWritten);

    bool IFloatingPoint<BFloat16>.TryWriteExponentLittleEndian(Span<byte> destination, out int bytesWritten) =>
        TryWriteByte(destination, unchecked((byte)Exponent), out bytesWritten);

    bool IFloatingPoint<BFloat16>.TryWriteSignificandBigEndian(Span<byte> destination, out int bytesWritten) =>
        TryWriteByte(destination, Significand, out bytesWritten);

    bool IFloatingPoint<BFloat16>.TryWriteSignificandLittleEndian(Span<byte> destination, out int bytesWritten) =>
        TryWriteByte(destination, Significand, out bytesWritten);

    private static bool TryWriteByte(Span<byte> destination, byte value, out int bytesWritten)
    {
        if (destination.IsEmpty)
        {
            bytesWritten = 0;
            return false;
        }

        destination[0] = value;
        bytesWritten = 1;
        return true;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // IFloatingPointIeee754
    // ---------------------------------------------------------------------------------------------------------------

    /// <summary>
    /// The correctly rounded <c>left·right + addend</c>. The product of two bfloat16 values is exact in binary64 (16 bits,
    /// exponents within binary64's normal range); the sum is rounded to binary64 with rounding to odd (the TwoSum error
    /// says whether it was exact), and that 53-bit odd rounding, rounded once to bfloat16, is the correct rounding of the
    /// exact sum because 53 ≥ 8 + 2 (S. Boldo and G. Melquiond, "Emulation of FMA and correctly rounded sums: proved
    /// algorithms using rounding to odd", IEEE Trans. Computers 57(4), 2008).
    /// </summary>
    public static BFloat16 FusedMultiplyAdd(BFloat16 left, BFloat16 right, BFloat16 addend)
    {
        double product = (double)left * (double)right;
        double c = (double)addend;
        double sum = product + c;
        if (double.IsFinite(sum) && sum != 0)
        {
            double productPart = sum - c;
            double addendPart = sum - productPart;
            double error = (product - productPart) + (c - addendPart);
            ulong bits = BitConverter.DoubleToUInt64Bits(sum);
            if (error != 0 && (bits & 1) == 0)
            {
                sum = BitConverter.UInt64BitsToDouble((error > 0) == (sum > 0) ? bits + 1 : bits - 1);
            }
        }

        return (BFloat16)sum;
    }

    /// <summary>The same as <see cref="FusedMultiplyAdd"/>: the correctly rounded <c>left·right + addend</c>.</summary>
    public static BFloat16 MultiplyAddEstimate(BFloat16 left, BFloat16 right, BFloat16 addend) =>
        FusedMultiplyAdd(left, right, addend);

    /// <summary>The IEEE 754 remainder (binary32's, exact; see the type's remarks).</summary>
    public static BFloat16 Ieee754Remainder(BFloat16 left, BFloat16 right) =>
        Narrow(float.Ieee754Remainder(Widen(left), Widen(right)));

    /// <inheritdoc/>
    public static int ILogB(BFloat16 x) => float.ILogB(Widen(x));

    /// <summary><paramref name="x"/>·2^<paramref name="n"/>, exact or rounded once (binary32 is exact wherever bfloat16 keeps bits).</summary>
    public static BFloat16 ScaleB(BFloat16 x, int n) => Narrow(float.ScaleB(Widen(x), n));

    /// <summary>The binary32 <see cref="float.Lerp"/> of the values, rounded once.</summary>
    public static BFloat16 Lerp(BFloat16 value1, BFloat16 value2, BFloat16 amount) =>
        Narrow(float.Lerp(Widen(value1), Widen(value2), Widen(amount)));

    /// <summary>The correctly rounded 1/x (binary32 quotient rounded once).</summary>
    public static BFloat16 ReciprocalEstimate(BFloat16 x) => Narrow(1.0f / Widen(x));

    /// <summary>The binary32 1/√x rounded once.</summary>
    public static BFloat16 ReciprocalSqrtEstimate(BFloat16 x) => Narrow(1.0f / MathF.Sqrt(Widen(x)));

    /// <inheritdoc/>
    public static BFloat16 Atan2(BFloat16 y, BFloat16 x) => Narrow(MathF.Atan2(Widen(y), Widen(x)));

    /// <inheritdoc/>
    public static BFloat16 Atan2Pi(BFloat16 y, BFloat16 x) => Narrow(float.Atan2Pi(Widen(y), Widen(x)));

    // ---------------------------------------------------------------------------------------------------------------
    // Functions: the binary32 function rounded once
    // ---------------------------------------------------------------------------------------------------------------

    /// <summary>
    /// e^x as <see cref="MathF.Exp"/> of the value rounded once to bfloat16. This is what PyTorch's CPU and CUDA bfloat16
    /// kernels do: they compute in <see cref="float"/> and round the result once (results can differ where their binary32
    /// <c>expf</c> differs from .NET's).
    /// </summary>
    public static BFloat16 Exp(BFloat16 x) => Narrow(MathF.Exp(Widen(x)));

    /// <inheritdoc/>
    public static BFloat16 ExpM1(BFloat16 x) => Narrow(float.ExpM1(Widen(x)));

    /// <inheritdoc/>
    public static BFloat16 Exp2(BFloat16 x) => Narrow(float.Exp2(Widen(x)));

    /// <inheritdoc/>
    public static BFloat16 Exp2M1(BFloat16 x) => Narrow(float.Exp2M1(Widen(x)));

    /// <inheritdoc/>
    public static BFloat16 Exp10(BFloat16 x) => Narrow(float.Exp10(Widen(x)));

    /// <inheritdoc/>
    public static BFloat16 Exp10M1(BFloat16 x) => Narrow(float.Exp10M1(Widen(x)));

    /// <summary>The natural logarithm as <see cref="MathF.Log(float)"/> of the value rounded once to bfloat16.</summary>
    public static BFloat16 Log(BFloat16 x) => Narrow(MathF.Log(Widen(x)));

    /// <inheritdoc/>
    public static BFloat16 Log(BFloat16 x, BFloat16 newBase) => Narrow(MathF.Log(Widen(x), Widen(newBase)));

    /// <inheritdoc/>
    public static BFloat16 LogP1(BFloat16 x) => Narrow(float.LogP1(Widen(x)));

    /// <inheritdoc/>
    public static BFloat16 Log2(BFloat16 value) => Narrow(MathF.Log2(Widen(value)));

    /// <inheritdoc/>
    public static BFloat16 Log2P1(BFloat16 x) => Narrow(float.Log2P1(Widen(x)));

    /// <inheritdoc/>
    public static BFloat16 Log10(BFloat16 x) => Narrow(MathF.Log10(Widen(x)));

    /// <inheritdoc/>
    public static BFloat16 Log10P1(BFloat16 x) => Narrow(float.Log10P1(Widen(x)));

    /// <inheritdoc/>
    public static BFloat16 Pow(BFloat16 x, BFloat16 y) => Narrow(MathF.Pow(Widen(x), Widen(y)));

    /// <summary>The correctly rounded square root (binary32 root rounded once; see the type's remarks).</summary>
    public static BFloat16 Sqrt(BFloat16 x) => Narrow(MathF.Sqrt(Widen(x)));

    /// <inheritdoc/>
    public static BFloat16 Cbrt(BFloat16 x) => Narrow(MathF.Cbrt(Widen(x)));

    /// <inheritdoc/>
    public static BFloat16 Hypot(BFloat16 x, BFloat16 y) => Narrow(float.Hypot(Widen(x), Widen(y)));

    /// <inheritdoc/>
    public static BFloat16 RootN(BFloat16 x, int n) => Narrow(float.RootN(Widen(x), n));

    /// <inheritdoc/>
    public static BFloat16 Acosh(BFloat16 x) => Narrow(MathF.Acosh(Widen(x)));

    /// <inheritdoc/>
    public static BFloat16 Asinh(BFloat16 x) => Narrow(MathF.Asinh(Widen(x)));

    /// <inheritdoc/>
    public static BFloat16 Atanh(BFloat16 x) => Narrow(MathF.Atanh(Widen(x)));

    /// <inheritdoc/>
    public static BFloat16 Cosh(BFloat16 x) => Narrow(MathF.Cosh(Widen(x)));

    /// <inheritdoc/>
    public static BFloat16 Sinh(BFloat16 x) => Narrow(MathF.Sinh(Widen(x)));

    /// <inheritdoc/>
    public static BFloat16 Tanh(BFloat16 x) => Narrow(MathF.Tanh(Widen(x)));

    /// <inheritdoc/>
    public static BFloat16 Acos(BFloat16 x) => Narrow(MathF.Acos(Widen(x)));

    /// <inheritdoc/>
    public static BFloat16 AcosPi(BFloat16 x) => Narrow(float.AcosPi(Widen(x)));

    /// <inheritdoc/>
    public static BFloat16 Asin(BFloat16 x) => Narrow(MathF.Asin(Widen(x)));

    /// <inheritdoc/>
    public static BFloat16 AsinPi(BFloat16 x) => Narrow(float.AsinPi(Widen(x)));

    /// <inheritdoc/>
    public static BFloat16 Atan(BFloat16 x) => Narrow(MathF.Atan(Widen(x)));

    /// <inheritdoc/>
    public static BFloat16 AtanPi(BFloat16 x) => Narrow(float.AtanPi(Widen(x)));

    /// <inheritdoc/>
    public static BFloat16 Cos(BFloat16 x) => Narrow(MathF.Cos(Widen(x)));

    /// <inheritdoc/>
    public static BFloat16 CosPi(BFloat16 x) => Narrow(float.CosPi(Widen(x)));

    /// <inheritdoc/>
    public static BFloat16 Sin(BFloat16 x) => Narrow(MathF.Sin(Widen(x)));

    /// <inheritdoc/>
    public static BFloat16 SinPi(BFloat16 x) => Narrow(float.SinPi(Widen(x)));

    /// <inheritdoc/>
    public static BFloat16 Tan(BFloat16 x) => Narrow(MathF.Tan(Widen(x)));

    /// <inheritdoc/>
    public static BFloat16 TanPi(BFloat16 x) => Narrow(float.TanPi(Widen(x)));

    /// <inheritdoc/>
    public static (BFloat16 Sin, BFloat16 Cos) SinCos(BFloat16 x)
    {
        (float sin, float cos) = MathF.SinCos(Widen(x));
        return (Narrow(sin), Narrow(cos));
    }

    /// <inheritdoc/>
    public static (BFloat16 SinPi, BFloat16 CosPi) SinCosPi(BFloat16 x)
    {
        (float sin, float cos) = float.SinCosPi(Widen(x));
        return (Narrow(sin), Narrow(cos));
    }

    /// <inheritdoc/>
    public static BFloat16 DegreesToRadians(BFloat16 degrees) => Narrow(float.DegreesToRadians(Widen(degrees)));

    /// <inheritdoc/>
    public static BFloat16 RadiansToDegrees(BFloat16 radians) => Narrow(float.RadiansToDegrees(Widen(radians)));

    // ---------------------------------------------------------------------------------------------------------------
    // Equality and order
    // ---------------------------------------------------------------------------------------------------------------

    /// <summary>
    /// As <see cref="Half.Equals(Half)"/>: equal values, or both NaN (so NaN equals NaN here, unlike <c>==</c>); −0 equals +0.
    /// </summary>
    public bool Equals(BFloat16 other) => Widen(this).Equals(Widen(other));

    /// <inheritdoc/>
    public override bool Equals([NotNullWhen(true)] object? obj) => obj is BFloat16 other && Equals(other);

    /// <summary>A hash equal for values that <see cref="Equals(BFloat16)"/> calls equal (every NaN alike, ±0 alike).</summary>
    public override int GetHashCode() => Widen(this).GetHashCode();

    /// <summary>As <see cref="Half.CompareTo(Half)"/>: NaN orders below every other value and equal to NaN; −0 equals +0.</summary>
    public int CompareTo(BFloat16 other) => Widen(this).CompareTo(Widen(other));

    /// <summary>As <see cref="Half.CompareTo(object)"/>: <see langword="null"/> orders first; another type is an error.</summary>
    /// <exception cref="ArgumentException"><paramref name="obj"/> is not a <see cref="BFloat16"/>.</exception>
    public int CompareTo(object? obj)
    {
        if (obj is BFloat16 other)
        {
            return CompareTo(other);
        }

        return obj is null ? 1 : throw new ArgumentException("Object must be of type BFloat16.", nameof(obj));
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Formatting
    // ---------------------------------------------------------------------------------------------------------------

    /// <summary>The shortest round-trip decimal in the current culture (see the type's remarks).</summary>
    public override string ToString() => ToString(null, null);

    /// <summary>The value formatted with <paramref name="format"/> in the current culture.</summary>
    public string ToString(string? format) => ToString(format, null);

    /// <summary>The shortest round-trip decimal in the culture of <paramref name="provider"/>.</summary>
    public string ToString(IFormatProvider? provider) => ToString(null, provider);

    /// <summary>
    /// The value formatted: <see langword="null"/>, empty, <c>R</c>, <c>G</c> (or <c>G0</c>) give the shortest decimal
    /// that parses back to the same bfloat16 (<c>r</c>, <c>g</c> with a lower-case exponent mark); any other format is
    /// <see cref="float"/>'s for the same value.
    /// </summary>
    public string ToString(string? format, IFormatProvider? formatProvider)
    {
        float widened = Widen(this);
        if (IsShortestFormat(format, out bool lowerCase) && float.IsFinite(widened))
        {
            return ShortestDecimal(formatProvider).ToString(lowerCase ? "r" : "R", formatProvider);
        }

        return widened.ToString(format, formatProvider);
    }

    /// <inheritdoc cref="ToString(string, IFormatProvider)"/>
    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider)
    {
        float widened = Widen(this);
        if (IsShortestFormat(format, out bool lowerCase) && float.IsFinite(widened))
        {
            return ShortestDecimal(provider).TryFormat(destination, out charsWritten, lowerCase ? "r" : "R", provider);
        }

        return widened.TryFormat(destination, out charsWritten, format, provider);
    }

    /// <inheritdoc cref="ToString(string, IFormatProvider)"/>
    public bool TryFormat(Span<byte> utf8Destination, out int bytesWritten, ReadOnlySpan<char> format, IFormatProvider? provider)
    {
        Span<char> scratch = stackalloc char[ScratchLength];
        ReadOnlySpan<char> text = TryFormat(scratch, out int written, format, provider)
            ? scratch[..written]
            : ToString(format.ToString(), provider);
        if (Utf8.FromUtf16(text, utf8Destination, out _, out bytesWritten) != OperationStatus.Done)
        {
            bytesWritten = 0;
            return false;
        }

        return true;
    }

    private static bool IsShortestFormat(ReadOnlySpan<char> format, out bool lowerCase)
    {
        lowerCase = false;
        if (format.IsEmpty)
        {
            return true;
        }

        bool shortest = (format.Length == 1 && format[0] is 'R' or 'r' or 'G' or 'g')
            || (format.Length == 2 && format[0] is 'G' or 'g' && format[1] == '0');
        lowerCase = shortest && format[0] is 'r' or 'g';
        return shortest;
    }

    /// <summary>
    /// The shortest decimal that reads back as this finite value, held as the <see cref="float"/> nearest to it: the
    /// <c>Gn</c> form of the value for the fewest significant digits n (1 to 9) that reads back (through
    /// <see cref="TryParse(ReadOnlySpan{char}, NumberStyles, IFormatProvider, out BFloat16)"/>) as the same bfloat16.
    /// Eight bits never need more than 4 digits, and a decimal of at most 6 significant digits is the shortest form of the
    /// <see cref="float"/> nearest to it, so printing that <see cref="float"/> with <c>R</c> gives the same digits in
    /// <see cref="float"/>'s notation (<c>100</c>, not <c>1E+02</c>). <c>G9</c> always reads back (as the same binary32,
    /// far inside the value's rounding interval); the loop stops before it and returns the value itself.
    /// </summary>
    private float ShortestDecimal(IFormatProvider? provider)
    {
        float widened = Widen(this);
        Span<char> scratch = stackalloc char[ScratchLength];
        Span<char> format = stackalloc char[2];
        format[0] = 'G';
        for (int digits = 1; digits < 9; digits++)
        {
            format[1] = (char)('0' + digits);
            ReadOnlySpan<char> text = widened.TryFormat(scratch, out int written, format, provider)
                ? scratch[..written]
                : widened.ToString(format.ToString(), provider);
            if (TryParse(text, DefaultStyle, provider, out BFloat16 back) && back._bits == _bits)
            {
                return float.Parse(text, DefaultStyle, provider);
            }
        }

        return widened;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Parsing
    // ---------------------------------------------------------------------------------------------------------------

    /// <summary>Parses a decimal in the current culture and rounds it once to bfloat16 (see the type's remarks).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="s"/> is <see langword="null"/>.</exception>
    /// <exception cref="FormatException"><paramref name="s"/> is not a number.</exception>
    public static BFloat16 Parse(string s) => Parse(s, DefaultStyle, null);

    /// <summary>Parses a number in the given style in the current culture and rounds it once to bfloat16.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="s"/> is <see langword="null"/>.</exception>
    /// <exception cref="FormatException"><paramref name="s"/> is not a number.</exception>
    public static BFloat16 Parse(string s, NumberStyles style) => Parse(s, style, null);

    /// <summary>Parses a decimal in the culture of <paramref name="provider"/> and rounds it once to bfloat16.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="s"/> is <see langword="null"/>.</exception>
    /// <exception cref="FormatException"><paramref name="s"/> is not a number.</exception>
    public static BFloat16 Parse(string s, IFormatProvider? provider) => Parse(s, DefaultStyle, provider);

    /// <summary>Parses a number in the given style and culture and rounds it once to bfloat16.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="s"/> is <see langword="null"/>.</exception>
    /// <exception cref="FormatException"><paramref name="s"/> is not a number.</exception>
    public static BFloat16 Parse(string s, NumberStyles style, IFormatProvider? provider)
    {
        ArgumentNullException.ThrowIfNull(s);
        return Parse(s.AsSpan(), style, provider);
    }

    /// <summary>Parses a decimal in the culture of <paramref name="provider"/> and rounds it once to bfloat16.</summary>
    /// <exception cref="FormatException"><paramref name="s"/> is not a number.</exception>
    public static BFloat16 Parse(ReadOnlySpan<char> s, IFormatProvider? provider) => Parse(s, DefaultStyle, provider);

    /// <summary>Parses a number in the given style and culture and rounds it once to bfloat16.</summary>
    /// <exception cref="FormatException"><paramref name="s"/> is not a number.</exception>
    public static BFloat16 Parse(ReadOnlySpan<char> s, NumberStyles style = DefaultStyle, IFormatProvider? provider = null) =>
        FromParsed(s, style, provider, double.Parse(s, style, provider));

    /// <summary>Parses a decimal in the current culture; <see langword="false"/> if it is not a number.</summary>
    public static bool TryParse([NotNullWhen(true)] string? s, out BFloat16 result) => TryParse(s, DefaultStyle, null, out result);

    /// <summary>Parses a decimal in the current culture; <see langword="false"/> if it is not a number.</summary>
    public static bool TryParse(ReadOnlySpan<char> s, out BFloat16 result) => TryParse(s, DefaultStyle, null, out result);

    /// <summary>Parses a decimal in the culture of <paramref name="provider"/>; <see langword="false"/> if it is not a number.</summary>
    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out BFloat16 result) =>
        TryParse(s, DefaultStyle, provider, out result);

    /// <summary>Parses a decimal in the culture of <paramref name="provider"/>; <see langword="false"/> if it is not a number.</summary>
    public static bool TryParse(ReadOnlySpan<char> s, IFormatProvider? provider, out BFloat16 result) =>
        TryParse(s, DefaultStyle, provider, out result);

    /// <summary>Parses a number in the given style and culture; <see langword="false"/> if it is not a number.</summary>
    public static bool TryParse([NotNullWhen(true)] string? s, NumberStyles style, IFormatProvider? provider, out BFloat16 result)
    {
        if (s is null)
        {
            result = Zero;
            return false;
        }

        return TryParse(s.AsSpan(), style, provider, out result);
    }

    /// <summary>Parses a number in the given style and culture; <see langword="false"/> if it is not a number.</summary>
    public static bool TryParse(ReadOnlySpan<char> s, NumberStyles style, IFormatProvider? provider, out BFloat16 result)
    {
        if (!double.TryParse(s, style, provider, out double parsed))
        {
            result = Zero;
            return false;
        }

        result = FromParsed(s, style, provider, parsed);
        return true;
    }

    /// <summary>Parses UTF-8 text as <see cref="Parse(ReadOnlySpan{char}, NumberStyles, IFormatProvider)"/> parses characters.</summary>
    /// <exception cref="FormatException"><paramref name="utf8Text"/> is not a number.</exception>
    public static BFloat16 Parse(ReadOnlySpan<byte> utf8Text, NumberStyles style = DefaultStyle, IFormatProvider? provider = null)
    {
        if (!TryParse(utf8Text, style, provider, out BFloat16 result))
        {
            throw new FormatException("The input string was not in a correct format for a bfloat16 value.");
        }

        return result;
    }

    /// <summary>Parses UTF-8 text in the culture of <paramref name="provider"/>.</summary>
    /// <exception cref="FormatException"><paramref name="utf8Text"/> is not a number.</exception>
    public static BFloat16 Parse(ReadOnlySpan<byte> utf8Text, IFormatProvider? provider) => Parse(utf8Text, DefaultStyle, provider);

    /// <summary>Parses UTF-8 text in the current culture; <see langword="false"/> if it is not a number.</summary>
    public static bool TryParse(ReadOnlySpan<byte> utf8Text, out BFloat16 result) => TryParse(utf8Text, DefaultStyle, null, out result);

    /// <summary>Parses UTF-8 text in the culture of <paramref name="provider"/>; <see langword="false"/> if it is not a number.</summary>
    public static bool TryParse(ReadOnlySpan<byte> utf8Text, IFormatProvider? provider, out BFloat16 result) =>
        TryParse(utf8Text, DefaultStyle, provider, out result);

    /// <summary>Parses UTF-8 text in the given style and culture; <see langword="false"/> if it is not a number or not UTF-8.</summary>
    public static bool TryParse(ReadOnlySpan<byte> utf8Text, NumberStyles style, IFormatProvider? provider, out BFloat16 result)
    {
        char[]? rented = null;
        Span<char> chars = utf8Text.Length <= ScratchLength
            ? stackalloc char[ScratchLength]
            : (rented = ArrayPool<char>.Shared.Rent(utf8Text.Length));
        try
        {
            if (Utf8.ToUtf16(utf8Text, chars, out _, out int written, replaceInvalidSequences: false) != OperationStatus.Done)
            {
                result = Zero;
                return false;
            }

            return TryParse(chars[..written], style, provider, out result);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<char>.Shared.Return(rented);
            }
        }
    }

    /// <summary>
    /// The text's value rounded once to bfloat16, given <paramref name="parsed"/>, its value rounded to binary64. Rounding is
    /// monotone and every bfloat16 midpoint is a binary64 value, so when <paramref name="parsed"/> is not a midpoint the text
    /// lies on the same side of every midpoint as <paramref name="parsed"/>, and rounding <paramref name="parsed"/> is
    /// exact. When it is one, the decimal digits are compared with the midpoint exactly. Only text this reader does not
    /// follow (currency symbols, parentheses, trailing signs, a decimal exponent beyond ±100 000 after the digits are
    /// counted) then falls back to ties-to-even on <paramref name="parsed"/>, which is wrong only for a decimal within
    /// 2^−53 (relative) of a midpoint but not on it.
    /// </summary>
    private static BFloat16 FromParsed(ReadOnlySpan<char> s, NumberStyles style, IFormatProvider? provider, double parsed)
    {
        var nearest = (BFloat16)parsed;
        double magnitude = Math.Abs(parsed);
        if (!double.IsFinite(magnitude) || magnitude == 0)
        {
            return nearest;
        }

        ushort rounded = (ushort)(nearest._bits & MagnitudeMask);
        double roundedValue = MagnitudeValue(rounded);
        if (roundedValue == magnitude)
        {
            return nearest;
        }

        ushort below = roundedValue < magnitude ? rounded : (ushort)(rounded - 1);
        if (below >= PositiveInfinityBits)
        {
            // Beyond 2^128: infinity, no midpoint above.
            return nearest;
        }

        double midpoint = (MagnitudeValue(below) + MagnitudeValue((ushort)(below + 1))) / 2;
        if (magnitude != midpoint)
        {
            return nearest;
        }

        int order = CompareWithMidpoint(s, style, NumberFormatInfo.GetInstance(provider), midpoint);
        if (order == 0)
        {
            return nearest;
        }

        ushort chosen = order < 0 ? below : (ushort)(below + 1);
        return new((ushort)(chosen | (nearest._bits & SignMask)));
    }

    /// <summary>The value of a magnitude encoding, with 2^128 for the infinity that follows <see cref="MaxValue"/>.</summary>
    private static double MagnitudeValue(ushort magnitude) =>
        magnitude == PositiveInfinityBits ? Math.ScaleB(1.0, 128) : BitConverter.UInt32BitsToSingle((uint)magnitude << 16);

    /// <summary>
    /// The sign of |text| − <paramref name="midpoint"/>, compared exactly as integers, or 0 when the text is not an optional
    /// sign, digits with group separators, an optional decimal separator and digits, and an optional exponent.
    /// </summary>
    private static int CompareWithMidpoint(ReadOnlySpan<char> s, NumberStyles style, NumberFormatInfo info, double midpoint)
    {
        if (!TryReadDecimal(s, style, info, out BigInteger digits, out long exponent10) || Math.Abs(exponent10) > 100_000)
        {
            return 0;
        }

        ulong bits = BitConverter.DoubleToUInt64Bits(midpoint);
        BigInteger significand = (bits & 0x000F_FFFF_FFFF_FFFFUL) | (1UL << 52);
        int exponent2 = (int)((bits >> 52) & 0x7FF) - 1075;
        BigInteger left = digits;
        BigInteger right = significand;
        if (exponent10 >= 0)
        {
            left *= BigInteger.Pow(10, (int)exponent10);
        }
        else
        {
            right *= BigInteger.Pow(10, (int)-exponent10);
        }

        if (exponent2 >= 0)
        {
            right <<= exponent2;
        }
        else
        {
            left <<= -exponent2;
        }

        return left.CompareTo(right);
    }

    private static bool TryReadDecimal(ReadOnlySpan<char> s, NumberStyles style, NumberFormatInfo info, out BigInteger digits, out long exponent10)
    {
        digits = BigInteger.Zero;
        exponent10 = 0;
        string point = info.NumberDecimalSeparator;
        string group = info.NumberGroupSeparator;
        if ((style & NumberStyles.AllowCurrencySymbol) != 0 || point.Length == 0 || point == group)
        {
            return false;
        }

        s = TrimParseWhite(s);
        s = SkipSign(s, info, out _);
        char[] buffer = new char[s.Length];
        int count = 0;
        long fractionDigits = 0;
        bool seenPoint = false;
        int i = 0;
        while (i < s.Length)
        {
            if (char.IsAsciiDigit(s[i]))
            {
                buffer[count++] = s[i++];
                if (seenPoint)
                {
                    fractionDigits++;
                }
            }
            else if (!seenPoint && s[i..].StartsWith(point, StringComparison.Ordinal))
            {
                seenPoint = true;
                i += point.Length;
            }
            else if (!seenPoint && (style & NumberStyles.AllowThousands) != 0 && group.Length > 0
                && s[i..].StartsWith(group, StringComparison.Ordinal))
            {
                i += group.Length;
            }
            else
            {
                break;
            }
        }

        if (count == 0)
        {
            return false;
        }

        long exponent = 0;
        if (i < s.Length)
        {
            if (s[i] is not ('e' or 'E'))
            {
                return false;
            }

            ReadOnlySpan<char> rest = SkipSign(s[(i + 1)..], info, out bool negativeExponent);
            if (rest.IsEmpty)
            {
                return false;
            }

            foreach (char c in rest)
            {
                if (!char.IsAsciiDigit(c))
                {
                    return false;
                }

                exponent = Math.Min((exponent * 10) + (c - '0'), 1_000_000_000L);
            }

            exponent = negativeExponent ? -exponent : exponent;
        }

        digits = BigInteger.Parse(buffer.AsSpan(0, count), NumberStyles.None, CultureInfo.InvariantCulture);
        exponent10 = exponent - fractionDigits;
        return true;
    }

    /// <summary>The white space number parsing skips (tab to carriage return, space), and trailing NUL characters.</summary>
    private static ReadOnlySpan<char> TrimParseWhite(ReadOnlySpan<char> s)
    {
        int start = 0;
        while (start < s.Length && IsParseWhite(s[start]))
        {
            start++;
        }

        int end = s.Length;
        while (end > start && (IsParseWhite(s[end - 1]) || s[end - 1] == '\0'))
        {
            end--;
        }

        return s[start..end];
    }

    private static bool IsParseWhite(char c) => c == ' ' || (c >= '\t' && c <= '\r');

    private static ReadOnlySpan<char> SkipSign(ReadOnlySpan<char> s, NumberFormatInfo info, out bool negative)
    {
        negative = false;
        if (info.NegativeSign.Length > 0 && s.StartsWith(info.NegativeSign, StringComparison.Ordinal))
        {
            negative = true;
            return s[info.NegativeSign.Length..];
        }

        if (info.PositiveSign.Length > 0 && s.StartsWith(info.PositiveSign, StringComparison.Ordinal))
        {
            return s[info.PositiveSign.Length..];
        }

        if (!s.IsEmpty && s[0] is '-' or '+')
        {
            negative = s[0] == '-';
            return s[1..];
        }

        return s;
    }
}

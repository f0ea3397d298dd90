using System;
using System.Globalization;
using System.Numerics;

namespace Latent.Ieee;

/// <summary>
/// Text forms of IEEE values shared by the CLI and the vector files: bit patterns (<c>0x3FB4000000000000</c>) and
/// shortest round-trip decimals with lower-case special values (<c>nan</c>, <c>inf</c>, <c>-inf</c>, <c>-0</c>).
/// </summary>
public static class IeeeText
{
    /// <summary>
    /// The bit pattern as <c>0x</c> followed by exactly <c>BitWidth / 4</c> upper-case hex digits.
    /// </summary>
    public static string FormatBits<T, TFormat>(T value)
        where T : IBinaryFloatingPointIeee754<T>
        where TFormat : IBinaryFormat<T> =>
        "0x" + TFormat.ToBits(value).ToString("X" + (TFormat.BitWidth / 4).ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    /// <summary>
    /// The shortest decimal that parses back to the same value in the format (.NET's round-trip formatting), with
    /// <c>nan</c>, <c>inf</c>, <c>-inf</c> for the special values and <c>-0</c> for negative zero. NaN payloads and signs
    /// are visible only in <see cref="FormatBits"/>.
    /// </summary>
    public static string FormatDecimal<T>(T value)
        where T : IBinaryFloatingPointIeee754<T>
    {
        if (T.IsNaN(value))
        {
            return "nan";
        }

        if (T.IsInfinity(value))
        {
            return T.IsNegative(value) ? "-inf" : "inf";
        }

        return value.ToString("R", CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Parses one value: a decimal (rounded once to nearest, ties to even, directly in the format), <c>nan</c>
    /// (the positive quiet NaN), <c>-nan</c>, <c>inf</c>, <c>+inf</c>, <c>-inf</c>, or a bit pattern <c>0x</c> followed by 1 to
    /// <c>BitWidth / 4</c> hex digits. Case is ignored.
    /// </summary>
    /// <returns><see langword="null"/> on success, otherwise a one-line reason.</returns>
    public static string? TryParse<T, TFormat>(string text, out T value)
        where T : IBinaryFloatingPointIeee754<T>
        where TFormat : IBinaryFormat<T>
    {
        ArgumentNullException.ThrowIfNull(text);
        value = T.Zero;
        string s = text.Trim();
        if (s.Length == 0)
        {
            return "an empty value";
        }

        if (s.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            return TryParseBits<T, TFormat>(s, out value);
        }

        switch (s.ToLowerInvariant())
        {
            case "nan":
            case "+nan":
                value = TFormat.FromBits(QuietNaNBits<T, TFormat>(negative: false));
                return null;
            case "-nan":
                value = TFormat.FromBits(QuietNaNBits<T, TFormat>(negative: true));
                return null;
            case "inf":
            case "+inf":
            case "infinity":
            case "+infinity":
                value = T.PositiveInfinity;
                return null;
            case "-inf":
            case "-infinity":
                value = T.NegativeInfinity;
                return null;
        }

        // NumberStyles.Float: optional sign, digits, point and exponent; no thousands separators, no hex, no words.
        foreach (char c in s)
        {
            if (!(char.IsAsciiDigit(c) || c is '+' or '-' or '.' or 'e' or 'E'))
            {
                return $"'{text}' is not a number";
            }
        }

        if (!T.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out T? parsed) || parsed is null)
        {
            return $"'{text}' is not a number";
        }

        value = parsed;
        return null;
    }

    private static string? TryParseBits<T, TFormat>(string s, out T value)
        where T : IBinaryFloatingPointIeee754<T>
        where TFormat : IBinaryFormat<T>
    {
        value = T.Zero;
        ReadOnlySpan<char> digits = s.AsSpan(2);
        int maxDigits = TFormat.BitWidth / 4;
        if (digits.IsEmpty || digits.Length > maxDigits)
        {
            return $"'{s}' is not a {TFormat.Name} bit pattern (0x and 1 to {maxDigits} hex digits)";
        }

        if (!ulong.TryParse(digits, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out ulong bits))
        {
            return $"'{s}' is not a {TFormat.Name} bit pattern (0x and 1 to {maxDigits} hex digits)";
        }

        value = TFormat.FromBits(bits);
        return null;
    }

    /// <summary>The default quiet NaN of the format: exponent all ones, top significand bit set, rest zero.</summary>
    public static ulong QuietNaNBits<T, TFormat>(bool negative)
        where T : IBinaryFloatingPointIeee754<T>
        where TFormat : IBinaryFormat<T>
    {
        int fractionBits = TFormat.Precision - 1;
        int exponentBits = TFormat.BitWidth - fractionBits - 1;
        ulong exponentMask = ((1UL << exponentBits) - 1) << fractionBits;
        ulong quietBit = 1UL << (fractionBits - 1);
        ulong sign = negative ? 1UL << (TFormat.BitWidth - 1) : 0;
        return sign | exponentMask | quietBit;
    }
}

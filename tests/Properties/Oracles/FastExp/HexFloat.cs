using System;
using System.Globalization;

namespace Latent.Properties.Oracles.FastExp;

/// <summary>Parses C99 hexadecimal floating literals (<c>0x1.0122ef37212ebp-1</c>), the notation worst-case tables use.</summary>
internal static class HexFloat
{
    public static double Parse(string text)
    {
        string s = text.Trim();
        bool negative = s.StartsWith('-');
        s = s.TrimStart('-', '+');
        if (!s.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            throw new FormatException($"Not a hex float: {text}");
        }

        int p = s.IndexOfAny(['p', 'P']);
        string digits = s[2..p];
        int exponent = int.Parse(s[(p + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        int dot = digits.IndexOf('.', StringComparison.Ordinal);
        string fraction = dot < 0 ? string.Empty : digits[(dot + 1)..];
        string whole = dot < 0 ? digits : digits[..dot];
        ulong significand = ulong.Parse(whole + fraction, NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        if ((whole + fraction).Length > 15)
        {
            throw new FormatException($"Too many hex digits for an exact parse: {text}");
        }

        double value = Math.ScaleB(significand, exponent - (4 * fraction.Length)); // exact: at most 53 significant bits
        return negative ? -value : value;
    }
}

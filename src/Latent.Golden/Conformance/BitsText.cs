using System;
using System.Globalization;

namespace Latent.Golden.Conformance;

/// <summary>Strict parsing of bit patterns: <c>0x</c> and exactly <c>width / 4</c> hex digits, nothing else.</summary>
internal static class BitsText
{
    public static bool TryParse(ReadOnlySpan<char> text, int bitWidth, out ulong bits)
    {
        bits = 0;
        int digits = bitWidth / 4;
        if (text.Length != digits + 2 || text[0] != '0' || (text[1] != 'x' && text[1] != 'X'))
        {
            return false;
        }

        foreach (char c in text[2..])
        {
            if (!char.IsAsciiHexDigit(c))
            {
                return false;
            }
        }

        return ulong.TryParse(text[2..], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out bits);
    }
}

using System;
using System.Globalization;

namespace Latent.Golden.Generation;

/// <summary>
/// The one seed syntax of Latent, for <c>golden --seed</c>, <c>drt --seed</c> and the manifest's <c>seed</c>: a 64-bit
/// unsigned integer written in decimal (<c>20261125</c>) or as <c>0x</c> and 1 to 16 hex digits (<c>0x4C6174656E740001</c>).
/// </summary>
public static class SeedText
{
    /// <summary>The seed written in <paramref name="text"/>, or a one-line reason it is not one.</summary>
    public static bool TryParse(string text, out ulong seed, out string problem)
    {
        ArgumentNullException.ThrowIfNull(text);
        seed = 0;
        problem = "";
        bool hex = text.StartsWith("0x", StringComparison.OrdinalIgnoreCase);
        ReadOnlySpan<char> digits = hex ? text.AsSpan(2) : text.AsSpan();
        bool wellFormed = digits.Length > 0 && (hex ? IsAll(digits, char.IsAsciiHexDigit) : IsAll(digits, char.IsAsciiDigit));
        if (!wellFormed)
        {
            problem = "is not a seed: expected a decimal or 0x-prefixed hex integer";
            return false;
        }

        bool fits = hex
            ? ulong.TryParse(digits, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out seed)
            : ulong.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out seed);
        if (!fits)
        {
            problem = "is out of range: a seed is at most 18446744073709551615 (0xFFFFFFFFFFFFFFFF)";
            return false;
        }

        return true;
    }

    /// <summary>The canonical form the manifest and the summaries print: <c>0x</c> and 16 upper-case hex digits.</summary>
    public static string Format(ulong seed) => "0x" + seed.ToString("X16", CultureInfo.InvariantCulture);

    private static bool IsAll(ReadOnlySpan<char> text, Func<char, bool> test)
    {
        foreach (char c in text)
        {
            if (!test(c))
            {
                return false;
            }
        }

        return true;
    }
}

using System.Globalization;
using Latent.Golden.Reading;

namespace Latent.Cli.Text;

/// <summary>
/// Whole-number options (<c>golden --count</c>, <c>drt --cases</c>): plain decimal digits, with a message that says what
/// was wrong (not a number, or out of range) and never a .NET type name.
/// </summary>
internal static class CountText
{
    public static long Parse(string option, string text, long min, long max)
    {
        string shown = SafeText.Excerpt(text);
        bool digits = text.Length > 0 && System.Linq.Enumerable.All(text, char.IsAsciiDigit);
        bool negative = text.Length > 1 && text[0] == '-' && System.Linq.Enumerable.All(text[1..], char.IsAsciiDigit);
        if (!digits && !negative)
        {
            throw new UsageException($"{option} '{shown}' is not a whole number: write decimal digits only (1000000, not 1e6, 10^6 or 1,000,000)");
        }

        if (negative || !long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out long value) || value < min || value > max)
        {
            throw new UsageException(string.Create(CultureInfo.InvariantCulture, $"{option} {shown} is out of range: expected {min} to {max}"));
        }

        return value;
    }
}

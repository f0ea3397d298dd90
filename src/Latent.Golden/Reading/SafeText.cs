using System.Globalization;
using System.Text;

namespace Latent.Golden.Reading;

/// <summary>
/// Makes text that came from an input file safe to print: control and format characters (ESC, CR, BEL, bidi overrides,
/// lone surrogates) become visible escapes, so a file cannot move the cursor, recolour or rewrite a terminal or a log,
/// and an excerpt is cut short, so a huge malformed file does not flood standard error.
/// </summary>
public static class SafeText
{
    /// <summary>The most characters of input an error message quotes.</summary>
    public const int ExcerptLength = 40;

    /// <summary><paramref name="text"/> with every control or format character written as <c>\xNN</c> or <c>\uNNNN</c>.</summary>
    public static string Escape(string text)
    {
        System.ArgumentNullException.ThrowIfNull(text);
        StringBuilder? escaped = null;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            bool pair = char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]);
            if (pair)
            {
                // A valid pair is a printable supplementary character unless it is a format character (tag characters).
                if (CharUnicodeInfo.GetUnicodeCategory(text, i) != UnicodeCategory.Format)
                {
                    escaped?.Append(c).Append(text[i + 1]);
                    i++;
                    continue;
                }
            }

            if (!NeedsEscape(c) && !pair)
            {
                escaped?.Append(c);
                continue;
            }

            escaped ??= new StringBuilder(text.Length + 16).Append(text, 0, i);
            if (pair)
            {
                escaped.Append(CultureInfo.InvariantCulture, $"\\U{char.ConvertToUtf32(c, text[i + 1]):X8}");
                i++;
            }
            else
            {
                escaped.Append(c < 0x100 ? string.Create(CultureInfo.InvariantCulture, $"\\x{(int)c:X2}") : string.Create(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}"));
            }
        }

        return escaped?.ToString() ?? text;
    }

    /// <summary>
    /// At most <see cref="ExcerptLength"/> characters of <paramref name="text"/> after escaping (never a partial escape),
    /// with the full length when cut: an error message stays short whatever the input holds.
    /// </summary>
    public static string Excerpt(string text)
    {
        System.ArgumentNullException.ThrowIfNull(text);
        string head = Escape(text.Length <= ExcerptLength ? text : text[..ExcerptLength]);
        if (head.Length <= ExcerptLength && text.Length <= ExcerptLength)
        {
            return head;
        }

        // Cut the escaped text at a character boundary of the input: an escape is never split.
        var cut = new StringBuilder(ExcerptLength + 24);
        for (int i = 0; i < text.Length; i++)
        {
            int width = char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]) ? 2 : 1;
            string piece = Escape(text.Substring(i, width));
            if (cut.Length + piece.Length > ExcerptLength)
            {
                break;
            }

            cut.Append(piece);
            i += width - 1;
        }

        return cut.Append(CultureInfo.InvariantCulture, $"... ({text.Length} characters)").ToString();
    }

    /// <summary>What a terminal or a log could act on, or what shows as nothing: control, format and separator characters, lone surrogates.</summary>
    private static bool NeedsEscape(char c) =>
        char.IsControl(c) || char.IsSurrogate(c) || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator;
}

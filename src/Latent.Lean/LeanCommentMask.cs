using System.Text;

namespace Latent.Lean;

/// <summary>
/// Blanks out Lean comments, docstrings and string literals, keeping every other character (and every line break) where
/// it was, so that offsets into the masked text are offsets into the file.
/// </summary>
/// <remarks>
/// Lean has line comments (<c>--</c>), block comments (<c>/- -/</c>, which nest), docstrings (<c>/-- -/</c>), module
/// docs (<c>/-! -/</c>), string literals with backslash escapes and character literals. Block comments nest, so
/// <c>/- a /- b -/ c -/</c> is one comment.
/// </remarks>
internal static class LeanCommentMask
{
    public static string Mask(string text)
    {
        var masked = new StringBuilder(text);
        int i = 0;
        while (i < text.Length)
        {
            char c = text[i];
            if (c == '-' && At(text, i + 1, '-'))
            {
                i = BlankUntilLineEnd(text, masked, i);
            }
            else if (c == '/' && At(text, i + 1, '-'))
            {
                i = BlankBlockComment(text, masked, i);
            }
            else if (c == '"')
            {
                i = BlankQuoted(text, masked, i, '"');
            }
            else if (c == '\'' && IsCharLiteralStart(text, i))
            {
                i = BlankQuoted(text, masked, i, '\'');
            }
            else
            {
                i++;
            }
        }

        return masked.ToString();
    }

    private static bool At(string text, int index, char expected) => index < text.Length && text[index] == expected;

    private static int BlankUntilLineEnd(string text, StringBuilder masked, int start)
    {
        int i = start;
        while (i < text.Length && text[i] != '\n')
        {
            Blank(masked, i++);
        }

        return i;
    }

    private static int BlankBlockComment(string text, StringBuilder masked, int start)
    {
        int depth = 0;
        int i = start;
        while (i < text.Length)
        {
            if (text[i] == '/' && At(text, i + 1, '-'))
            {
                depth++;
                Blank(masked, i++);
                Blank(masked, i++);
            }
            else if (text[i] == '-' && At(text, i + 1, '/'))
            {
                depth--;
                Blank(masked, i++);
                Blank(masked, i++);
                if (depth == 0)
                {
                    return i;
                }
            }
            else
            {
                Blank(masked, i++);
            }
        }

        return i;
    }

    private static int BlankQuoted(string text, StringBuilder masked, int start, char quote)
    {
        Blank(masked, start);
        int i = start + 1;
        while (i < text.Length)
        {
            char c = text[i];
            Blank(masked, i++);
            if (c == '\\' && i < text.Length)
            {
                Blank(masked, i++);
            }
            else if (c == quote)
            {
                break;
            }
        }

        return i;
    }

    /// <summary><c>'</c> also ends identifiers (<c>x'</c>); it opens a character literal only after a non-identifier character.</summary>
    private static bool IsCharLiteralStart(string text, int i)
    {
        if (i > 0 && LeanTokens.IsIdentifierPart(text[i - 1]))
        {
            return false;
        }

        // 'a' or '\n': the closing quote comes after one character or one escape.
        return (i + 2 < text.Length && text[i + 2] == '\'' && text[i + 1] != '\\')
            || (i + 3 < text.Length && text[i + 1] == '\\' && text[i + 3] == '\'');
    }

    /// <summary>Keeps line breaks so that line numbers survive; everything else becomes a space.</summary>
    private static void Blank(StringBuilder masked, int index)
    {
        if (masked[index] != '\n' && masked[index] != '\r')
        {
            masked[index] = ' ';
        }
    }
}

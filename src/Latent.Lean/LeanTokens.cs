using System.Collections.Generic;

namespace Latent.Lean;

/// <summary>
/// One token of masked Lean text: an identifier, a natural-number literal, a bracket, <c>:</c>, <c>:=</c>, <c>::</c>,
/// <c>=&gt;</c> or any other single symbol.
/// </summary>
internal readonly struct LeanToken
{
    public LeanToken(string text, int start, bool isIdentifier)
    {
        Text = text;
        Start = start;
        IsIdentifier = isIdentifier;
    }

    public string Text { get; }

    public int Start { get; }

    public bool IsIdentifier { get; }

    /// <summary>A natural-number literal such as <c>1</c> or <c>48</c> (Lean <c>OfNat</c>).</summary>
    public bool IsNumber => Text.Length > 0 && char.IsDigit(Text[0]);

    public bool Is(string text) => Text == text;

    public override string ToString() => Text;
}

/// <summary>Splits masked Lean text (comments and strings already blanked) into tokens.</summary>
internal static class LeanTokens
{
    /// <summary>Tokens from <paramref name="start"/> to <paramref name="end"/> (exclusive).</summary>
    public static IEnumerable<LeanToken> Scan(string masked, int start, int end)
    {
        int i = start;
        while (i < end)
        {
            char c = masked[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (IsIdentifierStart(c))
            {
                int tokenStart = i;
                i = ScanIdentifier(masked, i, end);
                yield return new LeanToken(masked.Substring(tokenStart, i - tokenStart), tokenStart, isIdentifier: true);
            }
            else if (c >= '0' && c <= '9')
            {
                int tokenStart = i;
                while (i < end && masked[i] >= '0' && masked[i] <= '9')
                {
                    i++;
                }

                yield return new LeanToken(masked.Substring(tokenStart, i - tokenStart), tokenStart, isIdentifier: false);
            }
            else if ((c == ':' && i + 1 < end && (masked[i + 1] == '=' || masked[i + 1] == ':'))
                || (c == '=' && i + 1 < end && masked[i + 1] == '>')
                || (c == '@' && i + 1 < end && masked[i + 1] == '['))
            {
                yield return new LeanToken(masked.Substring(i, 2), i, isIdentifier: false);
                i += 2;
            }
            else
            {
                yield return new LeanToken(c.ToString(), i, isIdentifier: false);
                i++;
            }
        }
    }

    /// <summary>Lean identifier characters: letters (λ, Π and Σ are keywords), <c>_</c>, and <c>«escaped»</c> names.</summary>
    public static bool IsIdentifierStart(char c) =>
        (char.IsLetter(c) && c != 'λ' && c != 'Π' && c != 'Σ') || c == '_' || c == '«';

    /// <summary>Also digits, primes, <c>!</c>, <c>?</c> and subscripts after the first character.</summary>
    public static bool IsIdentifierPart(char c) =>
        IsIdentifierStart(c) || char.IsDigit(c) || c == '\'' || c == '!' || c == '?' || (c >= '\u2080' && c <= '\u209C');

    /// <summary>One name, dotted components included (<c>Generative.Latent</c>, <c>_root_.x</c>).</summary>
    private static int ScanIdentifier(string masked, int i, int end)
    {
        while (i < end)
        {
            if (masked[i] == '«')
            {
                int close = masked.IndexOf('»', i);
                i = close < 0 || close >= end ? end : close + 1;
            }
            else if (IsIdentifierPart(masked[i]))
            {
                i++;
            }
            else if (masked[i] == '.' && i + 1 < end && IsIdentifierStart(masked[i + 1]))
            {
                i++;
            }
            else
            {
                break;
            }
        }

        return i;
    }
}

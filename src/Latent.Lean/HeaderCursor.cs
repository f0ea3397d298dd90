using System.Collections.Generic;

namespace Latent.Lean;

/// <summary>
/// Walks the tokens of one declaration header, across lines, and stops where the next command begins: a header never
/// runs into the following declaration even when it has no <c>:=</c>.
/// </summary>
internal sealed class HeaderCursor
{
    private readonly string _masked;
    private readonly IEnumerator<LeanToken> _tokens;

    public HeaderCursor(string masked, int start)
    {
        _masked = masked;
        _tokens = LeanTokens.Scan(masked, start, masked.Length).GetEnumerator();
        Position = start;
    }

    public int Position { get; private set; }

    public bool TryNext(out LeanToken token)
    {
        if (!_tokens.MoveNext() || (FirstOnLine(_tokens.Current) && LeanReader.StartsCommand(_tokens.Current.Text)))
        {
            token = default;
            return false;
        }

        token = _tokens.Current;
        Position = token.Start + token.Text.Length;
        return true;
    }

    /// <summary>The tokens inside a bracket group that <paramref name="open"/> opened, up to its matching close.</summary>
    public List<LeanToken> ReadGroup(LeanToken open)
    {
        var inside = new List<LeanToken>();
        int depth = 1;
        while (TryNext(out LeanToken token))
        {
            if (token.Text is "(" or "{" or "[" or "⦃" or "⟨")
            {
                depth++;
            }
            else if (token.Text is ")" or "}" or "]" or "⦄" or "⟩")
            {
                depth--;
                if (depth == 0)
                {
                    break;
                }
            }

            inside.Add(token);
        }

        return inside;
    }

    private bool FirstOnLine(LeanToken token)
    {
        for (int i = token.Start - 1; i >= 0; i--)
        {
            char c = _masked[i];
            if (c == '\n')
            {
                return true;
            }

            if (!char.IsWhiteSpace(c))
            {
                return false;
            }
        }

        return true;
    }
}

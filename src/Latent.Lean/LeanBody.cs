namespace Latent.Lean;

/// <summary>How a declaration gives its value.</summary>
internal enum LeanBodyKind
{
    /// <summary>No value: a structure, or a header the reader could not follow.</summary>
    None,

    /// <summary><c>:= term</c>.</summary>
    Term,

    /// <summary><c>where field := term …</c> (an instance or structure value).</summary>
    Where,

    /// <summary><c>| pattern => term …</c>: a definition by pattern matching (structural recursion).</summary>
    Equations,
}

/// <summary>
/// Where a declaration's result type and body stand in the file, as offsets into its text, so that a reader of terms
/// (the spec evaluator) can take them from there. The body ends where the next command begins.
/// </summary>
internal sealed class LeanBody
{
    private LeanBody(LeanBodyKind kind, int typeStart, int typeEnd, int start, int end)
    {
        Kind = kind;
        TypeStart = typeStart;
        TypeEnd = typeEnd;
        Start = start;
        End = end;
    }

    public static LeanBody None { get; } = new(LeanBodyKind.None, -1, -1, -1, -1);

    public LeanBodyKind Kind { get; }

    /// <summary>The start of the result type after the header's top-level <c>:</c>, or -1 when the header has none.</summary>
    public int TypeStart { get; }

    /// <summary>The end (exclusive) of the result type.</summary>
    public int TypeEnd { get; }

    /// <summary>The first character after <c>:=</c>, <c>where</c> or before the first <c>|</c>.</summary>
    public int Start { get; }

    /// <summary>The end (exclusive) of the body: the end of its last token before the next command.</summary>
    public int End { get; }

    /// <summary>Reads on from the token that ended the binders (<c>:</c>, <c>:=</c>, <c>where</c> or <c>|</c>).</summary>
    public static LeanBody Read(HeaderCursor header, LeanToken stop)
    {
        int typeStart = -1, typeEnd = -1;
        LeanToken token = stop;
        if (stop.Is(":"))
        {
            typeStart = stop.Start + 1;
            int depth = 0;
            while (true)
            {
                if (!header.TryNext(out token))
                {
                    return new LeanBody(LeanBodyKind.None, typeStart, header.Position, -1, -1);
                }

                depth += token.Text is "(" or "{" or "[" or "⦃" or "⟨" ? 1 : token.Text is ")" or "}" or "]" or "⦄" or "⟩" ? -1 : 0;
                if (depth == 0 && (token.Is(":=") || token.Is("where") || token.Is("|")))
                {
                    typeEnd = token.Start;
                    break;
                }
            }
        }

        LeanBodyKind kind = token.Text switch
        {
            ":=" => LeanBodyKind.Term,
            "where" => LeanBodyKind.Where,
            "|" => LeanBodyKind.Equations,
            _ => LeanBodyKind.None,
        };
        if (kind == LeanBodyKind.None)
        {
            return new LeanBody(kind, typeStart, typeEnd, -1, -1);
        }

        int start = kind == LeanBodyKind.Equations ? token.Start : token.Start + token.Text.Length;
        int end = start;
        while (header.TryNext(out LeanToken inside))
        {
            end = inside.Start + inside.Text.Length;
        }

        return new LeanBody(kind, typeStart, typeEnd, start, end);
    }
}

/// <summary>The namespace a declaration stands in and the namespaces opened there (as written, outermost first).</summary>
internal sealed class LeanScope
{
    public LeanScope(string ns, System.Collections.Immutable.ImmutableArray<string> opens)
    {
        Namespace = ns;
        Opens = opens;
    }

    public static LeanScope Root { get; } = new(string.Empty, System.Collections.Immutable.ImmutableArray<string>.Empty);

    /// <summary>The enclosing namespace, dotted (<c>Generative.Latent</c>), or empty at the root.</summary>
    public string Namespace { get; }

    /// <summary>The <c>open</c>ed names in force, in the order they were opened.</summary>
    public System.Collections.Immutable.ImmutableArray<string> Opens { get; }
}

using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;

namespace Latent.Lean;

/// <summary>
/// Reads the declarations of a Lean 4 file that need a C# mirror, with their fully qualified names, binders and (for
/// structures) fields. It is a reader for the spec's own text, not a Lean parser: it knows commands, scopes, binders and
/// comments, and nothing of terms.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item><c>namespace A.B</c> … <c>end A.B</c> prefix names; <c>section</c>, <c>mutual</c> and <c>end</c> without a name
/// nest without adding to names; <c>_root_.x</c> escapes the namespaces.</item>
/// <item>A command starts a line, after optional modifiers (<c>private</c>, <c>noncomputable</c>, <c>@[attr]</c>, …).</item>
/// <item><c>def</c> and <c>abbrev</c> are mirrored by methods; <c>structure</c>, <c>class</c> and <c>inductive</c> by types.
/// <c>theorem</c>, <c>lemma</c>, <c>instance</c>, <c>example</c>, <c>axiom</c> and <c>opaque</c> are not mirrored.</item>
/// <item>A header may span lines; its binders end at the first <c>:</c>, <c>:=</c>, <c>where</c>, <c>|</c>,
/// <c>extends</c> or <c>deriving</c> outside brackets.</item>
/// </list>
/// </remarks>
internal static class LeanReader
{
    private static readonly HashSet<string> MirroredKeywords = new(StringComparer.Ordinal)
    {
        "def", "abbrev", "structure", "class", "inductive",
    };

    private static readonly HashSet<string> OtherCommands = new(StringComparer.Ordinal)
    {
        "theorem", "lemma", "instance", "example", "axiom", "opaque", "namespace", "section", "end", "open", "variable",
        "universe", "set_option", "attribute", "mutual", "import", "module", "deriving", "macro", "macro_rules", "syntax",
        "notation", "infix", "infixl", "infixr", "prefix", "postfix", "elab", "initialize", "export",
    };

    private static readonly HashSet<string> Modifiers = new(StringComparer.Ordinal)
    {
        "private", "protected", "public", "noncomputable", "partial", "unsafe", "nonrec", "scoped", "local", "meta",
    };

    private static readonly HashSet<string> HeaderEnd = new(StringComparer.Ordinal)
    {
        ":", ":=", "where", "|", "extends", "deriving",
    };

    /// <summary>The declarations that need a C# mirror: <c>def</c>, <c>abbrev</c>, <c>structure</c>, <c>class</c>, <c>inductive</c>.</summary>
    public static ImmutableArray<LeanDeclaration> Read(string path, string text) =>
        ReadCommands(path, text).Where(d => d.IsMirrored).ToImmutableArray();

    /// <summary>
    /// Every declaration command of the file, <c>instance</c>s included, each with the namespace and the <c>open</c>s in
    /// force where it stands and (for a definition) the span of its body: what the spec evaluator elaborates.
    /// </summary>
    public static ImmutableArray<LeanDeclaration> ReadCommands(string path, string text)
    {
        string masked = LeanCommentMask.Mask(text);
        var scopes = new List<string>();
        var opens = new List<List<string>> { new List<string>() };
        var declarations = ImmutableArray.CreateBuilder<LeanDeclaration>();
        foreach ((int lineStart, int lineEnd) in Lines(masked))
        {
            List<LeanToken> tokens = LeanTokens.Scan(masked, lineStart, lineEnd).ToList();
            int k = SkipModifiers(tokens, 0);
            if (k >= tokens.Count)
            {
                continue;
            }

            string keyword = tokens[k].Text;
            string? next = k + 1 < tokens.Count && tokens[k + 1].IsIdentifier ? tokens[k + 1].Text : null;
            var scope = new LeanScope(string.Join(".", scopes.Where(x => x.Length > 0)), opens.SelectMany(o => o).ToImmutableArray());
            switch (keyword)
            {
                case "namespace" when next is not null:
                    foreach (string part in next.Split('.'))
                    {
                        scopes.Add(part);
                        opens.Add(new List<string>());
                    }

                    break;
                case "section":
                case "mutual":
                    scopes.Add(string.Empty);
                    opens.Add(new List<string>());
                    break;
                case "end":
                    int closed = Math.Min(next is null ? 1 : next.Split('.').Length, scopes.Count);
                    scopes.RemoveRange(scopes.Count - closed, closed);
                    opens.RemoveRange(opens.Count - closed, closed);
                    break;
                case "open":
                    opens[opens.Count - 1].AddRange(tokens.Skip(k + 1).Where(t => t.IsIdentifier).Select(t => t.Text));
                    break;
                case "class" when next == "inductive":
                    AddDeclaration(declarations, path, masked, scopes, scope, "inductive", tokens[k + 1].Start + next.Length, lineStart);
                    break;
                case "instance":
                    AddDeclaration(declarations, path, masked, scopes, scope, keyword, tokens[k].Start + keyword.Length, lineStart);
                    break;
                default:
                    if (MirroredKeywords.Contains(keyword))
                    {
                        AddDeclaration(declarations, path, masked, scopes, scope, keyword, tokens[k].Start + keyword.Length, lineStart);
                    }

                    break;
            }
        }

        return declarations.ToImmutable();
    }

    /// <summary>Is this token, first on its line, the start of a command (so a header cannot run past it)?</summary>
    public static bool StartsCommand(string word) =>
        MirroredKeywords.Contains(word) || OtherCommands.Contains(word) || Modifiers.Contains(word) || word == "@[";

    private static void AddDeclaration(
        ImmutableArray<LeanDeclaration>.Builder declarations,
        string path,
        string masked,
        List<string> scopes,
        LeanScope scope,
        string keyword,
        int afterKeyword,
        int lineStart)
    {
        var header = new HeaderCursor(masked, afterKeyword);
        LeanToken name;
        bool anonymous = keyword == "instance";
        if (anonymous)
        {
            // An instance has no name to mirror; it is named after its position for messages.
            name = new LeanToken("instance@" + afterKeyword.ToString(System.Globalization.CultureInfo.InvariantCulture), afterKeyword, isIdentifier: true);
        }
        else if (!header.TryNext(out name) || !name.IsIdentifier)
        {
            return;
        }

        var binders = ImmutableArray.CreateBuilder<LeanBinder>();
        LeanToken stop = ReadBinders(header, binders);
        ImmutableArray<LeanBinder> fields = ImmutableArray<LeanBinder>.Empty;
        LeanBody body = LeanBody.None;
        if (keyword is "structure" or "class")
        {
            LeanToken? where = stop.Is("where") ? stop : FindWhere(header);
            if (where is { } w)
            {
                fields = StructureFields.Read(masked, w.Start + w.Text.Length, Indentation(masked, lineStart));
            }
        }
        else
        {
            body = LeanBody.Read(header, stop);
        }

        declarations.Add(new LeanDeclaration(
            anonymous ? name.Text : FullName(scopes, name.Text), keyword, path, name.Start, anonymous ? 0 : name.Text.Length, binders.ToImmutable(), fields)
        {
            Scope = scope,
            Body = body,
        });
    }

    /// <summary>Reads binder groups and bare explicit binders; returns the token that ended them.</summary>
    private static LeanToken ReadBinders(HeaderCursor header, ImmutableArray<LeanBinder>.Builder binders)
    {
        while (header.TryNext(out LeanToken token))
        {
            LeanBinderKind? kind = token.Text switch
            {
                "(" => LeanBinderKind.Explicit,
                "{" => LeanBinderKind.Implicit,
                "⦃" => LeanBinderKind.StrictImplicit,
                "[" => LeanBinderKind.Instance,
                _ => null,
            };
            if (kind is { } k)
            {
                BinderGroup.Read(header.ReadGroup(token), k, binders);
            }
            else if (token.IsIdentifier && !HeaderEnd.Contains(token.Text))
            {
                binders.Add(new LeanBinder(token.Text, LeanBinderKind.Explicit, string.Empty, token.Start));
            }
            else
            {
                return token;
            }
        }

        return new LeanToken(string.Empty, header.Position, isIdentifier: false);
    }

    private static LeanToken? FindWhere(HeaderCursor header)
    {
        int depth = 0;
        while (header.TryNext(out LeanToken token))
        {
            depth += token.Text is "(" or "{" or "[" or "⦃" ? 1 : token.Text is ")" or "}" or "]" or "⦄" ? -1 : 0;
            if (depth == 0 && token.Is("where"))
            {
                return token;
            }

            if (depth == 0 && token.Is(":="))
            {
                return null;
            }
        }

        return null;
    }

    private static string FullName(List<string> scopes, string name)
    {
        const string Root = "_root_.";
        if (name.StartsWith(Root, StringComparison.Ordinal))
        {
            return name.Substring(Root.Length);
        }

        IEnumerable<string> namespaces = scopes.Where(s => s.Length > 0);
        return string.Join(".", namespaces.Concat([name]));
    }

    private static int SkipModifiers(List<LeanToken> tokens, int k)
    {
        while (k < tokens.Count)
        {
            if (tokens[k].Is("@["))
            {
                int depth = 1;
                k++;
                while (k < tokens.Count && depth > 0)
                {
                    depth += tokens[k].Is("[") || tokens[k].Is("@[") ? 1 : tokens[k].Is("]") ? -1 : 0;
                    k++;
                }
            }
            else if (Modifiers.Contains(tokens[k].Text))
            {
                k++;
            }
            else
            {
                break;
            }
        }

        return k;
    }

    internal static IEnumerable<(int Start, int End)> Lines(string text)
    {
        int start = 0;
        while (start <= text.Length)
        {
            int newline = text.IndexOf('\n', start);
            int end = newline < 0 ? text.Length : newline;
            yield return (start, end);
            if (newline < 0)
            {
                yield break;
            }

            start = newline + 1;
        }
    }

    internal static int Indentation(string text, int lineStart)
    {
        int i = lineStart;
        while (i < text.Length && (text[i] == ' ' || text[i] == '\t'))
        {
            i++;
        }

        return i - lineStart;
    }
}

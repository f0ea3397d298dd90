using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;

namespace Latent.Lean;

/// <summary>
/// Reads the field names of a <c>structure … where</c> block: the lines indented past the structure keyword, each
/// <c>name : type</c>, <c>a b : type</c>, <c>name : type := default</c> or a binder group; an optional <c>mk ::</c> line
/// names the constructor and is skipped. Deeper-indented lines continue the previous field's type.
/// </summary>
internal static class StructureFields
{
    public static ImmutableArray<LeanBinder> Read(string masked, int afterWhere, int structureIndentation)
    {
        var fields = ImmutableArray.CreateBuilder<LeanBinder>();
        int fieldIndentation = -1;
        bool firstLine = true;
        foreach ((int start, int end) in LeanReader.Lines(masked.Substring(afterWhere)).Select(l => (l.Start + afterWhere, l.End + afterWhere)))
        {
            List<LeanToken> tokens = LeanTokens.Scan(masked, start, end).ToList();
            if (tokens.Count == 0)
            {
                firstLine = false;
                continue;
            }

            int indentation = firstLine ? int.MaxValue : LeanReader.Indentation(masked, start);
            firstLine = false;
            if (indentation <= structureIndentation)
            {
                break;
            }

            if (fieldIndentation < 0 && indentation != int.MaxValue)
            {
                fieldIndentation = indentation;
            }

            if (indentation == fieldIndentation || indentation == int.MaxValue)
            {
                ReadFieldLine(tokens, fields);
            }

        }

        return fields.ToImmutable();
    }

    private static void ReadFieldLine(List<LeanToken> tokens, ImmutableArray<LeanBinder>.Builder fields)
    {
        if (tokens.Count >= 2 && tokens[0].IsIdentifier && tokens[1].Is("::"))
        {
            return;
        }

        if (tokens[0].Text is "(" or "{" or "[" or "⦃")
        {
            int close = tokens.FindIndex(t => t.Text is ")" or "}" or "]" or "⦄");
            List<LeanToken> inside = tokens.Skip(1).Take((close < 0 ? tokens.Count : close) - 1).ToList();
            BinderGroup.Read(inside, LeanBinderKind.Explicit, fields);
            return;
        }

        foreach (LeanToken token in tokens)
        {
            if (!token.IsIdentifier)
            {
                break;
            }

            fields.Add(new LeanBinder(token.Text, LeanBinderKind.Explicit, string.Empty, token.Start));
        }
    }
}

using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;

namespace Latent.Lean;

/// <summary>Reads the names and the type of one binder group such as <c>(mu logvar eps : Tensor α latent)</c>.</summary>
internal static class BinderGroup
{
    public static void Read(List<LeanToken> inside, LeanBinderKind kind, ImmutableArray<LeanBinder>.Builder binders)
    {
        int colon = TopLevelColon(inside);
        if (colon < 0)
        {
            if (kind == LeanBinderKind.Instance)
            {
                // [Context α]: an anonymous instance binder; its "name" is empty and its type is the whole group.
                binders.Add(new LeanBinder(string.Empty, kind, Text(inside), inside.Count > 0 ? inside[0].Start : 0));
                return;
            }

            // (x) or {s}: names without a type.
            foreach (LeanToken name in inside.Where(t => t.IsIdentifier))
            {
                binders.Add(new LeanBinder(name.Text, kind, string.Empty, name.Start));
            }

            return;
        }

        int defaultValue = inside.FindIndex(colon + 1, t => t.Is(":="));
        string type = Text(inside.Skip(colon + 1).Take((defaultValue < 0 ? inside.Count : defaultValue) - colon - 1));
        foreach (LeanToken name in inside.Take(colon).Where(t => t.IsIdentifier))
        {
            binders.Add(new LeanBinder(name.Text, kind, type, name.Start));
        }
    }

    private static int TopLevelColon(List<LeanToken> inside)
    {
        int depth = 0;
        for (int i = 0; i < inside.Count; i++)
        {
            string t = inside[i].Text;
            depth += t is "(" or "{" or "[" or "⦃" or "⟨" ? 1 : t is ")" or "}" or "]" or "⦄" or "⟩" ? -1 : 0;
            if (depth == 0 && t == ":")
            {
                return i;
            }
        }

        return -1;
    }

    private static string Text(IEnumerable<LeanToken> tokens) => string.Join(" ", tokens.Select(t => t.Text));
}

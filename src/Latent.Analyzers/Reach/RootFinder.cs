using System.Collections.Generic;
using System.Linq;
using Latent.Analyzers.Library;
using Microsoft.CodeAnalysis;

namespace Latent.Analyzers.Reach;

/// <summary>
/// Finds the roots of a compilation: methods marked <c>[Mirrors]</c>; every member of a type marked <c>[Mirrors]</c>
/// (a structure mirror: its constructor, accessors and field initializers); methods marked <c>[AllocatesResult]</c>; and
/// the members of source types implementing the context interface, which every kernel reaches through <c>TContext</c>.
/// </summary>
internal static class RootFinder
{
    public static List<Root> Find(LibrarySymbols library, ICollection<ISymbol> bodies)
    {
        var roots = new Dictionary<ISymbol, Root>(SymbolEqualityComparer.Default);
        foreach (INamedTypeSymbol type in SourceTypes(library.Compilation.Assembly.GlobalNamespace))
        {
            string? typeMirror = library.MirroredName(type);
            foreach (ISymbol member in type.GetMembers())
            {
                ISymbol node = Operations.Normalize(member);
                if (library.MirroredName(node) is { } name)
                {
                    Add(roots, node, RootKind.Mirror, $"the mirror of '{name}'");
                }
                else if (typeMirror is not null && (node is IMethodSymbol || bodies.Contains(node)))
                {
                    Add(roots, node, RootKind.MirrorTypeMember, $"{Root.Display(node)} of the mirror of '{typeMirror}'");
                }
                else if (library.AllocatesResult(node))
                {
                    Add(roots, node, RootKind.AllocatesResult, $"[AllocatesResult] {Root.Display(node)}");
                }
            }

            foreach (ISymbol implementation in library.ContextImplementations(type))
            {
                foreach (ISymbol node in Accessors(implementation))
                {
                    Add(roots, Operations.Normalize(node), RootKind.ContextMember, $"context member {Root.Display(node)}");
                }
            }
        }

        return roots.Values.OrderBy(r => r.Kind).ThenBy(r => r.Description, System.StringComparer.Ordinal).ToList();
    }

    private static IEnumerable<ISymbol> Accessors(ISymbol member)
    {
        if (member is IPropertySymbol property)
        {
            if (property.GetMethod is { } getter)
            {
                yield return getter;
            }

            if (property.SetMethod is { } setter)
            {
                yield return setter;
            }
        }
        else
        {
            yield return member;
        }
    }

    private static void Add(Dictionary<ISymbol, Root> roots, ISymbol node, RootKind kind, string description)
    {
        if (!roots.ContainsKey(node))
        {
            roots.Add(node, new Root(node, kind, description));
        }
    }

    private static IEnumerable<INamedTypeSymbol> SourceTypes(INamespaceSymbol ns)
    {
        foreach (INamespaceOrTypeSymbol member in ns.GetMembers())
        {
            if (member is INamespaceSymbol child)
            {
                foreach (INamedTypeSymbol type in SourceTypes(child))
                {
                    yield return type;
                }
            }
            else if (member is INamedTypeSymbol type)
            {
                foreach (INamedTypeSymbol nested in WithNested(type))
                {
                    yield return nested;
                }
            }
        }
    }

    private static IEnumerable<INamedTypeSymbol> WithNested(INamedTypeSymbol type)
    {
        yield return type;
        foreach (INamedTypeSymbol nested in type.GetTypeMembers())
        {
            foreach (INamedTypeSymbol inner in WithNested(nested))
            {
                yield return inner;
            }
        }
    }
}

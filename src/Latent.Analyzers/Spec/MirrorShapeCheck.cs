using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using Latent.Analyzers.Library;
using Latent.Lean;
using Microsoft.CodeAnalysis;

namespace Latent.Analyzers.Spec;

/// <summary>
/// Compares one mirror with its Lean declaration: a method's explicit parameters with the explicit value binders, a
/// type's type parameters, properties and members with the structure's binders and fields.
/// </summary>
internal static class MirrorShapeCheck
{
    /// <summary>The diagnostic property that carries the Lean binder name a parameter should have (for the rename fix).</summary>
    public const string LeanNameProperty = "LeanName";

    public static IEnumerable<Diagnostic> Check(LibrarySymbols library, ISymbol mirror, LeanDeclaration declaration)
    {
        return (mirror, declaration.IsTypeLevel) switch
        {
            (IMethodSymbol method, false) => CheckMethod(library, method, declaration),
            (INamedTypeSymbol type, true) => CheckType(type, declaration),
            _ => [KindMismatch(mirror, declaration)],
        };
    }

    /// <summary>The parameters that stand for Lean binders: all but the destination span and [SpecVariant] parameters.</summary>
    public static ImmutableArray<IParameterSymbol> BinderParameters(LibrarySymbols library, IMethodSymbol method) =>
        method.Parameters.Where(p => !LibrarySymbols.IsDestination(p) && !library.IsSpecVariant(p)).ToImmutableArray();

    private static IEnumerable<Diagnostic> CheckMethod(LibrarySymbols library, IMethodSymbol method, LeanDeclaration declaration)
    {
        ImmutableArray<IParameterSymbol> parameters = BinderParameters(library, method);
        ImmutableArray<LeanBinder> binders = declaration.ExplicitValueBinders;
        string leanList = "(" + string.Join(" ", binders.Select(b => b.Name)) + ")";
        if (parameters.Length != binders.Length)
        {
            yield return Diagnostic.Create(
                Descriptors.SpecCompleteness,
                method.Locations.FirstOrDefault(),
                $"The mirror of '{declaration.FullName}' has explicit parameters ({string.Join(", ", parameters.Select(p => p.Name))}) "
                + $"but the Lean explicit binders are {leanList} (the destination span and [SpecVariant] parameters are not counted)");
            yield break;
        }

        for (int i = 0; i < binders.Length; i++)
        {
            string lean = binders[i].Name;
            if (lean == "_" || parameters[i].Name == lean)
            {
                continue;
            }

            yield return Diagnostic.Create(
                Descriptors.SpecCompleteness,
                parameters[i].Locations.FirstOrDefault(),
                ImmutableDictionary<string, string?>.Empty.Add(LeanNameProperty, lean),
                $"Parameter '{parameters[i].Name}' of the mirror of '{declaration.FullName}' must be named '{lean}', "
                + $"the Lean explicit binder {i + 1} of {leanList}");
        }
    }

    /// <summary>
    /// A structure's <c>Type</c> binders are the mirror's type parameters (counted); its other explicit binders and its fields
    /// are public members named in PascalCase (<c>numCodes</c> → <c>NumCodes</c>, <c>embedding</c> → <c>Embedding</c>).
    /// </summary>
    private static IEnumerable<Diagnostic> CheckType(INamedTypeSymbol type, LeanDeclaration declaration)
    {
        Location? location = type.Locations.FirstOrDefault();
        int universes = declaration.Binders.Count(b => b.Kind == LeanBinderKind.Explicit && b.IsTypeLevel);
        if (universes != type.TypeParameters.Length)
        {
            yield return Diagnostic.Create(
                Descriptors.SpecCompleteness,
                location,
                $"The mirror of '{declaration.FullName}' has {type.TypeParameters.Length} type parameters but the Lean "
                + $"{declaration.Keyword} has {universes} explicit Type binders");
        }

        foreach (LeanBinder binder in declaration.ExplicitValueBinders)
        {
            if (!HasPublicMember(type, Pascal(binder.Name)))
            {
                yield return Diagnostic.Create(
                    Descriptors.SpecCompleteness,
                    location,
                    $"The mirror of '{declaration.FullName}' has no public member '{Pascal(binder.Name)}' for the Lean binder '{binder.Name}'");
            }
        }

        foreach (LeanBinder field in declaration.Fields)
        {
            if (!HasPublicMember(type, Pascal(field.Name)))
            {
                yield return Diagnostic.Create(
                    Descriptors.SpecCompleteness,
                    location,
                    $"The mirror of '{declaration.FullName}' has no public member '{Pascal(field.Name)}' for the Lean field '{field.Name}'");
            }
        }
    }

    private static Diagnostic KindMismatch(ISymbol mirror, LeanDeclaration declaration) =>
        Diagnostic.Create(
            Descriptors.SpecCompleteness,
            mirror.Locations.FirstOrDefault(),
            declaration.IsTypeLevel
                ? $"'{declaration.FullName}' is a Lean {declaration.Keyword}: its mirror must be a class or struct, not a method"
                : $"'{declaration.FullName}' is a Lean {declaration.Keyword}: its mirror must be a method, not a type");

    private static bool HasPublicMember(INamedTypeSymbol type, string name) =>
        type.GetMembers(name).Any(m => m.DeclaredAccessibility == Accessibility.Public);

    private static string Pascal(string name) =>
        name.Length == 0 ? name : char.ToUpper(name[0], CultureInfo.InvariantCulture) + name.Substring(1);
}

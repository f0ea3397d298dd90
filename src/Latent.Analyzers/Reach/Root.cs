using Microsoft.CodeAnalysis;

namespace Latent.Analyzers.Reach;

/// <summary>Why a member is checked at all: a mirror, a member of a structure mirror, an [AllocatesResult] form, a context member.</summary>
internal enum RootKind
{
    Mirror,
    MirrorTypeMember,
    AllocatesResult,
    ContextMember,
}

/// <summary>A member the rules check directly; everything it reaches in the same compilation is checked on its behalf.</summary>
internal sealed class Root
{
    public Root(ISymbol symbol, RootKind kind, string description)
    {
        Symbol = symbol;
        Kind = kind;
        Description = description;
    }

    public ISymbol Symbol { get; }

    public RootKind Kind { get; }

    /// <summary>How messages name the root, for example <c>the mirror of 'Generative.Latent.expTensor'</c>.</summary>
    public string Description { get; }

    /// <summary>Where a finding is: in the root itself, or in a member reached from it.</summary>
    public string Phrase(ISymbol node) =>
        SymbolEqualityComparer.Default.Equals(node, Symbol)
            ? "in " + Description
            : "in " + Display(node) + ", reached from " + Description;

    public static string Display(ISymbol node) => node switch
    {
        INamedTypeSymbol type => $"the static initialization of '{type.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat)}'",
        IFieldSymbol or IPropertySymbol => $"the initializer of '{node.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat)}'",
        _ => $"'{node.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat)}'",
    };
}

using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace Latent.Analyzers.Library;

/// <summary>
/// The marker attributes of the library under analysis, resolved once per compilation, and the questions the rules ask
/// about a symbol: is it a mirror, is it marked pure, may it allocate its result, is it the destination span.
/// </summary>
internal sealed class LibrarySymbols
{
    private readonly INamedTypeSymbol _mirrors;
    private readonly INamedTypeSymbol? _specVariant;
    private readonly INamedTypeSymbol? _allocatesResult;
    private readonly INamedTypeSymbol? _context;
    private readonly INamedTypeSymbol? _pure;
    private readonly INamedTypeSymbol? _doesNotReturn;
    private readonly INamedTypeSymbol? _tensorOf;
    private readonly INamedTypeSymbol? _fin;
    private readonly INamedTypeSymbol? _codebookOf;
    private readonly INamedTypeSymbol? _enforcesContract;

    private LibrarySymbols(Compilation compilation, INamedTypeSymbol mirrors)
    {
        Compilation = compilation;
        _mirrors = mirrors;
        _specVariant = compilation.GetTypeByMetadataName(LibraryNames.SpecVariantAttribute);
        _allocatesResult = compilation.GetTypeByMetadataName(LibraryNames.AllocatesResultAttribute);
        _context = compilation.GetTypeByMetadataName(LibraryNames.ContextInterface);
        _pure = compilation.GetTypeByMetadataName(LibraryNames.PureAttribute);
        _doesNotReturn = compilation.GetTypeByMetadataName(LibraryNames.DoesNotReturnAttribute);
        _tensorOf = compilation.GetTypeByMetadataName(LibraryNames.TensorOfAttribute);
        _fin = compilation.GetTypeByMetadataName(LibraryNames.FinAttribute);
        _codebookOf = compilation.GetTypeByMetadataName(LibraryNames.CodebookOfAttribute);
        _enforcesContract = compilation.GetTypeByMetadataName(LibraryNames.EnforcesContractAttribute);
    }

    public Compilation Compilation { get; }

    /// <summary>The symbols of a compilation that can see <c>Latent.MirrorsAttribute</c>; null where there is nothing to check.</summary>
    public static LibrarySymbols? TryCreate(Compilation compilation)
    {
        INamedTypeSymbol? mirrors = compilation.GetTypeByMetadataName(LibraryNames.MirrorsAttribute);
        return mirrors is null ? null : new LibrarySymbols(compilation, mirrors);
    }

    /// <summary>The Lean name in the symbol's own <c>[Mirrors]</c>, or null when it has none (or a non-constant one).</summary>
    public string? MirroredName(ISymbol symbol) => MirrorsAttributeOf(symbol)?.ConstructorArguments.FirstOrDefault().Value as string;

    public AttributeData? MirrorsAttributeOf(ISymbol symbol) => Find(symbol, _mirrors);

    public bool IsMirror(ISymbol symbol) => MirrorsAttributeOf(symbol) is not null;

    /// <summary>A member of a type that mirrors a Lean structure (its constructor, accessors and field-mirroring methods).</summary>
    public bool IsMemberOfMirrorType(ISymbol symbol)
    {
        for (INamedTypeSymbol? type = symbol.ContainingType; type is not null; type = type.ContainingType)
        {
            if (IsMirror(type))
            {
                return true;
            }
        }

        return false;
    }

    public bool IsSpecVariant(IParameterSymbol parameter) => Find(parameter, _specVariant) is not null;

    /// <summary>
    /// The Lean binder type a parameter's contract attribute states, as Lean would write it (<c>Tensor α latent</c>,
    /// <c>Fin numCodes</c>, <c>Codebook α numCodes latent</c>), or null when it carries none.
    /// </summary>
    public string? ContractOf(IParameterSymbol parameter)
    {
        if (Find(parameter, _tensorOf) is { } tensor)
        {
            return "Tensor α " + Argument(tensor, 0);
        }

        if (Find(parameter, _fin) is { } fin)
        {
            return "Fin " + Argument(fin, 0);
        }

        return Find(parameter, _codebookOf) is { } book ? "Codebook α " + Argument(book, 0) + " " + Argument(book, 1) : null;
    }

    /// <summary>The kind (<c>ContractKind</c> value) of an <c>[EnforcesContract]</c> guard, or null when the method is none.</summary>
    public int? GuardKind(IMethodSymbol method) =>
        Find(method.OriginalDefinition, _enforcesContract)?.ConstructorArguments.FirstOrDefault().Value as int?;

    private static string Argument(AttributeData data, int index) =>
        data.ConstructorArguments.Length > index ? data.ConstructorArguments[index].Value as string ?? "?" : "?";

    /// <summary>Marked <c>[AllocatesResult]</c>: may allocate its result and nothing else.</summary>
    public bool AllocatesResult(ISymbol symbol) => Find(symbol, _allocatesResult) is not null;

    /// <summary>Marked <c>[DoesNotReturn]</c>: an exception path, where building the exception may allocate.</summary>
    public bool DoesNotReturn(ISymbol symbol) => Find(symbol, _doesNotReturn) is not null;

    /// <summary>
    /// Marked <c>[System.Diagnostics.Contracts.Pure]</c> by the library: on the member, on the property an accessor belongs
    /// to, or on a containing type (a <c>[Pure]</c> class declares all its members pure). The rules still check the body.
    /// </summary>
    public bool IsMarkedPure(ISymbol symbol)
    {
        if (_pure is null)
        {
            return false;
        }

        if (Find(symbol, _pure) is not null)
        {
            return true;
        }

        if (symbol is IMethodSymbol { AssociatedSymbol: { } property } && Find(property, _pure) is not null)
        {
            return true;
        }

        for (INamedTypeSymbol? type = symbol.ContainingType; type is not null; type = type.ContainingType)
        {
            if (Find(type, _pure) is not null)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>An interface member that a kernel reaches through its <c>TContext</c> type parameter (Lean's <c>[Context α]</c>).</summary>
    public bool IsContextMember(ISymbol symbol) =>
        _context is not null
        && symbol.ContainingType is { TypeKind: TypeKind.Interface } type
        && SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, _context);

    /// <summary>Does the type implement the context interface (so its members are checked as roots of their own)?</summary>
    public bool ImplementsContext(INamedTypeSymbol type) =>
        _context is not null && type.AllInterfaces.Any(i => SymbolEqualityComparer.Default.Equals(i.OriginalDefinition, _context));

    /// <summary>The members of source types that implement the context interface: every kernel can reach them.</summary>
    public IEnumerable<ISymbol> ContextImplementations(INamedTypeSymbol type)
    {
        if (_context is null)
        {
            yield break;
        }

        foreach (INamedTypeSymbol implemented in type.AllInterfaces)
        {
            if (!SymbolEqualityComparer.Default.Equals(implemented.OriginalDefinition, _context))
            {
                continue;
            }

            foreach (ISymbol member in implemented.GetMembers())
            {
                ISymbol? implementation = type.FindImplementationForInterfaceMember(member);
                if (implementation is not null && IsInSource(implementation))
                {
                    yield return implementation;
                }
            }
        }
    }

    /// <summary>Declared in the compilation being analyzed (not referenced from metadata).</summary>
    public bool IsInSource(ISymbol symbol) =>
        SymbolEqualityComparer.Default.Equals(symbol.ContainingAssembly, Compilation.Assembly);

    /// <summary>The output span of a kernel: a <c>Span&lt;T&gt;</c> parameter named <c>destination</c>.</summary>
    public static bool IsDestination(IParameterSymbol parameter) =>
        parameter.Name == LibraryNames.DestinationParameter
        && parameter.Type is INamedTypeSymbol { Name: "Span", Arity: 1, ContainingNamespace.Name: "System" };

    private static AttributeData? Find(ISymbol symbol, INamedTypeSymbol? attribute)
    {
        if (attribute is null)
        {
            return null;
        }

        ImmutableArray<AttributeData> attributes = symbol.GetAttributes();
        foreach (AttributeData data in attributes)
        {
            if (SymbolEqualityComparer.Default.Equals(data.AttributeClass, attribute))
            {
                return data;
            }
        }

        if (symbol is IMethodSymbol method && method.PartialImplementationPart is { } implementation)
        {
            return Find(implementation, attribute);
        }

        return null;
    }
}

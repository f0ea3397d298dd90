using Microsoft.CodeAnalysis;

namespace Latent.Analyzers.Knowledge;

/// <summary>
/// Conversions between floating-point formats (float, double, Half, decimal, NFloat), which round where the spec does not:
/// <c>(float)Math.Exp(x)</c> rounds twice, <c>MathF.Exp(x)</c> once.
/// </summary>
internal static class FloatingFormats
{
    public static bool IsFloating(ITypeSymbol? type) =>
        type is not null
        && (type.SpecialType is SpecialType.System_Single or SpecialType.System_Double or SpecialType.System_Decimal
            || (type is INamedTypeSymbol { Name: "Half" or "NFloat" } named
                && named.ContainingNamespace?.ToDisplayString() is "System" or "System.Runtime.InteropServices"));

    /// <summary>
    /// A conversion between two different formats, where a type parameter counts as "some format": in generic code
    /// <c>T.CreateChecked(0.5)</c> converts a double to whatever <c>T</c> is.
    /// </summary>
    public static bool ChangesFormat(ITypeSymbol? source, ITypeSymbol? target)
    {
        if (source is null || target is null || SymbolEqualityComparer.Default.Equals(source, target))
        {
            return false;
        }

        bool sourceMaybeFloating = IsFloating(source) || source.TypeKind == TypeKind.TypeParameter;
        bool targetMaybeFloating = IsFloating(target) || target.TypeKind == TypeKind.TypeParameter;
        return sourceMaybeFloating && targetMaybeFloating && (IsFloating(source) || IsFloating(target) || source.TypeKind == target.TypeKind);
    }

    /// <summary>
    /// <c>INumberBase.CreateChecked/CreateSaturating/CreateTruncating</c> and <c>Convert.ToSingle/ToDouble</c>, when they
    /// convert between formats: returns the source and target types, or null when the call is no such conversion.
    /// </summary>
    public static (ITypeSymbol Source, ITypeSymbol Target)? ConversionCall(IMethodSymbol method)
    {
        if (method.Name is "CreateChecked" or "CreateSaturating" or "CreateTruncating" && method.TypeArguments.Length == 1)
        {
            ITypeSymbol source = method.TypeArguments[0];
            ITypeSymbol? target = method.ContainingType is { TypeKind: TypeKind.Interface, TypeArguments.Length: > 0 } generic
                ? generic.TypeArguments[0]
                : method.ContainingType;
            return target is not null && ChangesFormat(source, target) ? (source, target) : null;
        }

        if (method.ContainingType?.ToDisplayString() == "System.Convert" && method.Name is "ToSingle" or "ToDouble" or "ToDecimal"
            && method.Parameters.Length >= 1 && ChangesFormat(method.Parameters[0].Type, method.ReturnType))
        {
            return (method.Parameters[0].Type, method.ReturnType);
        }

        return null;
    }
}

using Latent.Analyzers.Library;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Latent.Analyzers.Reach;

/// <summary>The body being inspected and the facts about its owner that the rules need.</summary>
internal sealed class BodyScope
{
    public BodyScope(ISymbol owner, LibrarySymbols library, AnalyzerConfigOptions options)
    {
        Owner = owner;
        Library = library;
        Options = options;
        DoesNotReturn = library.DoesNotReturn(owner);
        IsInstanceConstructor = owner is IMethodSymbol { MethodKind: MethodKind.Constructor };
        MayAllocateResult = library.AllocatesResult(owner) || (IsInstanceConstructor && library.IsMirror(owner.ContainingType));
        ResultType = owner is IMethodSymbol method ? method.ReturnType : null;
    }

    public ISymbol Owner { get; }

    public LibrarySymbols Library { get; }

    /// <summary>The .editorconfig / .globalconfig options of the body's file.</summary>
    public AnalyzerConfigOptions Options { get; }

    /// <summary>A <c>[DoesNotReturn]</c> method: all of it is an exception path.</summary>
    public bool DoesNotReturn { get; }

    public bool IsInstanceConstructor { get; }

    /// <summary>An <c>[AllocatesResult]</c> member, or the constructor of a structure mirror (which must copy its storage).</summary>
    public bool MayAllocateResult { get; }

    public ITypeSymbol? ResultType { get; }

    /// <summary>Is the operation part of building or throwing an exception?</summary>
    public bool IsExceptionPath(IOperation operation) => DoesNotReturn || Operations.IsInsideThrow(operation);
}

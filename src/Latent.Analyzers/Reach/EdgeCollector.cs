using System.Collections.Generic;
using Latent.Analyzers.Library;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Latent.Analyzers.Reach;

/// <summary>
/// Finds, in one body, the members of the same compilation that it calls, constructs, reads through accessors or
/// converts through operators: the bodies the rules must follow. Local functions and lambdas are part of the body itself.
/// </summary>
internal static class EdgeCollector
{
    public static void Collect(BodyScope scope, IOperation operation, List<Edge> edges)
    {
        LibrarySymbols library = scope.Library;
        bool exempt = scope.IsExceptionPath(operation);
        if (operation is IFieldReferenceOperation { Field: { IsStatic: true, ContainingType: { } fieldOwner } })
        {
            // Reading a static field runs no method of its own, but the type's static initialization, once per process.
            if (library.IsInSource(fieldOwner))
            {
                edges.Add(new Edge(fieldOwner.OriginalDefinition, allocationExempt: true));
            }

            return;
        }

        foreach (ISymbol callee in Callees(operation))
        {
            if (!library.IsInSource(callee) || callee is IMethodSymbol { MethodKind: MethodKind.LocalFunction })
            {
                continue;
            }

            if (library.IsContextMember(callee))
            {
                // TContext.Exp(x): the implementations of the context are checked as roots of their own.
                continue;
            }

            edges.Add(new Edge(Operations.Normalize(callee), exempt));
            if (callee.IsStatic && callee.ContainingType is { } type && library.IsInSource(type))
            {
                // Using a static member runs the type's static initialization first, once per process.
                edges.Add(new Edge(type.OriginalDefinition, allocationExempt: true));
            }
        }
    }

    /// <summary>The methods an operation runs (a property use runs its getter, its setter, or both).</summary>
    private static IEnumerable<ISymbol> Callees(IOperation operation)
    {
        switch (operation)
        {
            case IPropertyReferenceOperation property:
                if (Operations.IsRead(property) && property.Property.GetMethod is { } getter)
                {
                    yield return getter;
                }

                if (Operations.IsWritten(property) && property.Property.SetMethod is { } setter)
                {
                    yield return setter;
                }

                break;
            case IFieldReferenceOperation:
            case IEventReferenceOperation:
                break;
            default:
                if (Operations.ReferencedMember(operation) is IMethodSymbol method)
                {
                    yield return method;
                }

                break;
        }
    }
}

using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Latent.Analyzers.Reach;

/// <summary>Small questions about operations that several rules ask.</summary>
internal static class Operations
{
    public static bool IsInsideThrow(IOperation operation)
    {
        for (IOperation? current = operation; current is not null; current = current.Parent)
        {
            if (current is IThrowOperation)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The member an operation uses: the called method, the constructor, the property, field or event, the operator.</summary>
    public static ISymbol? ReferencedMember(IOperation operation) => operation switch
    {
        IInvocationOperation invocation => invocation.TargetMethod,
        IObjectCreationOperation creation => creation.Constructor,
        IPropertyReferenceOperation property => property.Property,
        IFieldReferenceOperation field => field.Field,
        IMethodReferenceOperation method => method.Method,
        IEventReferenceOperation @event => @event.Event,
        IBinaryOperation binary => binary.OperatorMethod,
        IUnaryOperation unary => unary.OperatorMethod,
        IIncrementOrDecrementOperation increment => increment.OperatorMethod,
        ICompoundAssignmentOperation compound => compound.OperatorMethod,
        IConversionOperation conversion => conversion.OperatorMethod,
        _ => null,
    };

    /// <summary>
    /// The definition that runs: the original (not constructed) definition, the implementation part of a partial method,
    /// the static form of a reduced extension method.
    /// </summary>
    public static ISymbol Normalize(ISymbol symbol)
    {
        if (symbol is IMethodSymbol method)
        {
            method = method.ReducedFrom ?? method;
            method = method.OriginalDefinition;
            return method.PartialImplementationPart ?? method;
        }

        return symbol.OriginalDefinition;
    }

    /// <summary>Is the operation the target of an assignment (so a property use calls its setter)?</summary>
    public static bool IsWritten(IOperation operation) => operation.Parent switch
    {
        ISimpleAssignmentOperation assignment => assignment.Target == operation,
        ICompoundAssignmentOperation compound => compound.Target == operation,
        ICoalesceAssignmentOperation coalesce => coalesce.Target == operation,
        IIncrementOrDecrementOperation increment => increment.Target == operation,
        IDeconstructionAssignmentOperation => true,
        ITupleOperation tuple => IsWritten(tuple),
        _ => false,
    };

    /// <summary>Is the operation read too (a compound assignment or increment both reads and writes)?</summary>
    public static bool IsRead(IOperation operation) => operation.Parent switch
    {
        ISimpleAssignmentOperation assignment => assignment.Target != operation,
        IDeconstructionAssignmentOperation => false,
        _ => true,
    };
}

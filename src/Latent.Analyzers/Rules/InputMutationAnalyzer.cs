using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Latent.Analyzers.Knowledge;
using Latent.Analyzers.Library;
using Latent.Analyzers.Reach;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Latent.Analyzers.Rules;

/// <summary>
/// LAT0004: mirror code writes only its destination span. It reports writes through any other parameter (or through
/// <c>this</c> outside a constructor), mirrors that take inputs as writable spans, arrays or by <c>ref</c>, and
/// <c>MemoryMarshal</c>, <c>Unsafe</c>, pointers and unsafe code, which could get around read-only inputs.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class InputMutationAnalyzer : MirrorBodyAnalyzer
{
    /// <summary>The diagnostic property a code fix reads: the read-only type the parameter should have.</summary>
    public const string ReadOnlyTypeProperty = "ReadOnlyType";

    private protected override DiagnosticDescriptor Rule => Descriptors.InputMutation;

    private protected override void Inspect(BodyScope scope, IOperation operation, List<Finding> findings)
    {
        if (Operations.ReferencedMember(operation) is { } member
            && !scope.Library.IsInSource(member)
            && KnownMembers.Classify(member) == MemberVerdict.UnsafeMemory)
        {
            findings.Add(new Finding(
                operation.Syntax.GetLocation(),
                $"'{KnownMembers.Display(member)}' reaches raw memory, which can get around read-only inputs"));
            return;
        }

        foreach (IOperation written in WrittenOperands(operation))
        {
            if (WriteThroughInput(scope, written) is { } text)
            {
                findings.Add(new Finding(written.Syntax.GetLocation(), text));
            }
        }
    }

    private protected override void InspectSyntax(BodyScope scope, SyntaxNode body, SemanticModel model, List<Finding> findings)
    {
        foreach (SyntaxNode node in body.DescendantNodesAndSelf())
        {
            string? text = node switch
            {
                UnsafeStatementSyntax => "Uses an unsafe block",
                FixedStatementSyntax => "Pins memory with 'fixed'",
                PointerTypeSyntax pointer => $"Uses the pointer type '{pointer}'",
                FunctionPointerTypeSyntax => "Uses a function pointer",
                PrefixUnaryExpressionSyntax unary when unary.IsKind(SyntaxKind.PointerIndirectionExpression) => "Dereferences a pointer",
                PrefixUnaryExpressionSyntax unary when unary.IsKind(SyntaxKind.AddressOfExpression) => "Takes an address with '&'",
                MemberAccessExpressionSyntax access when access.IsKind(SyntaxKind.PointerMemberAccessExpression) => "Dereferences a pointer",
                _ => null,
            };
            if (text is not null)
            {
                findings.Add(new Finding(node.GetLocation(), text));
            }

            SyntaxTokenList modifiers = node switch
            {
                MemberDeclarationSyntax declaration => declaration.Modifiers,
                LocalFunctionStatementSyntax local => local.Modifiers,
                _ => default,
            };
            SyntaxToken unsafeModifier = modifiers.FirstOrDefault(m => m.IsKind(SyntaxKind.UnsafeKeyword));
            if (unsafeModifier.IsKind(SyntaxKind.UnsafeKeyword))
            {
                findings.Add(new Finding(unsafeModifier.GetLocation(), "Is declared unsafe"));
            }
        }
    }

    /// <summary>A mirror's inputs are read-only: every parameter but the destination span is checked.</summary>
    private protected override IEnumerable<Finding> InspectRoot(Root root, LibrarySymbols library)
    {
        if (root.Kind != RootKind.Mirror || root.Symbol is not IMethodSymbol method)
        {
            yield break;
        }

        foreach (IParameterSymbol parameter in method.Parameters.Where(p => !LibrarySymbols.IsDestination(p)))
        {
            (string? text, string? readOnlyType) = WritableInput(parameter);
            if (text is null)
            {
                continue;
            }

            Location location = parameter.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax() is ParameterSyntax { Type: { } type }
                ? type.GetLocation()
                : parameter.Locations.FirstOrDefault() ?? Location.None;
            ImmutableDictionary<string, string?>? properties = readOnlyType is null
                ? null
                : ImmutableDictionary<string, string?>.Empty.Add(ReadOnlyTypeProperty, readOnlyType);
            yield return new Finding(location, text, properties: properties);
        }
    }

    private static (string? Text, string? ReadOnlyType) WritableInput(IParameterSymbol parameter)
    {
        string name = parameter.Name;
        if (parameter.RefKind == RefKind.Ref)
        {
            return ($"Takes input '{name}' by ref; take it by value or with 'in'", null);
        }

        return parameter.Type switch
        {
            INamedTypeSymbol { Name: "Span", Arity: 1, ContainingNamespace.Name: "System" } span =>
                ($"Takes input '{name}' as a writable Span<T>; inputs are ReadOnlySpan<T> (only 'destination' is writable)", "ReadOnlySpan"),
            INamedTypeSymbol { Name: "Memory", Arity: 1, ContainingNamespace.Name: "System" } =>
                ($"Takes input '{name}' as a writable Memory<T>; take ReadOnlyMemory<T>", "ReadOnlyMemory"),
            IArrayTypeSymbol =>
                ($"Takes input '{name}' as a writable array; take ReadOnlySpan<T>", "ReadOnlySpan"),
            IPointerTypeSymbol or IFunctionPointerTypeSymbol =>
                ($"Takes input '{name}' as a pointer", null),
            _ => (null, null),
        };
    }

    /// <summary>The operands an operation writes: assignment targets, ref/out arguments, and the spans that span methods fill.</summary>
    private static IEnumerable<IOperation> WrittenOperands(IOperation operation)
    {
        switch (operation)
        {
            case ISimpleAssignmentOperation assignment:
                yield return assignment.Target;
                break;
            case ICompoundAssignmentOperation compound:
                yield return compound.Target;
                break;
            case ICoalesceAssignmentOperation coalesce:
                yield return coalesce.Target;
                break;
            case IIncrementOrDecrementOperation increment:
                yield return increment.Target;
                break;
            case IDeconstructionAssignmentOperation { Target: ITupleOperation tuple }:
                foreach (IOperation element in tuple.Elements)
                {
                    yield return element;
                }

                break;
            case IArgumentOperation { Parameter.RefKind: RefKind.Ref or RefKind.Out } argument:
                yield return argument.Value;
                break;
            case IInvocationOperation invocation when SpanWrite(invocation) is { } target:
                yield return target;
                break;
        }
    }

    /// <summary><c>CopyTo</c>/<c>TryCopyTo</c> write their destination argument; <c>Fill</c>, <c>Clear</c>, <c>Reverse</c>, <c>Sort</c> their receiver.</summary>
    private static IOperation? SpanWrite(IInvocationOperation invocation)
    {
        IMethodSymbol method = invocation.TargetMethod;
        switch (method.Name)
        {
            case "CopyTo" or "TryCopyTo":
                return invocation.Arguments.FirstOrDefault(a => a.Parameter?.Name == "destination")?.Value;
            case "Fill" or "Clear" or "Reverse" or "Sort":
                return invocation.Instance ?? invocation.Arguments.FirstOrDefault()?.Value;
            default:
                return null;
        }
    }

    private static string? WriteThroughInput(BodyScope scope, IOperation written)
    {
        switch (WrittenRoot(written))
        {
            case IParameterReferenceOperation { Parameter: var parameter } reference:
                bool direct = reference == written;
                bool reachesCaller = parameter.RefKind == RefKind.Ref
                    || (!direct && (parameter.Type.IsReferenceType || parameter.Type.IsRefLikeType || parameter.Type.TypeKind == TypeKind.Array));
                if (!reachesCaller || parameter.RefKind == RefKind.Out || LibrarySymbols.IsDestination(parameter))
                {
                    return null;
                }

                return $"Writes through parameter '{parameter.Name}', an input; only the destination span may be written";
            case IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance } when !scope.IsInstanceConstructor:
                return "Writes to the state of 'this' outside a constructor";
            default:
                return null;
        }
    }

    /// <summary>The parameter or <c>this</c> whose memory a write lands in, following indexers, fields, slices and conversions.</summary>
    private static IOperation? WrittenRoot(IOperation? operation) => operation switch
    {
        IParameterReferenceOperation or IInstanceReferenceOperation => operation,
        IArrayElementReferenceOperation element => WrittenRoot(element.ArrayReference),
        IPropertyReferenceOperation { Instance: { } instance } => WrittenRoot(instance),
        IFieldReferenceOperation { Instance: { } instance } => WrittenRoot(instance),
        IInlineArrayAccessOperation inline => WrittenRoot(inline.Instance),
        IConversionOperation conversion => WrittenRoot(conversion.Operand),
        IInvocationOperation invocation => WrittenRoot(invocation.Instance ?? invocation.Arguments.FirstOrDefault()?.Value),
        _ => null,
    };
}

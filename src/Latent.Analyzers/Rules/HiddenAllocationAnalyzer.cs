using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Latent.Analyzers.Knowledge;
using Latent.Analyzers.Reach;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Latent.Analyzers.Rules;

/// <summary>
/// LAT0005: kernels allocate nothing. It reports arrays, reference-type objects, collection expressions, LINQ, lambdas and
/// delegates, boxing, string building, <c>params</c> arrays, enumeration through interfaces and <c>stackalloc</c> beyond a
/// small constant bound. Exception paths (<c>throw</c>, <c>[DoesNotReturn]</c>) and static initialization may allocate; an
/// <c>[AllocatesResult]</c> member (and a structure mirror's constructor) may allocate one result buffer and objects of
/// its return type.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class HiddenAllocationAnalyzer : MirrorBodyAnalyzer
{
    /// <summary>The .editorconfig key that sets the largest constant <c>stackalloc</c> length, in elements.</summary>
    public const string StackAllocBoundKey = "latent_analyzers.max_stackalloc_elements";

    /// <summary>The bound when the key is absent: 64 elements (512 bytes of <c>double</c>).</summary>
    public const int DefaultStackAllocBound = 64;

    private protected override DiagnosticDescriptor Rule => Descriptors.HiddenAllocation;

    private protected override bool ExemptOnExceptionPaths => true;

    private protected override void Inspect(BodyScope scope, IOperation operation, List<Finding> findings)
    {
        if (scope.IsExceptionPath(operation))
        {
            return;
        }

        Finding? finding = operation switch
        {
            IArrayCreationOperation { IsImplicit: true, Parent: IArgumentOperation { ArgumentKind: ArgumentKind.ParamArray } } => null,
            IArrayCreationOperation array => Buffer(operation, $"Allocates an array of '{Name(array.Type)}'"),
            ICollectionExpressionOperation collection => CollectionExpression(collection),
            IObjectCreationOperation creation => ObjectCreation(scope, creation),
            ITypeParameterObjectCreationOperation { Type: ITypeParameterSymbol { HasValueTypeConstraint: false } type } =>
                At(operation, $"'new {type.Name}()' allocates when '{type.Name}' is a reference type"),
            IAnonymousObjectCreationOperation => At(operation, "Allocates an anonymous object"),
            IDelegateCreationOperation { Target: IAnonymousFunctionOperation } => At(operation, "Creates a lambda: a delegate, and a closure when it captures"),
            IDelegateCreationOperation => At(operation, "Creates a delegate from a method group"),
            IConversionOperation conversion when IsBoxing(conversion) =>
                At(operation, $"Boxes '{Name(conversion.Operand.Type)}' into '{Name(conversion.Type)}'"),
            IBinaryOperation { OperatorKind: BinaryOperatorKind.Add, Type.SpecialType: SpecialType.System_String, ConstantValue.HasValue: false } =>
                At(operation, "Builds a string by concatenation"),
            IInterpolatedStringOperation { ConstantValue.HasValue: false } => At(operation, "Builds an interpolated string"),
            IArgumentOperation { ArgumentKind: ArgumentKind.ParamArray, Parameter.Type: IArrayTypeSymbol, Parent: { } call } =>
                At(call, $"Passes a params array to '{Operations.ReferencedMember(call)?.Name}'"),
            IForEachLoopOperation loop when CollectionType(loop) is { TypeKind: TypeKind.Interface } collectionType =>
                At(loop.Collection, $"Enumerates through the interface '{Name(collectionType)}', which allocates an enumerator"),
            _ => AllocatingMember(scope, operation),
        };
        if (finding is not null)
        {
            findings.Add(finding);
        }
    }

    private protected override void InspectSyntax(BodyScope scope, SyntaxNode body, SemanticModel model, List<Finding> findings)
    {
        if (scope.DoesNotReturn)
        {
            return;
        }

        int bound = StackAllocBound(scope);
        foreach (SyntaxNode node in body.DescendantNodes())
        {
            ExpressionSyntax? length = node switch
            {
                StackAllocArrayCreationExpressionSyntax { Type: ArrayTypeSyntax array } => array.RankSpecifiers.FirstOrDefault()?.Sizes.FirstOrDefault(),
                _ => null,
            };
            int? count = node switch
            {
                StackAllocArrayCreationExpressionSyntax { Initializer: { } initializer } => initializer.Expressions.Count,
                ImplicitStackAllocArrayCreationExpressionSyntax implicitArray => implicitArray.Initializer.Expressions.Count,
                _ when length is not null && model.GetConstantValue(length) is { HasValue: true, Value: int constant } => constant,
                _ => null,
            };
            if (node is not (StackAllocArrayCreationExpressionSyntax or ImplicitStackAllocArrayCreationExpressionSyntax))
            {
                continue;
            }

            if (count is null)
            {
                findings.Add(new Finding(node.GetLocation(), $"'stackalloc' with a length that is not a compile-time constant (the bound is {bound} elements, {StackAllocBoundKey})"));
            }
            else if (count > bound)
            {
                findings.Add(new Finding(node.GetLocation(), $"'stackalloc' of {count} elements, more than the bound of {bound} ({StackAllocBoundKey})"));
            }
        }
    }

    /// <summary>An <c>[AllocatesResult]</c> member may allocate one buffer, its result: the first one is not reported.</summary>
    private protected override void CompleteBody(BodyScope scope, List<Finding> findings)
    {
        if (scope.Owner is IMethodSymbol { IsIterator: true } iterator)
        {
            findings.Add(new Finding(iterator.Locations.FirstOrDefault() ?? Location.None, "Is an iterator, which allocates its enumerator"));
        }

        if (scope.MayAllocateResult && findings.Where(f => f.IsBufferAllocation).OrderBy(f => f.Location.SourceSpan.Start).FirstOrDefault() is { } result)
        {
            findings.Remove(result);
        }
    }

    private static Finding? CollectionExpression(ICollectionExpressionOperation collection)
    {
        bool spread = collection.Elements.Any(e => e is ISpreadOperation);
        if (collection.Type is INamedTypeSymbol { Name: "Span" or "ReadOnlySpan", ContainingNamespace.Name: "System" } && !spread)
        {
            // A span collection expression of fixed length lives on the stack or in the assembly's data.
            return null;
        }

        return collection.Type is IArrayTypeSymbol
            ? Buffer(collection, "Allocates an array through a collection expression")
            : At(collection, $"Builds a collection of type '{Name(collection.Type)}'");
    }

    private static Finding? ObjectCreation(BodyScope scope, IObjectCreationOperation creation)
    {
        if (creation.Type is not { IsReferenceType: true } type)
        {
            return null;
        }

        if (creation.Constructor is { } constructor && !scope.Library.IsInSource(constructor) && !IsAllocationVerdict(KnownMembers.Classify(constructor)))
        {
            // Random, FileStream, Thread…: the rule that owns that verdict reports it.
            return null;
        }

        if (scope.MayAllocateResult && SymbolEqualityComparer.Default.Equals(type, scope.ResultType))
        {
            return null;
        }

        return At(creation, $"Allocates a '{Name(type)}'");
    }

    private static Finding? AllocatingMember(BodyScope scope, IOperation operation)
    {
        if (operation is IObjectCreationOperation
            || Operations.ReferencedMember(operation) is not { } member
            || scope.Library.IsInSource(member)
            || KnownMembers.Classify(member) != MemberVerdict.PureAllocating)
        {
            return null;
        }

        string display = KnownMembers.Display(member);
        if (member.Name is "ToArray" or "Clone")
        {
            return Buffer(operation, $"'{display}' copies into a new array");
        }

        return member.ContainingNamespace?.ToDisplayString() == "System.Linq"
            ? At(operation, $"'{display}' is LINQ, which allocates enumerators and delegates")
            : At(operation, $"'{display}' allocates (it builds a string or an object)");
    }

    private static bool IsAllocationVerdict(MemberVerdict verdict) =>
        verdict is MemberVerdict.Pure or MemberVerdict.PureAllocating or MemberVerdict.NotAllowListed;

    private static bool IsBoxing(IConversionOperation conversion) =>
        conversion.OperatorMethod is null
        && conversion.Type is { IsReferenceType: true }
        && conversion.Operand.Type is { } source
        && (source.IsValueType || (source is ITypeParameterSymbol && !source.IsReferenceType));

    private static ITypeSymbol? CollectionType(IForEachLoopOperation loop) =>
        loop.Collection is IConversionOperation { IsImplicit: true } conversion ? conversion.Operand.Type : loop.Collection.Type;

    private static int StackAllocBound(BodyScope scope) =>
        scope.Options.TryGetValue(StackAllocBoundKey, out string? text)
        && int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int bound)
            ? bound
            : DefaultStackAllocBound;

    private static Finding At(IOperation operation, string text) => new(operation.Syntax.GetLocation(), text);

    private static Finding Buffer(IOperation operation, string text) => new(operation.Syntax.GetLocation(), text, isBufferAllocation: true);

    private static string Name(ITypeSymbol? type) => type?.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat) ?? "?";
}

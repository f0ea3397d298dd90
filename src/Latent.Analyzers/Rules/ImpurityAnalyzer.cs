using System.Collections.Generic;
using System.Linq;
using Latent.Analyzers.Knowledge;
using Latent.Analyzers.Library;
using Latent.Analyzers.Reach;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Latent.Analyzers.Rules;

/// <summary>
/// LAT0003: mirror code is pure. It reports mutable static state (non-readonly static fields, static auto-properties with
/// setters, the contents of static readonly arrays), I/O, the process environment, reflection, threading and locks,
/// dynamic and virtual dispatch, delegate calls, native code, and calls to members that are neither mirrors, nor marked
/// pure by the library, nor on the analyzer's allow-list of pure BCL members.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ImpurityAnalyzer : MirrorBodyAnalyzer
{
    private protected override DiagnosticDescriptor Rule => Descriptors.Impurity;

    private protected override void Inspect(BodyScope scope, IOperation operation, List<Finding> findings)
    {
        string? text = operation switch
        {
            ILockOperation => "Takes a lock",
            IAwaitOperation => "Awaits a task",
            IDynamicInvocationOperation or IDynamicMemberReferenceOperation or IDynamicObjectCreationOperation or IDynamicIndexerAccessOperation =>
                "Uses dynamic dispatch",
            IEventReferenceOperation reference => $"Uses the event '{Display(reference.Event)}'",
            IFieldReferenceOperation field => StaticField(field),
            IPropertyReferenceOperation property => StaticAutoProperty(scope.Library, property) ?? PropertyAccessors(scope.Library, property),
            IInvocationOperation { TargetMethod.MethodKind: MethodKind.DelegateInvoke } => "Invokes a delegate, whose target is not known at compile time",
            IMethodReferenceOperation => null,
            _ => Operations.ReferencedMember(operation) is { } member ? Call(scope.Library, operation, member) : null,
        };
        if (text is not null)
        {
            findings.Add(new Finding(operation.Syntax.GetLocation(), text));
        }
    }

    private protected override void CompleteBody(BodyScope scope, List<Finding> findings)
    {
        if (scope.Owner is IMethodSymbol { IsAsync: true } method)
        {
            findings.Add(new Finding(method.Locations.FirstOrDefault() ?? Location.None, "Is async"));
        }
    }

    private static string? StaticField(IFieldReferenceOperation reference)
    {
        IFieldSymbol field = reference.Field;
        if (!field.IsStatic || field.IsConst)
        {
            return null;
        }

        if (!field.IsReadOnly)
        {
            return $"{(Operations.IsWritten(reference) ? "Writes" : "Reads")} the mutable static field '{Display(field)}'";
        }

        return field.Type is IArrayTypeSymbol && !IsLengthOf(reference)
            ? $"Uses the contents of the static readonly array '{Display(field)}', which any code can change"
            : null;
    }

    /// <summary>A static auto-property is a static field: with a setter it is mutable; of array type its contents are.</summary>
    private static string? StaticAutoProperty(LibrarySymbols library, IPropertyReferenceOperation reference)
    {
        IPropertySymbol property = reference.Property;
        if (!property.IsStatic || !library.IsInSource(property) || !IsAutoProperty(property))
        {
            return null;
        }

        if (property.SetMethod is not null)
        {
            return $"{(Operations.IsWritten(reference) ? "Writes" : "Reads")} the mutable static auto-property '{Display(property)}'";
        }

        return property.Type is IArrayTypeSymbol && !IsLengthOf(reference)
            ? $"Uses the contents of the static readonly array '{Display(property)}', which any code can change"
            : null;
    }

    private static string? PropertyAccessors(LibrarySymbols library, IPropertyReferenceOperation reference)
    {
        if (!library.IsInSource(reference.Property))
        {
            return Call(library, reference, reference.Property);
        }

        IEnumerable<IMethodSymbol?> accessors =
        [
            Operations.IsRead(reference) ? reference.Property.GetMethod : null,
            Operations.IsWritten(reference) ? reference.Property.SetMethod : null,
        ];
        return accessors.OfType<IMethodSymbol>().Select(a => SourceCall(library, a)).FirstOrDefault(t => t is not null);
    }

    private static string? Call(LibrarySymbols library, IOperation operation, ISymbol member)
    {
        if (library.IsInSource(member))
        {
            return member is IMethodSymbol method ? SourceCall(library, method) : null;
        }

        return KnownMembers.Classify(member) switch
        {
            MemberVerdict.InputOutput => $"Performs I/O through '{KnownMembers.Display(member)}'",
            MemberVerdict.ProcessEnvironment => $"Reads the process environment or runtime state through '{KnownMembers.Display(member)}'",
            MemberVerdict.Reflection => $"Uses reflection through '{KnownMembers.Display(member)}'",
            MemberVerdict.Threading => $"Uses threading or synchronization through '{KnownMembers.Display(member)}'",
            MemberVerdict.NotAllowListed when operation is not IObjectCreationOperation { Type.IsReferenceType: true } =>
                $"Calls '{KnownMembers.Display(member)}', which is not on the analyzer's allow-list of pure BCL members",
            _ => null,
        };
    }

    /// <summary>
    /// A member of this compilation may be called when it is a mirror (or a member of one), marked <c>[Pure]</c>,
    /// <c>[AllocatesResult]</c> or <c>[DoesNotReturn]</c>, an auto-property accessor, an exception constructor, a context
    /// member, or compiler-generated. Its body is checked in every case; the mark records the author's intent.
    /// </summary>
    private static string? SourceCall(LibrarySymbols library, IMethodSymbol method)
    {
        if (method.MethodKind == MethodKind.LocalFunction || library.IsContextMember(method))
        {
            return null;
        }

        if (method.IsExtern)
        {
            return $"Calls native code through the extern method '{Display(method)}'";
        }

        if (IsVirtualDispatch(method))
        {
            return $"Calls '{Display(method)}' virtually; the implementation that runs is not known at compile time";
        }

        bool allowed = library.IsMirror(method)
            || library.IsMemberOfMirrorType(method)
            || library.IsMarkedPure(method)
            || library.AllocatesResult(method)
            || library.DoesNotReturn(method)
            || method.IsImplicitlyDeclared
            || (method.AssociatedSymbol is IPropertySymbol property && IsAutoProperty(property))
            || (method.MethodKind == MethodKind.Constructor && IsException(method.ContainingType))
            || library.ImplementsContext(method.ContainingType);
        return allowed
            ? null
            : $"Calls '{Display(method)}', which is neither a mirror, nor marked [Pure], [AllocatesResult] or [DoesNotReturn] in this library";
    }

    private static bool IsVirtualDispatch(IMethodSymbol method)
    {
        if (method.IsStatic)
        {
            // A static abstract member reached through a type parameter other than the context.
            return method.IsAbstract || method.IsVirtual;
        }

        bool sealedType = method.ContainingType.IsSealed || method.ContainingType.IsValueType;
        return method.IsAbstract || ((method.IsVirtual || method.IsOverride) && !method.IsSealed && !sealedType);
    }

    private static bool IsAutoProperty(IPropertySymbol property) =>
        property.ContainingType.GetMembers().OfType<IFieldSymbol>().Any(f => SymbolEqualityComparer.Default.Equals(f.AssociatedSymbol, property));

    private static bool IsLengthOf(IOperation array) =>
        array.Parent is IPropertyReferenceOperation { Property.Name: "Length" or "LongLength" } length && length.Instance == array;

    private static bool IsException(INamedTypeSymbol? type)
    {
        for (INamedTypeSymbol? t = type; t is not null; t = t.BaseType)
        {
            if (t.ToDisplayString() == "System.Exception")
            {
                return true;
            }
        }

        return false;
    }

    private static string Display(ISymbol symbol) => symbol.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat);
}

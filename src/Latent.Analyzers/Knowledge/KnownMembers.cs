using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace Latent.Analyzers.Knowledge;

/// <summary>
/// The analyzer's knowledge of members outside the compilation (the BCL): which are hidden randomness, which change the
/// evaluation order, which reach raw memory, which do I/O or threading, and which are on the allow-list of pure members.
/// Everything not listed is <see cref="MemberVerdict.NotAllowListed"/>: the list grows deliberately, never by default.
/// </summary>
internal static class KnownMembers
{
    private static readonly HashSet<string> RandomTypes = Set(
        "System.Random", "System.Security.Cryptography.RandomNumberGenerator", "System.HashCode",
        "System.Diagnostics.Stopwatch", "System.TimeProvider");

    private static readonly HashSet<string> RandomMembers = Set(
        "System.Guid.NewGuid", "System.Guid.CreateVersion7", "System.Environment.TickCount", "System.Environment.TickCount64",
        "System.DateTime.Now", "System.DateTime.UtcNow", "System.DateTime.Today", "System.DateTimeOffset.Now",
        "System.DateTimeOffset.UtcNow", "System.String.GetHashCode", "System.Object.GetHashCode",
        "System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode");

    /// <summary>Fused or estimated operations, whatever type declares them (double, float, Half, generic math, vectors).</summary>
    private static readonly HashSet<string> EvaluationOrderMembers = Set(
        "FusedMultiplyAdd", "MultiplyAddEstimate", "ReciprocalEstimate", "ReciprocalSqrtEstimate");

    private static readonly HashSet<string> EvaluationOrderTypes = Set(
        "System.Numerics.Vector", "System.Numerics.Vector`1", "System.Numerics.Vector2", "System.Numerics.Vector3",
        "System.Numerics.Vector4", "System.Threading.Tasks.Parallel", "System.Linq.ParallelEnumerable",
        "System.Linq.ParallelQuery", "System.Linq.ParallelQuery`1");

    private static readonly string[] EvaluationOrderNamespaces = ["System.Numerics.Tensors", "System.Runtime.Intrinsics"];

    private static readonly HashSet<string> UnsafeMemoryTypes = Set(
        "System.Runtime.InteropServices.MemoryMarshal", "System.Runtime.InteropServices.CollectionsMarshal",
        "System.Runtime.InteropServices.Marshal", "System.Runtime.InteropServices.NativeMemory",
        "System.Runtime.InteropServices.GCHandle", "System.Runtime.CompilerServices.Unsafe", "System.Buffer");

    private static readonly string[] InputOutputNamespaces = ["System.IO", "System.Net"];

    private static readonly HashSet<string> InputOutputTypes = Set(
        "System.Console", "System.Diagnostics.Process", "System.Diagnostics.ProcessStartInfo", "System.Diagnostics.Debug",
        "System.Diagnostics.Trace", "System.Diagnostics.Debugger");

    private static readonly HashSet<string> EnvironmentTypes = Set(
        "System.Environment", "System.AppContext", "System.AppDomain", "System.GC", "System.Activator");

    private static readonly string[] ReflectionNamespaces = ["System.Reflection"];

    private static readonly string[] ThreadingNamespaces = ["System.Threading"];

    /// <summary>Numeric types whose members are arithmetic (except parsing and formatting).</summary>
    private static readonly HashSet<string> NumericTypes = Set(
        "System.Double", "System.Single", "System.Half", "System.Decimal", "System.SByte", "System.Byte", "System.Int16",
        "System.UInt16", "System.Int32", "System.UInt32", "System.Int64", "System.UInt64", "System.Int128", "System.UInt128",
        "System.IntPtr", "System.UIntPtr", "System.Char", "System.Boolean", "System.Runtime.InteropServices.NFloat");

    private static readonly HashSet<string> SpanTypes = Set(
        "System.Span`1", "System.ReadOnlySpan`1", "System.Span`1+Enumerator", "System.ReadOnlySpan`1+Enumerator");

    private static readonly HashSet<string> PureValueTypes = Set(
        "System.Nullable`1", "System.Index", "System.Range", "System.ValueTuple", "System.ValueTuple`1", "System.ValueTuple`2",
        "System.ValueTuple`3", "System.ValueTuple`4", "System.ValueTuple`5", "System.ValueTuple`6", "System.ValueTuple`7",
        "System.ValueTuple`8", "System.MemoryExtensions", "System.Math", "System.MathF", "System.Numerics.BitOperations");

    private static readonly HashSet<string> PureArrayMembers = Set("Length", "LongLength", "Rank", "MaxLength", "Empty", "GetLength");

    private static readonly HashSet<string> PureStringMembers = Set(
        "Length", "this[]", "Chars", "IsNullOrEmpty", "IsNullOrWhiteSpace", "Equals", "op_Equality", "op_Inequality",
        "CompareOrdinal", "Empty");

    private static readonly HashSet<string> GuardTypes = Set(
        "System.ArgumentNullException", "System.ArgumentException", "System.ArgumentOutOfRangeException",
        "System.ObjectDisposedException");

    private static readonly HashSet<string> StringBuildingTypes = Set(
        "System.String", "System.Text.StringBuilder", "System.Runtime.CompilerServices.DefaultInterpolatedStringHandler");

    /// <summary>Classifies a member declared outside the compilation.</summary>
    public static MemberVerdict Classify(ISymbol member)
    {
        if (member.ContainingType is not { } type)
        {
            return MemberVerdict.NotAllowListed;
        }

        string typeName = FullName(type);
        string ns = type.ContainingNamespace?.ToDisplayString() ?? string.Empty;
        string name = MemberName(member);
        if (RandomTypes.Contains(typeName) || BaseTypes(type).Any(t => RandomTypes.Contains(FullName(t))) || RandomMembers.Contains(typeName + "." + name))
        {
            return MemberVerdict.Randomness;
        }

        if (EvaluationOrderMembers.Contains(name) || EvaluationOrderTypes.Contains(typeName) || InAny(ns, EvaluationOrderNamespaces))
        {
            return MemberVerdict.EvaluationOrder;
        }

        if (UnsafeMemoryTypes.Contains(typeName) || (SpanTypes.Contains(typeName) && name == "GetPinnableReference"))
        {
            return MemberVerdict.UnsafeMemory;
        }

        if (InAny(ns, InputOutputNamespaces) || InputOutputTypes.Contains(typeName))
        {
            return MemberVerdict.InputOutput;
        }

        if (EnvironmentTypes.Contains(typeName))
        {
            return MemberVerdict.ProcessEnvironment;
        }

        if (InAny(ns, ReflectionNamespaces) || typeName == "System.Type")
        {
            return MemberVerdict.Reflection;
        }

        if (InAny(ns, ThreadingNamespaces))
        {
            return MemberVerdict.Threading;
        }

        return AllowList(type, typeName, ns, member, name);
    }

    /// <summary>A readable name for messages: <c>Random.Shared</c>, <c>Math.FusedMultiplyAdd</c>, <c>new List&lt;int&gt;</c>.</summary>
    public static string Display(ISymbol member)
    {
        string type = member.ContainingType?.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat) ?? string.Empty;
        return member is IMethodSymbol { MethodKind: MethodKind.Constructor } ? "new " + type : type + "." + MemberName(member);
    }

    private static MemberVerdict AllowList(INamedTypeSymbol type, string typeName, string ns, ISymbol member, string name)
    {
        if (NumericTypes.Contains(typeName) || (ns == "System.Numerics" && type.TypeKind == TypeKind.Interface))
        {
            // Arithmetic, comparisons, constants and generic math; parsing and formatting depend on the culture.
            return name switch
            {
                "ToString" => MemberVerdict.PureAllocating,
                "Parse" or "TryParse" or "TryFormat" => MemberVerdict.NotAllowListed,
                _ => MemberVerdict.Pure,
            };
        }

        if (SpanTypes.Contains(typeName))
        {
            return name is "ToArray" or "ToString" ? MemberVerdict.PureAllocating : MemberVerdict.Pure;
        }

        if (PureValueTypes.Contains(typeName))
        {
            return MemberVerdict.Pure;
        }

        if (typeName == "System.Array")
        {
            return PureArrayMembers.Contains(name) ? MemberVerdict.Pure
                : name == "Clone" ? MemberVerdict.PureAllocating
                : MemberVerdict.NotAllowListed;
        }

        if (GuardTypes.Contains(typeName) && name.StartsWith("ThrowIf", StringComparison.Ordinal))
        {
            return MemberVerdict.Pure;
        }

        if (member is IMethodSymbol { MethodKind: MethodKind.Constructor } && IsException(type))
        {
            return MemberVerdict.PureAllocating;
        }

        if (typeName == "System.String" && PureStringMembers.Contains(name))
        {
            return MemberVerdict.Pure;
        }

        if (StringBuildingTypes.Contains(typeName) || ns == "System.Linq")
        {
            return MemberVerdict.PureAllocating;
        }

        return typeName switch
        {
            "System.Object" => name switch
            {
                "ReferenceEquals" or "GetType" => MemberVerdict.Pure,
                "ToString" => MemberVerdict.PureAllocating,
                _ => MemberVerdict.NotAllowListed,
            },
            "System.BitConverter" => name == "GetBytes" ? MemberVerdict.PureAllocating : MemberVerdict.Pure,
            "System.Runtime.CompilerServices.RuntimeHelpers" when name == "IsReferenceOrContainsReferences" => MemberVerdict.Pure,
            _ => MemberVerdict.NotAllowListed,
        };
    }

    private static bool IsException(INamedTypeSymbol type) => BaseTypes(type).Prepend(type).Any(t => FullName(t) == "System.Exception");

    private static IEnumerable<INamedTypeSymbol> BaseTypes(INamedTypeSymbol type)
    {
        for (INamedTypeSymbol? t = type.BaseType; t is not null; t = t.BaseType)
        {
            yield return t;
        }
    }

    /// <summary>Accessors are named after their property (<c>get_Shared</c> → <c>Shared</c>), constructors <c>.ctor</c>.</summary>
    private static string MemberName(ISymbol member) =>
        member is IMethodSymbol { AssociatedSymbol: IPropertySymbol or IEventSymbol } accessor ? accessor.AssociatedSymbol!.Name : member.Name;

    /// <summary><c>System.Span`1+Enumerator</c>: namespace, outer types and metadata names (arity included).</summary>
    private static string FullName(INamedTypeSymbol type)
    {
        INamedTypeSymbol definition = type.OriginalDefinition;
        string name = definition.MetadataName;
        for (INamedTypeSymbol? outer = definition.ContainingType; outer is not null; outer = outer.ContainingType)
        {
            name = outer.MetadataName + "+" + name;
        }

        string ns = definition.ContainingNamespace is { IsGlobalNamespace: false } n ? n.ToDisplayString() + "." : string.Empty;
        return ns + name;
    }

    private static bool InAny(string ns, string[] roots) =>
        roots.Any(root => ns == root || ns.StartsWith(root + ".", StringComparison.Ordinal));

    private static HashSet<string> Set(params string[] names) => new(names, StringComparer.Ordinal);
}

using System.Collections.Generic;
using System.Collections.Immutable;
using Latent.Analyzers.Knowledge;
using Latent.Analyzers.Reach;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Latent.Analyzers.Rules;

/// <summary>
/// LAT0006: mirror code must keep the spec's rounding steps: no fused multiply-add (<c>Math.FusedMultiplyAdd</c>,
/// <c>MathF.FusedMultiplyAdd</c>, <c>T.FusedMultiplyAdd</c>), no <c>TensorPrimitives</c> or vector math, no
/// <c>Parallel</c>/PLINQ reductions, and no conversion between floating-point formats.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class EvaluationOrderAnalyzer : MirrorBodyAnalyzer
{
    /// <summary>The diagnostic property a code fix reads: the finding is a three-operand fused multiply-add.</summary>
    public const string FusedMultiplyAddProperty = "FusedMultiplyAdd";

    private protected override DiagnosticDescriptor Rule => Descriptors.EvaluationOrder;

    private protected override void Inspect(BodyScope scope, IOperation operation, List<Finding> findings)
    {
        if (operation is IConversionOperation conversion
            && FloatingFormats.IsFloating(conversion.Operand.Type)
            && FloatingFormats.IsFloating(conversion.Type)
            && !SymbolEqualityComparer.Default.Equals(conversion.Operand.Type, conversion.Type))
        {
            findings.Add(new Finding(
                operation.Syntax.GetLocation(),
                $"Converts '{Name(conversion.Operand.Type)}' to '{Name(conversion.Type)}', a rounding step the spec does not have"));
            return;
        }

        if (Operations.ReferencedMember(operation) is not { } member || scope.Library.IsInSource(member))
        {
            return;
        }

        MemberVerdict verdict = KnownMembers.Classify(member);
        if (verdict == MemberVerdict.EvaluationOrder)
        {
            findings.Add(new Finding(operation.Syntax.GetLocation(), Reason(member), properties: FixProperties(operation, member)));
        }
        else if (verdict != MemberVerdict.Randomness
            && member is IMethodSymbol method
            && FloatingFormats.ConversionCall(method) is var (source, target))
        {
            findings.Add(new Finding(
                operation.Syntax.GetLocation(),
                $"'{KnownMembers.Display(member)}' converts '{Name(source)}' to '{Name(target)}', a rounding step the spec does not have"));
        }
    }

    private static string Reason(ISymbol member)
    {
        string display = KnownMembers.Display(member);
        if (member.Name is "FusedMultiplyAdd" or "MultiplyAddEstimate")
        {
            return $"'{display}' rounds a * b + c once, where the spec rounds the product and the sum separately";
        }

        if (member.Name.EndsWith("Estimate", System.StringComparison.Ordinal))
        {
            return $"'{display}' is a platform-dependent estimate, not one of the spec's correctly rounded operations";
        }

        if (member.ContainingType?.Name is "Parallel" or "ParallelEnumerable" or "ParallelQuery")
        {
            return $"'{display}' runs in parallel, so a reduction's order is not the spec's row-major left fold";
        }

        return $"'{display}' is vectorized math, whose roundings and reduction order differ from the spec's per-element operations";
    }

    private static ImmutableDictionary<string, string?>? FixProperties(IOperation operation, ISymbol member) =>
        operation is IInvocationOperation { Arguments.Length: 3 } && member.Name == "FusedMultiplyAdd"
            ? ImmutableDictionary<string, string?>.Empty.Add(FusedMultiplyAddProperty, "true")
            : null;

    private static string Name(ITypeSymbol? type) => type?.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat) ?? "?";
}

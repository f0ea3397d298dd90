using System.Collections.Generic;
using Latent.Analyzers.Knowledge;
using Latent.Analyzers.Reach;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Latent.Analyzers.Rules;

/// <summary>
/// LAT0002: mirror code (and what it calls) must not draw randomness or read a clock: <c>Random</c>,
/// <c>RandomNumberGenerator</c>, <c>Guid.NewGuid</c>, <c>HashCode</c>, string and identity hash codes,
/// <c>Environment.TickCount</c>, <c>DateTime.Now</c>, <c>Stopwatch</c>, <c>TimeProvider</c>.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class HiddenRandomnessAnalyzer : MirrorBodyAnalyzer
{
    private protected override DiagnosticDescriptor Rule => Descriptors.HiddenRandomness;

    private protected override void Inspect(BodyScope scope, IOperation operation, List<Finding> findings)
    {
        if (Operations.ReferencedMember(operation) is { } member
            && !scope.Library.IsInSource(member)
            && KnownMembers.Classify(member) == MemberVerdict.Randomness)
        {
            findings.Add(new Finding(operation.Syntax.GetLocation(), $"'{KnownMembers.Display(member)}'"));
        }
    }
}

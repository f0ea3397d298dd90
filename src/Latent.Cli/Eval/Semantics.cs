using System.Numerics;
using Latent.Ieee;
using Latent.Oracles;
using Latent.Oracles.Exact;

namespace Latent.Cli.Eval;

/// <summary>Which meaning of a definition <c>latent eval</c> computes.</summary>
internal enum Semantics
{
    /// <summary>The C# mirror with the platform's IEEE arithmetic and C library <c>exp</c>: what Lean's compiled <c>Float</c> code computes.</summary>
    Spec,

    /// <summary>The Lean text (<c>spec/</c>) evaluated by the spec evaluator with the same platform arithmetic: must equal <see cref="Spec"/>.</summary>
    SpecText,

    /// <summary>The Lean text evaluated with every primitive correctly rounded (MPFR <c>exp</c>): the Lean order, independent of any libm.</summary>
    SpecCr,

    /// <summary>The real-valued result of the formula, rounded once into the format.</summary>
    Exact,
}

/// <summary>Evaluates a call under a chosen <see cref="Semantics"/>.</summary>
internal static class SemanticEvaluation
{
    public static Semantics Parse(string? text) => text switch
    {
        null or "spec" => Semantics.Spec,
        "spec-text" => Semantics.SpecText,
        "spec-cr" => Semantics.SpecCr,
        "exact" => Semantics.Exact,
        _ => throw new UsageException($"unknown semantics '{text}'; expected spec, spec-text, spec-cr or exact"),
    };

    /// <summary>The result elements of <paramref name="call"/> (the KL as one element).</summary>
    public static T[] Evaluate<T, TFormat>(Semantics semantics, Invocation<T> call)
        where T : IBinaryFloatingPointIeee754<T>
        where TFormat : IBinaryFormat<T> =>
        semantics switch
        {
            Semantics.Spec => call.Mirror<IeeeContext<T>>(),
            Semantics.SpecText => call.Spec<IeeeContext<T>>(),
            Semantics.SpecCr => call.Spec<CorrectlyRoundedContext<T, TFormat>>(),
            _ => call.Exact<T, TFormat>(),
        };
}

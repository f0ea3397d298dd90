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

    /// <summary>
    /// The C# mirror over <see cref="DualContext{T, TContext}"/> with the platform arithmetic (TorchLean's
    /// <c>Context (Dual α)</c>): the value and the Jacobian-vector product in the direction of the given tangents.
    /// </summary>
    Dual,

    /// <summary>The Lean text over the dual context with correctly rounded primitives: what the derivative vectors' <c>specCr</c> is.</summary>
    DualCr,
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
        "dual" => Semantics.Dual,
        "dual-cr" => Semantics.DualCr,
        _ => throw new UsageException($"unknown semantics '{text}'; expected spec, spec-text, spec-cr, exact, dual or dual-cr"),
    };

    /// <summary>Whether the semantics computes tangents.</summary>
    public static bool IsDual(this Semantics semantics) => semantics is Semantics.Dual or Semantics.DualCr;

    /// <summary>The result elements of the dual evaluation of <paramref name="call"/>: values and tangents.</summary>
    public static Dual<T>[] EvaluateDual<T, TFormat>(Semantics semantics, Invocation<Dual<T>> call)
        where T : IBinaryFloatingPointIeee754<T>
        where TFormat : IBinaryFormat<T> =>
        semantics == Semantics.Dual
            ? call.Mirror<DualContext<T, IeeeContext<T>>>()
            : call.Spec<DualContext<T, CorrectlyRoundedContext<T, TFormat>>>();

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

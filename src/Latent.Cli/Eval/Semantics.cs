using System;
using System.Numerics;
using Latent.Ieee;
using Latent.Oracles;
using Latent.Oracles.Exact;

namespace Latent.Cli.Eval;

/// <summary>Which meaning of a definition <c>latent eval</c> computes.</summary>
internal enum Semantics
{
    /// <summary>The mirror with the platform's IEEE arithmetic and C library <c>exp</c>: what Lean's compiled <c>Float</c> code computes.</summary>
    Spec,

    /// <summary>The mirror with every primitive correctly rounded (MPFR <c>exp</c>): the Lean order, independent of any libm.</summary>
    SpecCr,

    /// <summary>The real-valued result of the formula, rounded once into the format.</summary>
    Exact,
}

/// <summary>Evaluates each definition under a chosen <see cref="Semantics"/>.</summary>
internal static class SemanticEvaluation
{
    public static Semantics Parse(string? text) => text switch
    {
        null or "spec" => Semantics.Spec,
        "spec-cr" => Semantics.SpecCr,
        "exact" => Semantics.Exact,
        _ => throw new UsageException($"unknown semantics '{text}'; expected spec, spec-cr or exact"),
    };

    public static void ExpTensor<T, TFormat>(Semantics semantics, ReadOnlySpan<T> x, Span<T> destination)
        where T : IBinaryFloatingPointIeee754<T>
        where TFormat : IBinaryFormat<T>
    {
        switch (semantics)
        {
            case Semantics.Spec: GenerativeLatent.ExpTensor<T>(x, destination); break;
            case Semantics.SpecCr: GenerativeLatent.ExpTensor<T, CorrectlyRoundedContext<T, TFormat>>(x, destination); break;
            default: ExactOracle.ExpTensor<T, TFormat>(x, destination); break;
        }
    }

    public static void HalfTensor<T, TFormat>(Semantics semantics, ReadOnlySpan<T> x, Span<T> destination)
        where T : IBinaryFloatingPointIeee754<T>
        where TFormat : IBinaryFormat<T>
    {
        switch (semantics)
        {
            case Semantics.Spec: GenerativeLatent.HalfTensor<T>(x, destination); break;
            case Semantics.SpecCr: GenerativeLatent.HalfTensor<T, CorrectlyRoundedContext<T, TFormat>>(x, destination); break;
            default: ExactOracle.HalfTensor<T>(x, destination); break;
        }
    }

    public static void ReparameterizeDiag<T, TFormat>(Semantics semantics, ReadOnlySpan<T> mu, ReadOnlySpan<T> logvar, ReadOnlySpan<T> eps, Span<T> destination)
        where T : IBinaryFloatingPointIeee754<T>
        where TFormat : IBinaryFormat<T>
    {
        switch (semantics)
        {
            case Semantics.Spec: GenerativeLatent.ReparameterizeDiag<T>(mu, logvar, eps, destination); break;
            case Semantics.SpecCr: GenerativeLatent.ReparameterizeDiag<T, CorrectlyRoundedContext<T, TFormat>>(mu, logvar, eps, destination); break;
            default: ExactOracle.ReparameterizeDiag<T, TFormat>(mu, logvar, eps, destination); break;
        }
    }

    public static T DiagonalGaussianKlToStandard<T, TFormat>(Semantics semantics, ReadOnlySpan<T> mu, ReadOnlySpan<T> logvar, EmptyMeanConvention emptyMean)
        where T : IBinaryFloatingPointIeee754<T>
        where TFormat : IBinaryFormat<T> =>
        semantics switch
        {
            Semantics.Spec => GenerativeLatent.DiagonalGaussianKlToStandard<T>(mu, logvar, emptyMean),
            Semantics.SpecCr => GenerativeLatent.DiagonalGaussianKlToStandard<T, CorrectlyRoundedContext<T, TFormat>>(mu, logvar, emptyMean),
            _ => ExactOracle.DiagonalGaussianKlToStandard<T, TFormat>(mu, logvar, emptyMean),
        };
}

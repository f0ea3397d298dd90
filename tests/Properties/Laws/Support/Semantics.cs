using System;
using System.Linq;
using System.Numerics;
using Latent.Ieee;
using Latent.Oracles;
using Latent.Oracles.Exact;

namespace Latent.Properties.Laws.Support;

/// <summary>The three meanings of a definition that the law suites compare.</summary>
public enum Semantics
{
    /// <summary>The mirror with the platform's IEEE arithmetic (<c>IeeeContext</c>, glibc <c>exp</c>): what Lean's <c>Float</c> computes.</summary>
    Spec,

    /// <summary>
    /// The Lean text (the spec evaluator, not the mirror) with the platform's IEEE arithmetic: the reference the spec
    /// semantics is checked against on the running platform, where outcomes depend on the C library's <c>exp</c>.
    /// </summary>
    SpecText,

    /// <summary>The Lean text (the spec evaluator, not the mirror) with every primitive correctly rounded (<c>CorrectlyRoundedContext</c>, MPFR <c>exp</c>).</summary>
    SpecCr,

    /// <summary>The real value of the formula, rounded once into the format (<c>ExactOracle</c>).</summary>
    Exact,
}

/// <summary>Runs a definition under one of the <see cref="Semantics"/>.</summary>
internal static class Run<T, TFormat>
    where T : IBinaryFloatingPointIeee754<T>
    where TFormat : IBinaryFormat<T>
{
    public static T Kl(Semantics semantics, ReadOnlySpan<T> mu, ReadOnlySpan<T> logvar, EmptyMeanConvention emptyMean = EmptyMeanConvention.V1) =>
        semantics switch
        {
            Semantics.Spec => GenerativeLatent.DiagonalGaussianKlToStandard<T, IeeeContext<T>>(mu, logvar, emptyMean),
            Semantics.SpecText => Text<IeeeContext<T>>(Definition.DiagonalGaussianKlToStandard, ("mu", mu.ToArray()), ("logvar", logvar.ToArray()))(emptyMean)[0],
            Semantics.SpecCr => Text<CorrectlyRoundedContext<T, TFormat>>(Definition.DiagonalGaussianKlToStandard, ("mu", mu.ToArray()), ("logvar", logvar.ToArray()))(emptyMean)[0],
            Semantics.Exact => ExactOracle.DiagonalGaussianKlToStandard<T, TFormat>(mu, logvar, emptyMean),
            _ => throw new ArgumentOutOfRangeException(nameof(semantics)),
        };

    public static T[] Reparameterize(Semantics semantics, ReadOnlySpan<T> mu, ReadOnlySpan<T> logvar, ReadOnlySpan<T> eps)
    {
        var z = new T[mu.Length];
        switch (semantics)
        {
            case Semantics.Spec:
                GenerativeLatent.ReparameterizeDiag<T, IeeeContext<T>>(mu, logvar, eps, z);
                break;
            case Semantics.SpecText:
                Text<IeeeContext<T>>(Definition.ReparameterizeDiag, ("mu", mu.ToArray()), ("logvar", logvar.ToArray()), ("eps", eps.ToArray()))(EmptyMeanConvention.V1).CopyTo(z, 0);
                break;
            case Semantics.SpecCr:
                Text<CorrectlyRoundedContext<T, TFormat>>(Definition.ReparameterizeDiag, ("mu", mu.ToArray()), ("logvar", logvar.ToArray()), ("eps", eps.ToArray()))(EmptyMeanConvention.V1).CopyTo(z, 0);
                break;
            case Semantics.Exact:
                ExactOracle.ReparameterizeDiag<T, TFormat>(mu, logvar, eps, z);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(semantics));
        }

        return z;
    }

    public static T Reparameterize(Semantics semantics, T mu, T logvar, T eps) =>
        Reparameterize(semantics, [mu], [logvar], [eps])[0];

    /// <summary>
    /// The standard deviation of the spec, <c>exp(logvar * 0.5)</c>: through the mirrored <c>halfTensor</c> and
    /// <c>expTensor</c> (spec), or through the Lean text of both (spec-text, spec-cr).
    /// </summary>
    public static T SpecStd(Semantics semantics, T logvar)
    {
        T[] h = [logvar];
        switch (semantics)
        {
            case Semantics.Spec:
                GenerativeLatent.HalfTensor<T, IeeeContext<T>>(h, h);
                GenerativeLatent.ExpTensor<T, IeeeContext<T>>(h, h);
                return h[0];
            case Semantics.SpecText:
                T[] platformHalf = Text<IeeeContext<T>>(Definition.HalfTensor, ("x", h))(EmptyMeanConvention.V1);
                return Text<IeeeContext<T>>(Definition.ExpTensor, ("x", platformHalf))(EmptyMeanConvention.V1)[0];
            case Semantics.SpecCr:
                T[] half = Text<CorrectlyRoundedContext<T, TFormat>>(Definition.HalfTensor, ("x", h))(EmptyMeanConvention.V1);
                return Text<CorrectlyRoundedContext<T, TFormat>>(Definition.ExpTensor, ("x", half))(EmptyMeanConvention.V1)[0];
            default:
                throw new ArgumentOutOfRangeException(nameof(semantics), semantics, "Only the spec has an intermediate standard deviation.");
        }
    }

    /// <summary>A definition of the Lean text evaluated over <typeparamref name="TContext"/>, on one-dimensional inputs.</summary>
    private static Func<EmptyMeanConvention, T[]> Text<TContext>(Definition definition, params (string Binder, T[] Values)[] inputs)
        where TContext : IContext<T> =>
        emptyMean => new Invocation<T>(
            definition,
            Shape.Of(inputs[0].Values.Length),
            inputs.ToDictionary(i => i.Binder, i => i.Values, StringComparer.Ordinal),
            EmptyMean: emptyMean).Spec<TContext>();
}

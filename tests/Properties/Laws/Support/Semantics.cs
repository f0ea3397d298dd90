using System;
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

    /// <summary>The mirror in the Lean order with every primitive correctly rounded (<c>CorrectlyRoundedContext</c>, MPFR <c>exp</c>).</summary>
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
            Semantics.SpecCr => GenerativeLatent.DiagonalGaussianKlToStandard<T, CorrectlyRoundedContext<T, TFormat>>(mu, logvar, emptyMean),
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
            case Semantics.SpecCr:
                GenerativeLatent.ReparameterizeDiag<T, CorrectlyRoundedContext<T, TFormat>>(mu, logvar, eps, z);
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

    /// <summary>The standard deviation the mirror uses, <c>exp(logvar * 0.5)</c>, through the mirrored <c>halfTensor</c> and <c>expTensor</c>.</summary>
    public static T SpecStd(Semantics semantics, T logvar)
    {
        T[] h = [logvar];
        GenerativeLatent.HalfTensor<T, IeeeContext<T>>(h, h);
        switch (semantics)
        {
            case Semantics.Spec:
                GenerativeLatent.ExpTensor<T, IeeeContext<T>>(h, h);
                return h[0];
            case Semantics.SpecCr:
                GenerativeLatent.ExpTensor<T, CorrectlyRoundedContext<T, TFormat>>(h, h);
                return h[0];
            default:
                throw new ArgumentOutOfRangeException(nameof(semantics), semantics, "Only the mirror has an intermediate standard deviation.");
        }
    }
}

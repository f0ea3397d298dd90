using System;
using System.Collections.Generic;
using System.Linq;
using System.Numerics;
using Latent.Golden.Cases;
using Latent.Golden.Model;
using Latent.Golden.Numerics;
using Latent.Golden.Tolerance;
using Latent.Ieee;
using Latent.Oracles;
using Latent.Oracles.Exact;

namespace Latent.Golden.Generation;

/// <summary>
/// What a derivative test expects: <c>specCr</c> is the Lean text evaluated over TorchLean's dual numbers
/// (<see cref="DualContext{T, TContext}"/>) with correctly rounded primitives, one tangent direction per computed column;
/// <c>exact</c> is <see cref="ExactDerivatives"/>; the band is <see cref="DerivativeBound"/>'s, the same for every profile
/// (the profiles are about forward kernels; a derivative band admits every faithful backward kernel the bound lists).
/// </summary>
internal static class DerivativeExpectations<T, TFormat>
    where T : IBinaryFloatingPointIeee754<T>
    where TFormat : IBinaryFormat<T>
{
    private static readonly T Half = T.One / (T.One + T.One);

    public static IReadOnlyList<Expectation> Compute(Definition definition, Derivative derivative, GoldenCase<T> c)
    {
        ArgumentNullException.ThrowIfNull(c);
        return (definition, derivative) switch
        {
            (Definition.DiagonalGaussianKlToStandard, Derivative.Gradient) => KlGradient(c),
            (Definition.ReparameterizeDiag, Derivative.Vjp) => ReparameterizeVjp(c),
            _ => throw new ArgumentOutOfRangeException(nameof(derivative), $"{definition.LeanName()} has no {derivative} file"),
        };
    }

    /// <summary>The tangents of the Lean text over dual numbers with the given tangents of its tensor inputs (zeros elsewhere).</summary>
    public static T[] DualTangents(Definition definition, GoldenCase<T> c, IReadOnlyDictionary<string, T[]> tangents)
    {
        IReadOnlyList<string> names = definition.TensorInputs();
        var tensors = new Dictionary<string, Dual<T>[]>(StringComparer.Ordinal);
        for (int k = 0; k < names.Count; k++)
        {
            T[] values = c.Inputs[k];
            T[]? du = tangents.TryGetValue(names[k], out T[]? t) ? t : null;
            tensors[names[k]] = [.. values.Select((v, i) => new Dual<T>(v, du is null ? T.Zero : du[i]))];
        }

        var call = new Invocation<Dual<T>>(definition, Shape.Of(c.Shape), tensors, EmptyMean: c.EmptyMean ?? EmptyMeanConvention.V1);
        return [.. call.Spec<DualContext<T, CorrectlyRoundedContext<T, TFormat>>>().Select(d => d.Du)];
    }

    private static Expectation[] KlGradient(GoldenCase<T> c)
    {
        T[] mu = c.Inputs[0], logvar = c.Inputs[1];
        int n = mu.Length;
        var specCr = new T[2 * n];
        for (int j = 0; j < n; j++)
        {
            specCr[j] = DualTangents(Definition.DiagonalGaussianKlToStandard, c, new Dictionary<string, T[]> { ["mu"] = UnitVector(n, j) })[0];
            specCr[n + j] = DualTangents(Definition.DiagonalGaussianKlToStandard, c, new Dictionary<string, T[]> { ["logvar"] = UnitVector(n, j) })[0];
        }

        var exact = new T[2 * n];
        ExactDerivatives.KlGradient<T, TFormat>(mu, logvar, exact.AsSpan(0, n), exact.AsSpan(n, n));
        if (n == 0)
        {
            return [];
        }

        using var math = new BoundMath(FormatLimits.Of<T, TFormat>());
        RealBound primal = KlBound.Analyse(math, [.. mu.Select(D)], [.. logvar.Select(D)], [.. logvar.Select(l => D(l * Half))]);
        bool primalMayOverflow = primal.MayBePositiveInfinity || primal.MustBePositiveInfinity;
        var result = new Expectation[2 * n];
        for (int j = 0; j < n; j++)
        {
            result[j] = Expect(specCr[j], exact[j], Acceptance.From<T, TFormat>(math, DerivativeBound.KlMu(math, D(mu[j]), n, primalMayOverflow), specCr[j]));
            result[n + j] = Expect(specCr[n + j], exact[n + j], Acceptance.From<T, TFormat>(math, DerivativeBound.KlLogvar(math, D(logvar[j]), n, primalMayOverflow), specCr[n + j]));
        }

        return result;
    }

    private static Expectation[] ReparameterizeVjp(GoldenCase<T> c)
    {
        T[] logvar = c.Inputs[1], eps = c.Inputs[2], g = c.Inputs[3];
        int n = g.Length;
        T[] dMu = DualTangents(Definition.ReparameterizeDiag, c, new Dictionary<string, T[]> { ["mu"] = g });
        T[] dLogvar = DualTangents(Definition.ReparameterizeDiag, c, new Dictionary<string, T[]> { ["logvar"] = g });
        T[] dEps = DualTangents(Definition.ReparameterizeDiag, c, new Dictionary<string, T[]> { ["eps"] = g });
        var exact = new T[3 * n];
        ExactDerivatives.ReparameterizeVjp<T, TFormat>(logvar, eps, g, exact.AsSpan(0, n), exact.AsSpan(n, n), exact.AsSpan(2 * n, n));
        var result = new Expectation[3 * n];
        using var math = new BoundMath(FormatLimits.Of<T, TFormat>());
        for (int i = 0; i < n; i++)
        {
            double l = D(logvar[i]), half = D(logvar[i] * Half);
            RealBound scaled = DerivativeBound.VjpScaled(math, D(g[i]), 1, l, half, halve: false);

            // ∂/∂mu passes the cotangent through; a zero's sign depends on the form (the dual form adds +0 terms), and the dual
            // form is NaN where s · 0 meets an overflowing s.
            bool scaleMayOverflow = scaled.Nan == NanRule.Allowed;
            Band pass = T.IsZero(g[i]) ? Bands.Of<T, TFormat>([T.NegativeZero, T.Zero]) : Acceptance.Exactly<T, TFormat>(g[i]);
            result[i] = Expect(dMu[i], exact[i], scaleMayOverflow ? Bands.Hull<T, TFormat>(pass, Acceptance.MustBeNaN<T, TFormat>()) : pass);
            result[n + i] = Expect(dLogvar[i], exact[n + i], Acceptance.From<T, TFormat>(math, DerivativeBound.VjpScaled(math, D(g[i]), D(eps[i]), l, half, halve: true), dLogvar[i]));
            result[(2 * n) + i] = Expect(dEps[i], exact[(2 * n) + i], Acceptance.From<T, TFormat>(math, scaled, dEps[i]));
        }

        return result;
    }

    /// <summary>The derived flags of a derivative test (a subset of the forward files', with the same meanings).</summary>
    public static IReadOnlyList<string> DerivedFlags(GoldenCase<T> c, IReadOnlyList<Expectation> expected)
    {
        var flags = new List<string>();
        if (c.Shape.Length == 0)
        {
            flags.Add(Flags.Scalar);
        }

        if (c.Size == 0)
        {
            flags.Add(Flags.EmptyShape);
            if (c.EmptyMean is { } convention)
            {
                flags.Add(convention == EmptyMeanConvention.V3 ? Flags.EmptyMeanV3 : Flags.EmptyMeanV1);
            }
        }

        if (c.Shape.Length >= 3)
        {
            flags.Add(Flags.HighRank);
        }

        IEnumerable<T> values = c.Inputs.SelectMany(v => v).Concat(expected.Select(e => TFormat.FromBits(e.SpecCr)));
        if (values.Any(T.IsSubnormal))
        {
            flags.Add(Flags.Subnormal);
        }

        if (values.Any(v => T.IsZero(v) && T.IsNegative(v)))
        {
            flags.Add(Flags.SignedZero);
        }

        if (expected.Any(e => e.Default.Nan != NanRule.Required && e.SpecCr != e.Exact && !T.IsNaN(TFormat.FromBits(e.Exact))))
        {
            flags.Add(Flags.SpecCrNotExact);
        }

        if (expected.Any(e => e.Default.Nan == NanRule.Allowed))
        {
            flags.Add(Flags.NanAllowed);
        }

        if (expected.Any(e => e.Default.Nan != NanRule.Required && (T.IsInfinity(TFormat.FromBits(e.Default.Lo)) || T.IsInfinity(TFormat.FromBits(e.Default.Hi)))))
        {
            flags.Add(Flags.OverflowAccepted);
        }

        if (expected.Any(IllConditioned))
        {
            flags.Add(Flags.IllConditioned);
        }

        return flags;
    }

    private static bool IllConditioned(Expectation e)
    {
        T exact = TFormat.FromBits(e.Exact), tolerance = TFormat.FromBits(e.Default.Tolerance);
        if (e.Default.Nan == NanRule.Required || T.IsNaN(exact))
        {
            return false;
        }

        if (!T.IsFinite(exact) || !T.IsFinite(tolerance) || T.IsZero(exact))
        {
            return T.IsInfinity(tolerance) || (T.IsZero(exact) && !T.IsZero(tolerance));
        }

        T ulp = T.BitIncrement(T.Abs(exact)) - T.Abs(exact);
        return tolerance > T.CreateTruncating(64) * ulp;
    }

    /// <summary>The expectation, its tolerance measured from the band's ends (<see cref="Bands.WithMeasuredTolerance{T, TFormat}"/>).</summary>
    private static Expectation Expect(T specCr, T exact, Band band)
    {
        if (!Acceptance.Accepts<T, TFormat>(band, specCr))
        {
            throw new InvalidOperationException($"A derivative band rejects its spec-cr value {IeeeText.FormatDecimal(specCr)}: the analysis is wrong.");
        }

        return Expectation.Same(Expectations<T, TFormat>.Canonical(specCr), Expectations<T, TFormat>.Canonical(exact), Bands.WithMeasuredTolerance<T, TFormat>(band, exact));
    }

    private static T[] UnitVector(int n, int j)
    {
        var v = new T[n];
        v[j] = T.One;
        return v;
    }

    private static double D(T value) => double.CreateTruncating(value);
}

using System;
using System.Collections.Generic;
using System.Linq;
using System.Numerics;
using Latent.Oracles.FastExp;
using Latent.Golden.Cases;
using Latent.Golden.Model;
using Latent.Golden.Numerics;
using Latent.Golden.Tolerance;
using Latent.Ieee;
using Latent.Oracles;
using Latent.Oracles.Exact;

namespace Latent.Golden.Generation;

/// <summary>
/// Computes what a test expects: <c>specCr</c> (the Lean text, evaluated by the spec evaluator with
/// <see cref="CorrectlyRoundedContext{T, TFormat}"/>: independent of the C# mirror, which <c>golden --verify</c> checks
/// against these values),
/// <c>exact</c> (<see cref="ExactOracle"/>), and the accepted range from the error analysis; and the derived flags.
/// Nothing here calls the platform's <c>exp</c>.
/// </summary>
internal static class Expectations<T, TFormat>
    where T : IBinaryFloatingPointIeee754<T>
    where TFormat : IBinaryFormat<T>
{
    private static readonly T Half = T.One / (T.One + T.One);

    public static IReadOnlyList<Expectation> Compute(Definition definition, GoldenCase<T> c)
    {
        ArgumentNullException.ThrowIfNull(c);
        T[] specCr = SpecCr(definition, c);
        return definition switch
        {
            Definition.ExpTensor => Exp(c.Inputs[0], specCr),
            Definition.HalfTensor => Halve(c.Inputs[0], specCr),
            Definition.ReparameterizeDiag => Reparameterize(c.Inputs[0], c.Inputs[1], c.Inputs[2], specCr),
            Definition.DiagonalGaussianKlToStandard => [Kl(c.Inputs[0], c.Inputs[1], c.EmptyMean ?? EmptyMeanConvention.V1, specCr[0])],
            Definition.QuantizeAt => Quantize(c, specCr),
            _ => throw new ArgumentOutOfRangeException(nameof(definition)),
        };
    }

    /// <summary>The Lean text of the test's version (V1, or V3 for a V3 empty-mean group) with correctly rounded primitives.</summary>
    public static T[] SpecCr(Definition definition, GoldenCase<T> c) =>
        c.ToInvocation(definition).Spec<CorrectlyRoundedContext<T, TFormat>>();

    private static Expectation[] Exp(T[] x, T[] specCr)
    {
        var exact = new T[x.Length];
        ExactOracle.ExpTensor<T, TFormat>(x, exact);
        var result = new Expectation[x.Length];
        for (int i = 0; i < x.Length; i++)
        {
            if (!T.IsFinite(x[i]))
            {
                result[i] = Acceptance.Exactly<T, TFormat>(specCr[i], exact[i]);
                continue;
            }

            using var math = new BoundMath(FormatLimits.Of<T, TFormat>());
            result[i] = Acceptance.From<T, TFormat>(math, ExpBound.Analyse(math, D(x[i])), specCr[i], exact[i]);
        }

        return result;
    }

    private static Expectation[] Halve(T[] x, T[] specCr)
    {
        var exact = new T[x.Length];
        ExactOracle.HalfTensor(x, exact);

        // x · 0.5 is one correctly rounded operation: every faithful port computes exactly these bits.
        return [.. Enumerable.Range(0, x.Length).Select(i => Acceptance.Exactly<T, TFormat>(specCr[i], exact[i]))];
    }

    private static Expectation[] Reparameterize(T[] mu, T[] logvar, T[] eps, T[] specCr)
    {
        int n = mu.Length;
        var exact = new T[n];
        ExactOracle.ReparameterizeDiag<T, TFormat>(mu, logvar, eps, exact);
        var result = new Expectation[n];
        for (int i = 0; i < n; i++)
        {
            if (!T.IsFinite(mu[i]) || !T.IsFinite(logvar[i]) || !T.IsFinite(eps[i]))
            {
                result[i] = Acceptance.Exactly<T, TFormat>(specCr[i], exact[i], nanAlsoAllowed: InfiniteScaleGivesNaN(mu[i], logvar[i], eps[i], specCr[i]));
                continue;
            }

            using var math = new BoundMath(FormatLimits.Of<T, TFormat>());
            RealBound bound = ReparameterizeBound.Analyse(math, D(mu[i]), D(logvar[i]), D(eps[i]), D(logvar[i] * Half));
            result[i] = Acceptance.From<T, TFormat>(math, bound, specCr[i], exact[i]);
        }

        return result;
    }

    /// <summary>Whether a port whose <c>exp(logvar · 0.5)</c> overflows early gives NaN where the spec's result is a number.</summary>
    private static bool InfiniteScaleGivesNaN(T mu, T logvar, T eps, T specCr)
    {
        if (!T.IsFinite(logvar) || T.IsNaN(specCr))
        {
            return false;
        }

        using var math = new BoundMath(FormatLimits.Of<T, TFormat>());
        return ReparameterizeBound.ScaleMayOverflow(math, D(logvar), D(logvar * Half)) && T.IsNaN(mu + (T.PositiveInfinity * eps));
    }

    private static Expectation Kl(T[] mu, T[] logvar, EmptyMeanConvention emptyMean, T specCr)
    {
        T exact = ExactOracle.DiagonalGaussianKlToStandard<T, TFormat>(mu, logvar, emptyMean);
        if (mu.Length == 0)
        {
            return Acceptance.Exactly<T, TFormat>(specCr, exact);
        }

        using var math = new BoundMath(FormatLimits.Of<T, TFormat>());
        if (mu.Any(v => !T.IsFinite(v)) || logvar.Any(v => !T.IsFinite(v)))
        {
            // The result is +∞ or NaN; PyTorch's form may still turn a finite coordinate with an overflowing var_ratio into NaN.
            bool pyTorchNaN = false;
            for (int i = 0; i < mu.Length; i++)
            {
                pyTorchNaN |= T.IsFinite(logvar[i]) && KlBound.PyTorchFormMayBeNaN(math, 0, D(logvar[i]), D(logvar[i] * Half));
            }

            return Acceptance.Exactly<T, TFormat>(specCr, exact, nanAlsoAllowed: pyTorchNaN);
        }

        RealBound bound = KlBound.Analyse(math, [.. mu.Select(D)], [.. logvar.Select(D)], [.. logvar.Select(l => D(l * Half))]);
        return Acceptance.From<T, TFormat>(math, bound, specCr, exact);
    }

    private static Expectation[] Quantize(GoldenCase<T> c, T[] specCr)
    {
        int size = c.Size;
        var book = new Codebook<T>(c.NumCodes, Shape.Of(c.Shape), c.Inputs[0]);
        var exact = new T[size];
        ExactOracle.QuantizeAt(book, c.Index, exact);
        return [.. Enumerable.Range(0, size).Select(i => Acceptance.Exactly<T, TFormat>(specCr[i], exact[i]))];
    }

    /// <summary>The flags that follow from the inputs, the shape and the expectations (see <see cref="Flags.Notes"/>).</summary>
    public static IReadOnlyList<string> DerivedFlags(Definition definition, GoldenCase<T> c, IReadOnlyList<Expectation> expected)
    {
        var flags = new List<string>();
        if (c.Shape.Length == 0)
        {
            flags.Add(Flags.Scalar);
        }

        if (c.Size == 0)
        {
            flags.Add(Flags.EmptyShape);
        }

        if (c.Shape.Length >= 3)
        {
            flags.Add(Flags.HighRank);
        }

        IEnumerable<T> inputs = c.Inputs.SelectMany(v => v);
        IEnumerable<T> specCr = expected.Select(e => TFormat.FromBits(e.SpecCr));
        if (inputs.Concat(specCr).Any(v => T.IsSubnormal(v)))
        {
            flags.Add(Flags.Subnormal);
        }

        if (inputs.Concat(specCr).Any(v => T.IsZero(v) && T.IsNegative(v)))
        {
            flags.Add(Flags.SignedZero);
        }

        if (inputs.Any(T.IsInfinity))
        {
            flags.Add(Flags.Infinity);
        }

        if (inputs.Any(T.IsNaN))
        {
            flags.Add(Flags.NaN);
        }

        if (expected.Any(e => e.Nan != NanRule.Required && e.SpecCr != e.Exact && !T.IsNaN(TFormat.FromBits(e.Exact))))
        {
            flags.Add(Flags.SpecCrNotExact);
        }

        if (expected.Any(e => e.Nan == NanRule.Allowed))
        {
            flags.Add(Flags.NanAllowed);
        }

        bool finiteInputs = inputs.All(T.IsFinite);
        if (finiteInputs && definition != Definition.QuantizeAt && expected.Any(e => e.Nan != NanRule.Required && (T.IsInfinity(TFormat.FromBits(e.Lo)) || T.IsInfinity(TFormat.FromBits(e.Hi)))))
        {
            flags.Add(Flags.OverflowAccepted);
        }

        if (expected.Any(IllConditioned))
        {
            flags.Add(Flags.IllConditioned);
        }

        AddNaNCauses(definition, c, expected, flags);
        if (definition == Definition.DiagonalGaussianKlToStandard)
        {
            T kl = TFormat.FromBits(expected[0].SpecCr);
            if (kl < T.Zero)
            {
                flags.Add(Flags.NegativeSpecKl);
            }

            T normal = ValueKitMinNormal;
            if (c.Inputs[1].Any(l => T.IsFinite(l) && CorrectlyRoundedExp.Exp<T, TFormat>(l) < normal))
            {
                flags.Add(Flags.VarRatioUnderflow);
            }
        }

        return flags;
    }

    /// <summary>Marks NaN results that come from arithmetic rather than from a NaN input.</summary>
    private static void AddNaNCauses(Definition definition, GoldenCase<T> c, IReadOnlyList<Expectation> expected, List<string> flags)
    {
        if (definition == Definition.ReparameterizeDiag)
        {
            for (int i = 0; i < expected.Count; i++)
            {
                if (expected[i].Nan != NanRule.Required || T.IsNaN(c.Inputs[0][i]) || T.IsNaN(c.Inputs[1][i]) || T.IsNaN(c.Inputs[2][i]))
                {
                    continue;
                }

                T scale = CorrectlyRoundedExp.Exp<T, TFormat>(c.Inputs[1][i] * Half);
                bool zeroTimesInf = (T.IsInfinity(scale) && T.IsZero(c.Inputs[2][i])) || (T.IsZero(scale) && T.IsInfinity(c.Inputs[2][i]));
                flags.Add(zeroTimesInf ? Flags.ZeroTimesInf : Flags.InfMinusInf);
            }
        }
        else if (definition == Definition.DiagonalGaussianKlToStandard && c.Size > 0 && expected[0].Nan == NanRule.Required
            && !c.Inputs[0].Any(T.IsNaN) && !c.Inputs[1].Any(T.IsNaN))
        {
            flags.Add(Flags.InfMinusInf);
        }
        else if (definition == Definition.DiagonalGaussianKlToStandard && c.Size == 0)
        {
            flags.Add(c.EmptyMean == EmptyMeanConvention.V3 ? Flags.EmptyMeanV3 : Flags.EmptyMeanV1);
        }
    }

    /// <summary>Whether the tolerance exceeds 64 ulps of the exact value.</summary>
    private static bool IllConditioned(Expectation e)
    {
        if (e.Nan == NanRule.Required)
        {
            return false;
        }

        T exact = TFormat.FromBits(e.Exact), tolerance = TFormat.FromBits(e.Tolerance);
        if (!T.IsFinite(exact) || !T.IsFinite(tolerance) || T.IsZero(tolerance))
        {
            return T.IsInfinity(tolerance);
        }

        T ulp = T.BitIncrement(T.Abs(exact)) - T.Abs(exact);
        return tolerance > T.CreateTruncating(64) * ulp;
    }

    private static T ValueKitMinNormal => TFormat.FromBits(1UL << (TFormat.Precision - 1));

    private static double D(T value) => double.CreateTruncating(value);
}

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

    /// <summary>
    /// The expectations of every result element: <c>specCr</c> and <c>exact</c>, and the band of each
    /// <see cref="PortProfile"/> (<c>docs/golden-vectors.md</c> derives each).
    /// </summary>
    public static IReadOnlyList<Expectation> Compute(Definition definition, GoldenCase<T> c)
    {
        ArgumentNullException.ThrowIfNull(c);
        T[] specCr = SpecCr(definition, c);
        T[] exact = Exact(definition, c);
        Band[] standard = Analysed(PortProfile.Default, definition, c, specCr);
        Band[] strict = Strict(definition, c);
        Band[] gpu = Gpu(definition, c, specCr);
        var result = new Expectation[specCr.Length];
        for (int i = 0; i < result.Length; i++)
        {
            result[i] = new Expectation(
                Canonical(specCr[i]),
                Canonical(exact[i]),
                standard[i],
                Bands.WithMeasuredTolerance<T, TFormat>(strict[i], exact[i]),
                Bands.WithMeasuredTolerance<T, TFormat>(gpu[i], exact[i]));
            foreach (PortProfile profile in PortProfiles.All)
            {
                if (!Acceptance.Accepts<T, TFormat>(result[i].For(profile), specCr[i]))
                {
                    throw new InvalidOperationException($"The {profile.Name()} band rejects the spec-cr result {IeeeText.FormatDecimal(specCr[i])} ({c.Comment}): the analysis is wrong.");
                }
            }
        }

        return result;
    }

    /// <summary>
    /// The bits of an expected value, with every NaN written as the positive quiet NaN: NaN is a class in the expectations
    /// (any payload and sign is accepted), and which operand's payload an IEEE operation propagates depends on the order in
    /// which the JIT emits a commutative operation, which differs between tiers of compiled code, so it would make the bytes
    /// of a file depend on the run.
    /// </summary>
    internal static ulong Canonical(T value) => T.IsNaN(value) ? IeeeText.QuietNaNBits<T, TFormat>(negative: false) : TFormat.ToBits(value);

    /// <summary>The Lean text of the test's version (V1, or V3 for a V3 empty-mean group) with correctly rounded primitives.</summary>
    public static T[] SpecCr(Definition definition, GoldenCase<T> c) =>
        c.ToInvocation(definition).Spec<CorrectlyRoundedContext<T, TFormat>>();

    /// <summary>The real results correctly rounded into the format (<see cref="ExactOracle"/>).</summary>
    private static T[] Exact(Definition definition, GoldenCase<T> c)
    {
        var exact = new T[definition == Definition.DiagonalGaussianKlToStandard ? 1 : c.Size];
        switch (definition)
        {
            case Definition.ExpTensor:
                ExactOracle.ExpTensor<T, TFormat>(c.Inputs[0], exact);
                break;
            case Definition.HalfTensor:
                ExactOracle.HalfTensor(c.Inputs[0], exact);
                break;
            case Definition.ReparameterizeDiag:
                ExactOracle.ReparameterizeDiag<T, TFormat>(c.Inputs[0], c.Inputs[1], c.Inputs[2], exact);
                break;
            case Definition.DiagonalGaussianKlToStandard:
                exact[0] = ExactOracle.DiagonalGaussianKlToStandard<T, TFormat>(c.Inputs[0], c.Inputs[1], c.EmptyMean ?? EmptyMeanConvention.V1);
                break;
            case Definition.QuantizeAt:
                ExactOracle.QuantizeAt(new Codebook<T>(c.NumCodes, Shape.Of(c.Shape), c.Inputs[0]), c.Index, exact);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(definition));
        }

        return exact;
    }

    /// <summary>
    /// The strict profile: a port in the Lean order with a faithful <c>exp</c>. Every definition is nondecreasing in each
    /// <c>exp</c> result it uses (the KL adds <c>e^l</c>, subtracts constants, sums, divides by <c>n</c> and halves;
    /// <c>reparameterizeDiag</c> multiplies one <c>exp</c> by one noise, so each element is monotone in its own <c>exp</c>), and
    /// rounding is monotone, so the possible results lie between the spec evaluated with every <c>exp</c> rounded down and
    /// with every one rounded up; both ends are reached by some faithful <c>exp</c>.
    /// </summary>
    private static Band[] Strict(Definition definition, GoldenCase<T> c)
    {
        var call = c.ToInvocation(definition);
        T[] down = call.Spec<FaithfulExpContext<T, TFormat, Downward>>();
        T[] up = call.Spec<FaithfulExpContext<T, TFormat, Upward>>();
        return [.. Enumerable.Range(0, down.Length).Select(i => Bands.Of<T, TFormat>([down[i], up[i]]))];
    }

    /// <summary>
    /// The gpu profile: the analysis with the profile's <c>exp</c> error and flushed roundings (<see cref="BoundMath"/>), over
    /// the inputs as given and with the subnormals of each subset of the input tensors read as signed zeros (an element's
    /// result depends only on its own inputs, so tensor subsets cover every element's choices); a subnormal end of the band
    /// may be flushed too. The KL mixes coordinates, so instead its band is widened by twice the smallest normal: reading one
    /// coordinate's subnormal <c>mu</c> or <c>logvar</c> as zero moves its term by less than that, and the mean by less than
    /// its share.
    /// </summary>
    private static Band[] Gpu(Definition definition, GoldenCase<T> c, T[] specCr)
    {
        Band[] bands = Analysed(PortProfile.Gpu, definition, c, specCr);
        bool subnormalInput = c.Inputs.Any(v => v.Any(T.IsSubnormal));
        if (definition == Definition.DiagonalGaussianKlToStandard)
        {
            if (subnormalInput)
            {
                bands[0] = Bands.Widened<T, TFormat>(bands[0], ValueKitMinNormal + ValueKitMinNormal);
            }
        }
        else if (subnormalInput)
        {
            int tensors = c.Inputs.Count;
            for (int subset = 1; subset < 1 << tensors; subset++)
            {
                var inputs = new T[tensors][];
                bool changed = false;
                for (int k = 0; k < tensors; k++)
                {
                    bool zeroed = (subset & (1 << k)) != 0;
                    inputs[k] = zeroed ? [.. c.Inputs[k].Select(ReadAsZero)] : c.Inputs[k];
                    changed |= zeroed && c.Inputs[k].Any(T.IsSubnormal);
                }

                if (!changed)
                {
                    continue;
                }

                GoldenCase<T> variant = c with { Inputs = inputs };
                Band[] more = Analysed(PortProfile.Gpu, definition, variant, SpecCr(definition, variant));
                for (int i = 0; i < bands.Length; i++)
                {
                    bands[i] = Bands.Hull<T, TFormat>(bands[i], more[i]);
                }
            }
        }

        return [.. bands.Select(Bands.WithFlushedEnds<T, TFormat>)];
    }

    private static T ReadAsZero(T value) => T.IsSubnormal(value) ? (T.IsNegative(value) ? T.NegativeZero : T.Zero) : value;

    /// <summary>The bands of an analysed profile (<see cref="PortProfile.Default"/> or <see cref="PortProfile.Gpu"/>).</summary>
    private static Band[] Analysed(PortProfile profile, Definition definition, GoldenCase<T> c, T[] specCr) => definition switch
    {
        Definition.ExpTensor => Exp(profile, c.Inputs[0], specCr),
        Definition.HalfTensor => [.. specCr.Select(v => Acceptance.Exactly<T, TFormat>(v))], // x · 0.5 is one correctly rounded operation
        Definition.ReparameterizeDiag => Reparameterize(profile, c.Inputs[0], c.Inputs[1], c.Inputs[2], specCr),
        Definition.DiagonalGaussianKlToStandard => [Kl(profile, c.Inputs[0], c.Inputs[1], specCr[0])],
        Definition.QuantizeAt => [.. specCr.Select(v => Acceptance.Exactly<T, TFormat>(v))], // a copy
        _ => throw new ArgumentOutOfRangeException(nameof(definition)),
    };

    private static BoundMath Math(PortProfile profile) => new(FormatLimits.Of<T, TFormat>(), profile);

    private static Band[] Exp(PortProfile profile, T[] x, T[] specCr)
    {
        var result = new Band[x.Length];
        for (int i = 0; i < x.Length; i++)
        {
            if (!T.IsFinite(x[i]))
            {
                result[i] = Acceptance.Exactly<T, TFormat>(specCr[i]);
                continue;
            }

            using BoundMath math = Math(profile);
            result[i] = Acceptance.From<T, TFormat>(math, ExpBound.Analyse(math, D(x[i])), specCr[i]);
        }

        return result;
    }

    private static Band[] Reparameterize(PortProfile profile, T[] mu, T[] logvar, T[] eps, T[] specCr)
    {
        int n = mu.Length;
        var result = new Band[n];
        for (int i = 0; i < n; i++)
        {
            using BoundMath math = Math(profile);
            if (T.IsInfinity(mu[i]) && T.IsFinite(logvar[i]) && T.IsFinite(eps[i]))
            {
                result[i] = InfiniteMean(math, mu[i], logvar[i], eps[i]);
                continue;
            }

            if (T.IsFinite(logvar[i]) && T.IsInfinity(eps[i]))
            {
                result[i] = InfiniteNoise(math, mu[i], logvar[i], eps[i]);
                continue;
            }

            if (!T.IsFinite(mu[i]) || !T.IsFinite(logvar[i]) || !T.IsFinite(eps[i]))
            {
                result[i] = Acceptance.Exactly<T, TFormat>(specCr[i]);
                continue;
            }

            RealBound bound = ReparameterizeBound.Analyse(math, D(mu[i]), D(logvar[i]), D(eps[i]), D(logvar[i] * Half));
            result[i] = Acceptance.From<T, TFormat>(math, bound, specCr[i]);
        }

        return result;
    }

    /// <summary>
    /// An infinite mean with finite <c>logvar</c> and <c>eps</c>: the result is that infinity, unless the port's product
    /// <c>exp(logvar · 0.5) · eps</c> reaches the opposite infinity (or <c>∞ · 0</c>), which makes it NaN. The product's own
    /// analysis (the element at <c>mu = 0</c>) says whether some port within the profile may get there; a fused multiply-add
    /// never rounds the product, so the infinity itself stays accepted where only the rounded product overflows, and NaN is
    /// required only where the scale itself overflows in every port.
    /// </summary>
    private static Band InfiniteMean(BoundMath math, T mu, T logvar, T eps)
    {
        RealBound product = ReparameterizeBound.Analyse(math, 0, D(logvar), D(eps), D(logvar * Half));

        // The scale itself overflows in every port: the product is that infinity (or NaN against a zero noise), fused or not.
        bool oppositeMust = T.IsNegative(mu) ? product.MustBePositiveInfinity : product.MustBeNegativeInfinity;
        if (oppositeMust || product.Nan == NanRule.Required)
        {
            return Acceptance.MustBeNaN<T, TFormat>();
        }

        bool opposite = T.IsNegative(mu) ? product.MayBePositiveInfinity : product.MayBeNegativeInfinity;
        return Acceptance.Exactly<T, TFormat>(mu, nanAlsoAllowed: opposite || product.Nan == NanRule.Allowed);
    }

    /// <summary>
    /// An infinite noise with a finite <c>logvar</c>: a port's scale <c>exp(logvar · 0.5)</c> may be any positive value (an
    /// <c>exp</c> within its ulps of a tiny <c>e^h</c> may return the least subnormal even where the correctly rounded one is 0),
    /// giving <c>mu + eps</c> (the noise's infinity, or NaN against the opposite infinity), and it may be 0 where
    /// <see cref="ReparameterizeBound.ScaleMayBeZero"/> says so (a faithful <c>exp</c> below the least subnormal, a flushing
    /// port below the smallest normal), giving <c>0 · ∞ = NaN</c>.
    /// </summary>
    private static Band InfiniteNoise(BoundMath math, T mu, T logvar, T eps)
    {
        T positiveScale = mu + eps;
        return ReparameterizeBound.ScaleMayBeZero(math, D(logvar * Half))
            ? Bands.Of<T, TFormat>([positiveScale, T.NaN])
            : Bands.Of<T, TFormat>([positiveScale]);
    }

    private static Band Kl(PortProfile profile, T[] mu, T[] logvar, T specCr)
    {
        if (mu.Length == 0)
        {
            return Acceptance.Exactly<T, TFormat>(specCr);
        }

        using BoundMath math = Math(profile);
        if (mu.Any(v => !T.IsFinite(v)) || logvar.Any(v => !T.IsFinite(v)))
        {
            // The result is +∞ or NaN; PyTorch's form may still turn a finite coordinate with an overflowing var_ratio into NaN.
            bool pyTorchNaN = false;
            for (int i = 0; i < mu.Length; i++)
            {
                pyTorchNaN |= T.IsFinite(logvar[i]) && KlBound.PyTorchFormMayBeNaN(math, 0, D(logvar[i]), D(logvar[i] * Half));
            }

            return Acceptance.Exactly<T, TFormat>(specCr, nanAlsoAllowed: pyTorchNaN);
        }

        RealBound bound = KlBound.Analyse(math, [.. mu.Select(D)], [.. logvar.Select(D)], [.. logvar.Select(l => D(l * Half))]);
        return Acceptance.From<T, TFormat>(math, bound, specCr);
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
        else if (SubnormalWatch<T, TFormat>.Sees(() => c.ToInvocation(definition).Spec<SubnormalWatch<T, TFormat>>()))
        {
            flags.Add(Flags.SubnormalIntermediate);
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

        if (expected.Any(e => e.Default.Nan != NanRule.Required && e.SpecCr != e.Exact && !T.IsNaN(TFormat.FromBits(e.Exact))))
        {
            flags.Add(Flags.SpecCrNotExact);
        }

        if (expected.Any(e => e.Default.Nan == NanRule.Allowed))
        {
            flags.Add(Flags.NanAllowed);
        }

        bool finiteInputs = inputs.All(T.IsFinite);
        if (finiteInputs && definition != Definition.QuantizeAt && expected.Any(e => e.Default.Nan != NanRule.Required && (T.IsInfinity(TFormat.FromBits(e.Default.Lo)) || T.IsInfinity(TFormat.FromBits(e.Default.Hi)))))
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
                if (expected[i].Default.Nan != NanRule.Required || T.IsNaN(c.Inputs[0][i]) || T.IsNaN(c.Inputs[1][i]) || T.IsNaN(c.Inputs[2][i]))
                {
                    continue;
                }

                T scale = CorrectlyRoundedExp.Exp<T, TFormat>(c.Inputs[1][i] * Half);
                bool zeroTimesInf = (T.IsInfinity(scale) && T.IsZero(c.Inputs[2][i])) || (T.IsZero(scale) && T.IsInfinity(c.Inputs[2][i]));
                flags.Add(zeroTimesInf ? Flags.ZeroTimesInf : Flags.InfMinusInf);
            }
        }
        else if (definition == Definition.DiagonalGaussianKlToStandard && c.Size > 0 && expected[0].Default.Nan == NanRule.Required
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
        if (e.Default.Nan == NanRule.Required)
        {
            return false;
        }

        T exact = TFormat.FromBits(e.Exact), tolerance = TFormat.FromBits(e.Default.Tolerance);
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

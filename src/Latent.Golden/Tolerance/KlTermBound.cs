using Latent.Golden.Numerics;
using Latent.Oracles.Mpfr;

namespace Latent.Golden.Tolerance;

/// <summary>
/// What a faithful port may compute for one coordinate term <c>exp(l) + mu² − 1 − l</c> of the KL (before the mean):
/// an interval of finite outcomes and the discrete ones (+∞, NaN), as the union of two evaluation forms:
/// <list type="bullet">
/// <item>the spec's order <c>((exp(l) + mu·mu) − 1) − l</c>, each operation rounded once (or fused), <c>exp</c> within
/// <see cref="BoundMath.ExpUlps"/> ulps (the profile's);</item>
/// <item>PyTorch's Normal–Normal form <c>(var_ratio + mu²) − 1 − log(var_ratio)</c> with <c>var_ratio = exp(l · 0.5)²</c>,
/// <c>log</c> within <see cref="PortModel.LogUlps"/> ulps, halved per coordinate before the mean.</item>
/// </list>
/// </summary>
internal sealed class KlTermBound
{
    private KlTermBound(Enclosure term, Enclosure outcomes)
    {
        Term = term;
        Outcomes = outcomes;
    }

    /// <summary>The real term.</summary>
    public Enclosure Term { get; }

    /// <summary>Every finite value a faithful port may compute for the term.</summary>
    public Enclosure Outcomes { get; private set; }

    /// <summary>Some faithful form may give +∞ (an intermediate may overflow, or PyTorch's <c>var_ratio</c> may underflow to 0 so that <c>−log</c> is +∞).</summary>
    public bool MayBePositiveInfinity { get; private set; }

    /// <summary>Every faithful form gives +∞ (or NaN, see <see cref="MayBeNaN"/>).</summary>
    public bool MustBePositiveInfinity { get; private set; }

    /// <summary>PyTorch's form may give NaN: <c>var_ratio</c> overflows and <c>∞ − log(∞)</c> is NaN where the spec's order gives +∞.</summary>
    public bool MayBeNaN { get; private set; }

    public static KlTermBound Analyse(BoundMath math, double mu, double logvar, double halfInFormat)
    {
        Enclosure l = math.Exactly(logvar);
        Enclosure m = math.Exactly(mu);
        Enclosure variance = math.Exp(l);
        Enclosure square = math.Mul(m, m);
        Enclosure expm1 = math.Expm1(l);
        Enclosure withSquare = math.Add(variance, square);        // exp(l) + mu²
        Enclosure minusOne = math.Add(expm1, square);             // exp(l) + mu² − 1, without cancellation
        Enclosure term = math.Add(math.Sub(expm1, l), square);    // exp(l) − 1 − l + mu²

        MpfrNumber varianceMagnitude = math.Magnitude(variance);
        MpfrNumber squareMagnitude = math.Magnitude(square);
        MpfrNumber withSquareMagnitude = math.Magnitude(withSquare);
        MpfrNumber minusOneMagnitude = math.Magnitude(minusOne);
        MpfrNumber termMagnitude = math.Magnitude(term);

        // The spec's order: a = exp(l), b = mu·mu, c = a + b, d = c − 1, per = d − l; each error adds what came before.
        MpfrNumber da = math.Ulps(math.ExpUlps, varianceMagnitude);
        MpfrNumber db = math.HalfUlp(squareMagnitude);
        MpfrNumber dc = Rounded(math, math.Plus(da, db), withSquareMagnitude);
        MpfrNumber dd = Rounded(math, dc, minusOneMagnitude);
        MpfrNumber dper = Rounded(math, dd, termMagnitude);
        Enclosure outcomes = BoundMath.Between(math.MinusDown(term.Lo, dper), math.Plus(term.Hi, dper));

        var bound = new KlTermBound(term, outcomes)
        {
            MayBePositiveInfinity =
                math.ExpMayOverflow(math.Plus(varianceMagnitude, da)) || math.MayOverflow(math.Plus(squareMagnitude, db)) ||
                math.MayOverflow(math.Plus(withSquareMagnitude, dc)) || math.MayOverflow(math.Plus(termMagnitude, dper)),
            MustBePositiveInfinity =
                Surely(math, variance.Lo, da) || Surely(math, square.Lo, db) || Surely(math, withSquare.Lo, dc),
        };

        bound.AddPyTorchForm(math, l, square, withSquare, minusOne, halfInFormat, db);
        return bound;
    }

    /// <summary>
    /// PyTorch's <c>0.5 · (var_ratio + t1 − 1 − log(var_ratio))</c>: <c>s = exp(l · 0.5)</c>, <c>var_ratio = s · s</c>,
    /// <c>t1 = mu · mu</c>, <c>A = var_ratio + t1</c>, <c>B = A − 1</c>, <c>per = B − log(var_ratio)</c>, halved (the halving
    /// rounds only subnormals, which costs at most η in units of the term).
    /// </summary>
    private void AddPyTorchForm(BoundMath math, Enclosure l, Enclosure square, Enclosure withSquare, Enclosure minusOne, double halfInFormat, MpfrNumber db)
    {
        Enclosure half = math.Scale(l, -1);
        Enclosure scale = math.Exp(half);
        MpfrNumber scaleMagnitude = math.Magnitude(scale);
        MpfrNumber shift = math.Times(2, math.Times(scaleMagnitude, math.Magnitude(math.Sub(math.Exactly(halfInFormat), half))));
        MpfrNumber ds = math.Plus(math.Ulps(math.ExpUlps, math.Plus(scaleMagnitude, shift)), shift);

        // var_ratio = s² with s = e^(l/2) ± ds: |s² − e^l| ≤ 2 e^(l/2) ds + ds², plus its own rounding.
        Enclosure variance = math.Mul(scale, scale);
        MpfrNumber squaredError = math.Plus(math.Times(2, math.Times(scaleMagnitude, ds)), math.Times(ds, ds));
        MpfrNumber dvr = math.Plus(squaredError, math.HalfUlp(math.Plus(math.Magnitude(variance), squaredError)));
        MpfrNumber ratioLow = math.MinusDown(variance.Lo, dvr);
        MpfrNumber ratioHigh = math.Plus(variance.Hi, dvr);

        if (math.ExpMayOverflow(math.Plus(scaleMagnitude, ds)) || math.MayOverflow(ratioHigh))
        {
            MayBeNaN = true;
            if (BoundMath.Exceeds(ratioLow, math.Max))
            {
                return; // var_ratio is ∞ in every port: only NaN, no finite outcome of this form.
            }

            ratioHigh = math.Max;
        }

        // A float var_ratio is 0 or at least η. Below η/2 it is 0 for sure; log(0) = −∞ makes the term +∞.
        if (BoundMath.Exceeds(math.Quantum, ratioLow))
        {
            MayBePositiveInfinity = true;
            if (BoundMath.Exceeds(math.Quantum, ratioHigh))
            {
                return;
            }

            ratioLow = math.Quantum;
        }

        Enclosure logRatio = math.Log(BoundMath.Between(ratioLow, ratioHigh));
        MpfrNumber logError = math.Ulps(PortModel.LogUlps, math.Magnitude(logRatio));

        MpfrNumber dA = Rounded(math, math.Plus(dvr, db), math.Magnitude(withSquare));
        MpfrNumber dB = Rounded(math, dA, math.Magnitude(minusOne));
        MayBePositiveInfinity |= math.MayOverflow(math.Plus(math.Magnitude(withSquare), dA));

        // per = B − L with B within dB of (e^l + mu² − 1) and L within logError of log(var_ratio).
        MpfrNumber low = math.MinusDown(math.MinusDown(minusOne.Lo, dB), math.Plus(logRatio.Hi, logError));
        MpfrNumber high = math.Plus(math.Plus(minusOne.Hi, dB), math.Minus(logError, logRatio.Lo));
        MpfrNumber rounding = math.Plus(math.HalfUlp(Larger(math, low, high)), math.Quantum);
        low = math.MinusDown(low, rounding);
        high = math.Plus(high, rounding);
        Outcomes = BoundMath.Between(Smaller(Outcomes.Lo, low), BoundMath.Larger(Outcomes.Hi, high));
    }

    /// <summary>An error <paramref name="carried"/> into an operation whose exact result has magnitude at most <paramref name="magnitude"/>, plus that operation's rounding.</summary>
    private static MpfrNumber Rounded(BoundMath math, MpfrNumber carried, MpfrNumber magnitude) =>
        math.Plus(carried, math.HalfUlp(math.Plus(magnitude, carried)));

    /// <summary>Whether a value known to be at least <c>lower − error</c> surely exceeds the largest finite value.</summary>
    private static bool Surely(BoundMath math, MpfrNumber lower, MpfrNumber error) =>
        BoundMath.Exceeds(math.MinusDown(lower, error), math.Max);

    private static MpfrNumber Larger(BoundMath math, MpfrNumber a, MpfrNumber b) =>
        math.Magnitude(BoundMath.Between(a, b));

    private static MpfrNumber Smaller(MpfrNumber a, MpfrNumber b) => MpfrNative.Compare(a, b) <= 0 ? a : b;
}

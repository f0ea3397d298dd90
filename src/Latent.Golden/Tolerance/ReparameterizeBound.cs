using Latent.Golden.Model;
using Latent.Golden.Numerics;
using Latent.Oracles.Mpfr;

namespace Latent.Golden.Tolerance;

/// <summary>
/// The analysis of one element of <c>reparameterizeDiag</c> at finite inputs: <c>z = mu + exp(logvar · 0.5) · eps</c>, with a
/// port's <c>exp</c> within <see cref="BoundMath.ExpUlps"/> ulps (the profile's), and the product and sum each rounded once or fused into one
/// rounding (a fused multiply-add only removes a rounding, so the unfused bound covers it).
/// </summary>
internal static class ReparameterizeBound
{
    /// <param name="math">The analysis arithmetic of the format.</param>
    /// <param name="mu">The mean.</param>
    /// <param name="logvar">The log-variance.</param>
    /// <param name="eps">The noise.</param>
    /// <param name="halfInFormat"><c>logvar · 0.5</c> rounded in the format (differs from <c>logvar / 2</c> only for odd subnormals).</param>
    public static RealBound Analyse(BoundMath math, double mu, double logvar, double eps, double halfInFormat)
    {
        Enclosure half = math.Scale(math.Exactly(logvar), -1);
        Enclosure scale = math.Exp(half);
        MpfrNumber scaleMagnitude = math.Magnitude(scale);

        // The port exponentiates the rounded half; e^h' − e^(l/2) ≤ e^(l/2)(e^δ − 1) ≤ 2 e^(l/2) δ for the tiny δ of a subnormal.
        MpfrNumber shift = math.Times(2, math.Times(scaleMagnitude, math.Magnitude(math.Sub(math.Exactly(halfInFormat), half))));
        MpfrNumber scaleError = math.Plus(math.Ulps(math.ExpUlps, math.Plus(scaleMagnitude, shift)), shift);

        Enclosure noise = math.Exactly(eps);
        MpfrNumber noiseMagnitude = math.Magnitude(noise);
        Enclosure product = math.Mul(scale, noise);
        MpfrNumber productMagnitude = math.Magnitude(product);
        MpfrNumber propagated = math.Times(noiseMagnitude, scaleError);
        MpfrNumber productError = math.Plus(propagated, math.HalfUlp(math.Plus(productMagnitude, propagated)));

        Enclosure z = math.Add(math.Exactly(mu), product);
        MpfrNumber zError = math.Plus(productError, math.HalfUlp(math.Plus(math.Magnitude(z), productError)));
        var bound = new RealBound(z, zError, zError);

        // exp(logvar · 0.5) itself may be ∞ in a port: then the product is ±∞, or NaN against a zero noise.
        bool scaleMay = math.ExpMayOverflow(math.Plus(scaleMagnitude, scaleError));
        bool scaleMust = BoundMath.Exceeds(math.MinusDown(scale.Lo, scaleError), math.Max);

        // The rounded product may overflow although mu brings the real sum back into range (a fused port then stays finite).
        bool productMay = math.MayOverflow(math.Plus(productMagnitude, propagated));
        if (eps == 0)
        {
            bound.Nan = scaleMust ? NanRule.Required : scaleMay ? NanRule.Allowed : NanRule.Forbidden;
        }
        else if (eps > 0)
        {
            bound.MustBePositiveInfinity = scaleMust;
            bound.MayBePositiveInfinity = scaleMay || productMay;
        }
        else
        {
            bound.MustBeNegativeInfinity = scaleMust;
            bound.MayBeNegativeInfinity = scaleMay || productMay;
        }

        return bound;
    }

    /// <summary>
    /// Whether a port's <c>exp(h)</c> may be 0 at the rounded half <paramref name="halfInFormat"/>: within the profile's ulps of
    /// <c>e^h</c> reaches 0 (below the least subnormal for a faithful <c>exp</c>, and below the smallest normal where results
    /// may be flushed). Used where the noise is infinite: a zero scale then makes the product NaN.
    /// </summary>
    public static bool ScaleMayBeZero(BoundMath math, double halfInFormat)
    {
        Enclosure scale = math.Exp(math.Exactly(halfInFormat));
        MpfrNumber magnitude = math.Magnitude(scale);
        return !BoundMath.Exceeds(math.MinusDown(scale.Lo, math.Ulps(math.ExpUlps, magnitude)), math.Zero);
    }
}

using Latent.Golden.Model;
using Latent.Golden.Numerics;
using Latent.Oracles.Mpfr;

namespace Latent.Golden.Tolerance;

/// <summary>
/// The analysis of one element of a derivative file at finite inputs. The admitted backward kernels are the dual-number
/// evaluation of the Lean text (TorchLean's <c>Context (Dual α)</c>, the files' <c>specCr</c>), reverse-mode autograd of the
/// spec's expression, and autograd of PyTorch's own forms (<c>kl_divergence</c>'s <c>var_ratio = exp(l/2)²</c>,
/// <c>exp</c>'s backward from its result), each with its products fused or not. Each element is a product or quotient of
/// at most <c>R</c> rounded factors, or, where it cancels (the KL's <c>e^l − 1</c>), a sum whose summands are bounded by a
/// stated magnitude <c>M</c>, so its error is at most <c>2R·u·M</c> (a rounding errs by at most <c>u</c> relative, <c>2u</c> when
/// counted in ulps of a larger neighbour), plus <c>2k·u·M</c> for each <c>exp</c> within <c>k</c> ulps (twice for the squared
/// <c>exp(l/2)</c> of PyTorch's form), plus <c>R·n·η</c> for roundings in the subnormal range.
/// <c>docs/golden-vectors.md</c> §4.8 lists the forms and counts.
/// </summary>
internal static class DerivativeBound
{
    /// <summary>The most roundings of an admitted form of a KL gradient element.</summary>
    public const int KlRoundings = 8;

    /// <summary>The most roundings of an admitted form of a reparameterizeDiag VJP element.</summary>
    public const int VjpRoundings = 4;

    /// <summary><c>∂KL/∂mu_i = mu_i / n</c>: the dual form computes <c>((2 mu · n) / n²) · 0.5</c>, autograd <c>(0.5 · (1/n)) · 2 · mu</c>.</summary>
    public static RealBound KlMu(BoundMath math, double mu, int n, bool primalMayOverflow)
    {
        Enclosure value = math.Divide(math.Exactly(mu), n);
        MpfrNumber magnitude = math.Times(2, math.Magnitude(value));
        MpfrNumber error = Error(math, KlRoundings, 0, magnitude, n);

        // The dual form's 2·mu·n may overflow although mu / n does not.
        bool mayOverflow = math.MayOverflow(math.Times(2 * (long)n, math.Magnitude(math.Exactly(mu))));
        return new RealBound(value, error, error)
        {
            MayBePositiveInfinity = mayOverflow && mu > 0,
            MayBeNegativeInfinity = mayOverflow && mu < 0,
            Nan = primalMayOverflow || (mayOverflow && mu == 0) ? NanRule.Allowed : NanRule.Forbidden,
        };
    }

    /// <summary>
    /// <c>∂KL/∂logvar_i = (e^l − 1) / (2n)</c>, cancelling near <c>l = 0</c>: the dual form computes <c>((e^l − 1)·n / n²)·0.5</c>,
    /// autograd of the spec <c>g·e^l − g</c> with <c>g = 0.5/n</c>, PyTorch's form <c>((0.5 − 0.5/vr)/n · 2s) · s · 0.5</c> with
    /// <c>s = exp(l/2)</c>, <c>vr = s²</c>. Every summand and intermediate is at most <c>M = (e^l + 1)/n</c> (after the scalings).
    /// </summary>
    public static RealBound KlLogvar(BoundMath math, double logvar, int n, bool primalMayOverflow)
    {
        Enclosure exp = math.Exp(math.Exactly(logvar));
        Enclosure value = math.Divide(math.Expm1(math.Exactly(logvar)), 2L * n);
        MpfrNumber magnitude = math.Over(math.Plus(exp.Hi, math.Of(1)), n);
        MpfrNumber error = Error(math, KlRoundings, 2 * math.ExpUlps, magnitude, n);

        // e^l itself, (e^l − 1)·n of the dual form, or the result may overflow; every port does where the result surely does.
        MpfrNumber expError = math.Ulps(math.ExpUlps, exp.Hi);
        bool mayOverflow = math.ExpMayOverflow(math.Plus(exp.Hi, expError))
            || math.MayOverflow(math.Times(n, math.Plus(exp.Hi, math.Of(1))))
            || math.MayOverflow(math.Plus(value.Hi, error));
        // PyTorch's form divides 0.5 by var_ratio = exp(l/2)²: where var_ratio may be 0 or below 0.5/MAX, 0.5/var_ratio is +∞ and
        // the gradient −∞ (NaN where exp(l/2) is 0 too): the backward kernel of kl_divergence at a vanishing variance.
        MpfrNumber ratioLow = math.MinusDown(exp.Lo, math.Ulps(4 * math.ExpUlps, exp.Hi));
        bool ratioMayVanish = !BoundMath.Exceeds(ratioLow, math.Over(math.Of(0.5), math.Max));
        return new RealBound(value, error, error)
        {
            MayBePositiveInfinity = mayOverflow,
            MustBePositiveInfinity = BoundMath.Exceeds(math.MinusDown(value.Lo, error), math.Max),
            MayBeNegativeInfinity = ratioMayVanish,
            Nan = primalMayOverflow || ratioMayVanish ? NanRule.Allowed : NanRule.Forbidden,
        };
    }

    /// <summary>
    /// <c>∂z/∂eps · dz = dz · e^{l/2}</c> (dual: <c>s · dz</c>; autograd: <c>dz · s</c>), and <c>∂z/∂logvar · dz = dz · eps · e^{l/2} / 2</c>
    /// (dual: <c>((dz · 0.5) · s) · eps</c>; autograd: <c>((dz · eps) · s) · 0.5</c>), with <c>s</c> the port's <c>exp(logvar · 0.5)</c>.
    /// </summary>
    /// <param name="math">The analysis arithmetic of the format.</param>
    /// <param name="a">The cotangent element <c>dz</c>.</param>
    /// <param name="b">1 for <c>∂/∂eps</c>, <c>eps</c> for <c>∂/∂logvar</c>.</param>
    /// <param name="logvar">The log-variance.</param>
    /// <param name="halfInFormat"><c>logvar · 0.5</c> rounded in the format.</param>
    /// <param name="halve">Whether the result is halved (<c>∂/∂logvar</c>).</param>
    public static RealBound VjpScaled(BoundMath math, double a, double b, double logvar, double halfInFormat, bool halve)
    {
        Enclosure half = math.Scale(math.Exactly(logvar), -1);
        Enclosure scale = math.Exp(half);
        Enclosure factorValue = math.Mul(math.Exactly(a), math.Exactly(b)); // exact: 256 bits hold the product
        double factor = a == 0 || b == 0 ? 0 : (a > 0) == (b > 0) ? 1 : -1;
        Enclosure product = math.Mul(factorValue, scale);
        Enclosure value = halve ? math.Scale(product, -1) : product;
        MpfrNumber magnitude = math.Magnitude(value);

        // The port's s is within k ulps of e^h' (ulps floored at η: absolute where s is subnormal), and e^h' − e^(l/2) ≤
        // 2 e^(l/2) δ for the tiny δ of an odd subnormal logvar; that error is multiplied by |a·b| (halved for ∂/∂logvar).
        MpfrNumber scaleMagnitude = math.Magnitude(scale);
        MpfrNumber shift = math.Times(2, math.Times(scaleMagnitude, math.Magnitude(math.Sub(math.Exactly(halfInFormat), half))));
        MpfrNumber scaleError = math.Plus(math.Ulps(math.ExpUlps, math.Plus(scaleMagnitude, shift)), shift);
        MpfrNumber propagated = math.Times(math.Magnitude(factorValue), scaleError);
        MpfrNumber error = math.Plus(Error(math, VjpRoundings, 0, math.Plus(magnitude, propagated), 1), propagated);

        // A rounding in the subnormal range errs by η/2 absolutely, and a later product multiplies that by the remaining factors
        // (the dual form rounds s · (dz · 0.5) before multiplying by eps): (1 + |a|)(1 + |b|) bounds them.
        MpfrNumber amplification = math.Times(math.Plus(math.Of(1), math.Magnitude(math.Exactly(a))), math.Plus(math.Of(1), math.Magnitude(math.Exactly(b))));
        error = math.Plus(error, math.Times(math.Times(VjpRoundings, math.Quantum), amplification));

        // s itself may overflow (then the dual form's s · 0 is NaN), or an intermediate such as dz · 0.5 · s.
        bool scaleMay = math.ExpMayOverflow(math.Plus(math.Magnitude(scale), scaleError));
        bool scaleMust = BoundMath.Exceeds(math.MinusDown(scale.Lo, scaleError), math.Max);
        // Autograd multiplies dz · eps before s; the dual form dz · 0.5 · s before eps; a port may also form eps · s first.
        MpfrNumber largestFactor = BoundMath.Larger(
            BoundMath.Larger(math.Magnitude(math.Exactly(a)), math.Magnitude(math.Exactly(b))),
            math.Magnitude(factorValue));
        bool intermediateMay = scaleMay
            || math.MayOverflow(math.Magnitude(factorValue))
            || math.MayOverflow(math.Plus(math.Times(largestFactor, math.Plus(math.Magnitude(scale), scaleError)), error));
        bool mustOverflow = factor != 0 && (scaleMust || BoundMath.Exceeds(math.MinusDown(math.MinimumMagnitude(value), error), math.Max));
        return new RealBound(value, error, error)
        {
            MayBePositiveInfinity = intermediateMay && factor > 0,
            MayBeNegativeInfinity = intermediateMay && factor < 0,
            MustBePositiveInfinity = mustOverflow && factor > 0,
            MustBeNegativeInfinity = mustOverflow && factor < 0,
            Nan = scaleMay || (intermediateMay && factor == 0) ? NanRule.Allowed : NanRule.Forbidden,
        };
    }

    /// <summary><c>(2R + 2k)·u·M + R·n·η</c>.</summary>
    private static MpfrNumber Error(BoundMath math, int roundings, int expUlps, MpfrNumber magnitude, int n) =>
        math.Plus(math.Times(math.Times(2L * (roundings + expUlps), math.UnitRoundoff), magnitude), math.Times((long)roundings * n, math.Quantum));
}

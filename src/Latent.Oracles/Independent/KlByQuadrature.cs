using System;
using MathNet.Numerics;
using MathNet.Numerics.Distributions;

namespace Latent.Oracles.Independent;

/// <summary>
/// The KL divergence of <c>N(mu, exp(logvar))</c> from <c>N(0, 1)</c> from its <b>definition</b>,
/// <c>∫ p(x) (ln p(x) − ln q(x)) dx</c>, by adaptive Gauss–Kronrod quadrature over MathNet's normal log-densities; the
/// closed form <c>(exp(logvar) + mu² − 1 − logvar) / 2</c> is used nowhere.
/// </summary>
/// <remarks>
/// <para>This is an independent check of the closed form that the Lean module, the mirror and the MPFR oracle all share: a
/// mistake in that formula (a missing 1/2, <c>mu</c> instead of <c>mu²</c>, <c>exp(logvar / 2)</c> for the variance) would
/// survive every comparison among them, but not a comparison with this integral.</para>
/// <para>The integral is written in the standardized variable, <c>x = mu + σt</c>, <c>p(x) dx = φ(t) dt</c>:
/// <c>∫ φ(t) (ln p(mu + σt) − ln q(mu + σt)) dt</c>, with both log-densities from MathNet's <c>Normal.PDFLn</c> at the point
/// <c>x</c>. The substitution only moves the quadrature nodes to where the probability is, for any σ; integrating in
/// <c>x</c> instead puts the nodes at <c>mu + kσ</c> rounded to binary64, an error of <c>u|mu|/σ</c> in <c>t</c> that the
/// log-ratio (of size <c>mu²/2</c>) multiplies. The range <c>t ∈ [−40, 40]</c> is cut at <c>0, ±1, ±3, ±6, ±12</c>; the tails
/// beyond carry probability <c>2Φ(−40) &lt; 10^−340</c> and a log-ratio that grows only polynomially, so they are zero in
/// binary64.</para>
/// <para>The result is a binary64 approximation, not a correctly rounded value: <see cref="Estimate.Tolerance"/> bounds its
/// error by the quadrature's own error estimate plus a rounding budget for the integrand (see
/// <see cref="Coordinate(double, double)"/>). Inputs the integrand cannot resolve in binary64 are rejected.</para>
/// </remarks>
public static class KlByQuadrature
{
    /// <summary>Half-widths, in standard deviations (units of <c>t</c>), of the nested pieces the integral is cut into.</summary>
    private static readonly double[] Cuts = [1, 3, 6, 12, 40];

    /// <summary>Unit roundoff of binary64, 2^−53.</summary>
    private const double UnitRoundoff = 1.0 / (1L << 53);

    /// <summary>A quadrature value and a bound on its distance from the real divergence.</summary>
    /// <param name="Value">The quadrature value.</param>
    /// <param name="Tolerance">A bound on <c>|Value − KL|</c> (see <see cref="Coordinate(double, double)"/>).</param>
    public readonly record struct Estimate(double Value, double Tolerance);

    /// <summary>
    /// The divergence of one coordinate, <c>KL(N(mu, σ²) ‖ N(0, 1))</c> with <c>σ = exp(logvar / 2)</c>.
    /// </summary>
    /// <param name="mu">The mean.</param>
    /// <param name="logvar">The log-variance.</param>
    /// <returns>The value and its tolerance. The tolerance is four times the quadrature's error estimate plus
    /// <c>2^8 · u · (1 + |ln σ| + mu² + σ² + (1 + |mu|/σ)(1 + |mu|σ + σ²))</c>, <c>u = 2^−53</c>: each log-density is evaluated
    /// with an error of a few <c>u</c> times its own size (<c>|ln σ| + t²/2</c> for <c>p</c>, <c>x²/2</c> for <c>q</c>, whose
    /// expectations are bounded by the first terms), and rounding <c>x = mu + σt</c> moves the point by <c>u(|mu| + σ|t|)</c>,
    /// that is <c>t</c> by <c>δ ≤ u(1 + |mu|/σ)</c>, which the slope of the log-ratio in <c>t</c>, <c>|−t + σx|</c>, multiplies.
    /// The factor 2^8 leaves room for the constants of every step; the tests check the tolerance against the MPFR
    /// oracle.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An input is not finite, or the Gaussian cannot be resolved in binary64:
    /// <c>σ</c> outside <c>[2^−400, 2^400]</c>, <c>|mu| &gt; 2^400</c>, or <c>σ &lt; 2^−20 · |mu|</c> (nodes would collapse onto
    /// <c>mu</c>).</exception>
    public static Estimate Coordinate(double mu, double logvar)
    {
        if (!double.IsFinite(mu))
        {
            throw new ArgumentOutOfRangeException(nameof(mu), mu, "The mean must be finite.");
        }

        if (!double.IsFinite(logvar))
        {
            throw new ArgumentOutOfRangeException(nameof(logvar), logvar, "The log-variance must be finite.");
        }

        double sigma = Math.Exp(logvar / 2);
        if (sigma < Math.ScaleB(1, -400) || sigma > Math.ScaleB(1, 400) || Math.Abs(mu) > Math.ScaleB(1, 400))
        {
            throw new ArgumentOutOfRangeException(nameof(logvar), logvar, "The Gaussian's scale is outside what the binary64 integrand resolves.");
        }

        if (sigma < Math.ScaleB(Math.Abs(mu), -20))
        {
            throw new ArgumentOutOfRangeException(nameof(logvar), logvar, $"σ = {sigma:R} is too small beside mu = {mu:R}: quadrature nodes would collapse onto mu.");
        }

        double Integrand(double t)
        {
            double x = mu + (sigma * t);
            return Normal.PDF(0, 1, t) * (Normal.PDFLn(mu, sigma, x) - Normal.PDFLn(0, 1, x));
        }

        double value = 0, errorSum = 0;
        double inner = 0;
        foreach (double k in Cuts)
        {
            // The pieces [−k, −inner] and [inner, k]; the first pass integrates [−1, 1] in two halves.
            value += Piece(Integrand, -k, -inner, ref errorSum);
            value += Piece(Integrand, inner, k, ref errorSum);
            inner = k;
        }

        double shift = (1 + (Math.Abs(mu) / sigma)) * (1 + (Math.Abs(mu) * sigma) + (sigma * sigma));
        double scale = 1 + Math.Abs(Math.Log(sigma)) + (mu * mu) + (sigma * sigma) + shift;
        double tolerance = (4 * errorSum) + (256 * UnitRoundoff * scale);
        return new Estimate(value, tolerance);
    }

    /// <summary>The mean divergence over coordinates, <c>(1/n) Σ KL_i</c>: what <c>diagonalGaussianKlToStandard</c> computes.</summary>
    /// <exception cref="ArgumentException">The inputs differ in length or are empty.</exception>
    public static Estimate MeanOver(ReadOnlySpan<double> mu, ReadOnlySpan<double> logvar)
    {
        Estimate sum = SumOver(mu, logvar);
        return new Estimate(sum.Value / mu.Length, sum.Tolerance / mu.Length);
    }

    /// <summary>The summed divergence over coordinates, <c>Σ KL_i</c>: TorchLean's <c>diagonalGaussianKlToStandardReal</c>, the
    /// divergence of the whole diagonal Gaussian (independent coordinates) from the standard normal.</summary>
    /// <exception cref="ArgumentException">The inputs differ in length or are empty.</exception>
    public static Estimate SumOver(ReadOnlySpan<double> mu, ReadOnlySpan<double> logvar)
    {
        if (mu.Length != logvar.Length)
        {
            throw new ArgumentException($"logvar has {logvar.Length} elements but mu has {mu.Length}.", nameof(logvar));
        }

        if (mu.IsEmpty)
        {
            throw new ArgumentException("The divergence over an empty shape has no quadrature form.", nameof(mu));
        }

        double value = 0, tolerance = 0;
        for (int i = 0; i < mu.Length; i++)
        {
            Estimate e = Coordinate(mu[i], logvar[i]);
            value += e.Value;
            tolerance += e.Tolerance;
        }

        // The n − 1 additions above round too: γ_(n−1) Σ|KL_i| ≤ n·u·Σ(|value| + tolerance) covers them.
        return new Estimate(value, tolerance + (mu.Length * UnitRoundoff * (Math.Abs(value) + tolerance)));
    }

    private static double Piece(Func<double, double> f, double a, double b, ref double errorSum)
    {
        double piece = Integrate.GaussKronrod(f, a, b, out double error, out _, targetRelativeError: 1e-14, maximumDepth: 10, order: 61);
        errorSum += error;
        return piece;
    }
}

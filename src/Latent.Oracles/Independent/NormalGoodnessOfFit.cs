using System;
using MathNet.Numerics.Distributions;

namespace Latent.Oracles.Independent;

/// <summary>
/// Goodness-of-fit tests of a sample against a fully specified normal law <c>N(mean, sd²)</c>, with MathNet's
/// <c>Normal.CDF(mean, sd, x)</c> as the reference distribution function: the one-sample Kolmogorov–Smirnov test and the
/// Anderson–Darling test (case 0: no parameter estimated from the sample).
/// </summary>
/// <remarks>
/// <para>The library draws no noise: callers pass the sample (the tests draw it from a seeded generator, so a run is
/// deterministic) and choose the significance level.</para>
/// <para>Values: NaN is never a draw from a normal law, so a sample containing one gets p-values 0. ±∞ are accepted. A
/// binary format rounds every real beyond its overflow threshold to ±∞, so a sample of rounded draws has atoms there; given
/// that threshold, Kolmogorov–Smirnov compares the sample with the law of the <i>rounded</i> draw, whose distribution function
/// jumps at ±∞ by the normal mass beyond ±threshold (without it, ±∞ count as impossible values). Its p-value from the
/// continuous Kolmogorov distribution is then conservative. Anderson–Darling gives <c>A² = +∞</c> (p = 0) for any infinite
/// draw, because its weight <c>1 / F(1 − F)</c> is infinite there: use it only where overflow has negligible probability.</para>
/// <para>What such a test can show: with <c>n</c> draws, Kolmogorov–Smirnov at level α detects a distribution-function
/// error larger than about <c>sqrt(ln(2/α) / 2n)</c> (0.0138 for n = 20000, α = 10^−3); Anderson–Darling is more sensitive
/// in the tails. Neither sees errors of a few units in the last place; those need a per-sample comparison with an exact
/// oracle.</para>
/// </remarks>
public static class NormalGoodnessOfFit
{
    /// <summary>The statistics and asymptotic p-values of both tests on one sample.</summary>
    /// <param name="Count">The sample size <c>n</c>.</param>
    /// <param name="KolmogorovSmirnov">The statistic <c>D = sup |F_n(x) − F(x)|</c>.</param>
    /// <param name="KolmogorovSmirnovPValue">Its p-value from the Kolmogorov distribution with Stephens' finite-sample
    /// adjustment <c>λ = (√n + 0.12 + 0.11/√n) D</c>.</param>
    /// <param name="AndersonDarling">The statistic <c>A²</c>.</param>
    /// <param name="AndersonDarlingPValue">Its p-value from the asymptotic distribution (Marsaglia &amp; Marsaglia 2004), accurate
    /// to about 10^−5 for n in the hundreds or more.</param>
    public readonly record struct Result(int Count, double KolmogorovSmirnov, double KolmogorovSmirnovPValue, double AndersonDarling, double AndersonDarlingPValue)
    {
        /// <summary>Whether either test rejects the law at level <paramref name="alpha"/> (each test at <c>alpha / 2</c>, Bonferroni).</summary>
        public bool RejectsAt(double alpha) => KolmogorovSmirnovPValue < alpha / 2 || AndersonDarlingPValue < alpha / 2;
    }

    /// <summary>Tests <paramref name="sample"/> against <c>N(mean, standardDeviation²)</c>.</summary>
    /// <param name="sample">The draws; not modified.</param>
    /// <param name="mean">The law's mean (finite).</param>
    /// <param name="standardDeviation">The law's standard deviation (finite, positive).</param>
    /// <param name="overflowThreshold">Where the draws were rounded into a format: the magnitude above which a real rounds to
    /// ±∞ (for the format's largest finite value <c>M</c> and spacing <c>ulp</c> there, <c>M + ulp/2</c>, in the same units as the
    /// sample). <c>+∞</c>, the default, for draws that cannot overflow.</param>
    /// <exception cref="ArgumentException">The sample has fewer than 2 draws, or the law's parameters are not finite with a
    /// positive deviation, or the threshold is not positive.</exception>
    public static Result Test(ReadOnlySpan<double> sample, double mean, double standardDeviation, double overflowThreshold = double.PositiveInfinity)
    {
        if (!(overflowThreshold > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(overflowThreshold), overflowThreshold, "The overflow threshold must be positive.");
        }

        if (sample.Length < 2)
        {
            throw new ArgumentException("A goodness-of-fit test needs at least two draws.", nameof(sample));
        }

        if (!double.IsFinite(mean))
        {
            throw new ArgumentOutOfRangeException(nameof(mean), mean, "The mean must be finite.");
        }

        if (!double.IsFinite(standardDeviation) || standardDeviation <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(standardDeviation), standardDeviation, "The standard deviation must be finite and positive.");
        }

        int n = sample.Length;
        double[] sorted = sample.ToArray();
        foreach (double x in sorted)
        {
            if (double.IsNaN(x))
            {
                return new Result(n, 1, 0, double.PositiveInfinity, 0);
            }
        }

        Array.Sort(sorted);

        // F below and the upper tail 1 − F computed by symmetry, 1 − F(x) = F'(−x) for the law N(−mean, sd²): negation is
        // exact, so the upper tail keeps its relative precision instead of losing it in 1 − F.
        var lower = new double[n];
        var upper = new double[n];
        for (int i = 0; i < n; i++)
        {
            lower[i] = Normal.CDF(mean, standardDeviation, sorted[i]);
            upper[i] = Normal.CDF(-mean, standardDeviation, -sorted[i]);
        }

        double d = KolmogorovSmirnovStatistic(sorted, lower, Normal.CDF(mean, standardDeviation, -overflowThreshold), Normal.CDF(-mean, standardDeviation, -overflowThreshold));
        double a2 = AndersonDarlingStatistic(lower, upper);
        return new Result(n, d, KolmogorovSmirnovPValue(d, n), a2, AndersonDarlingPValue(a2));
    }

    /// <summary>
    /// <c>D = sup |F_n − G|</c>, evaluated at every sorted draw <c>x_(i)</c> (0-based <c>i</c>) from both sides:
    /// <c>max((i + 1)/n − G(x_(i)), G(x_(i)⁻) − i/n)</c>. For finite draws <c>G = F</c> on both sides; at −∞, <c>G(−∞⁻) = 0</c> and
    /// <c>G(−∞) = F(−threshold)</c>; at +∞, <c>G(+∞⁻) = 1 − F̄(threshold)</c> and <c>G(+∞) = 1</c>. Ties (atoms) are handled, since
    /// the last draw of a tie sees the whole jump of <c>F_n</c> on one side and the first draw on the other.
    /// </summary>
    private static double KolmogorovSmirnovStatistic(double[] sorted, double[] cdf, double massBelow, double massAbove)
    {
        int n = cdf.Length;
        double d = 0;
        for (int i = 0; i < n; i++)
        {
            (double before, double at) = sorted[i] switch
            {
                double.NegativeInfinity => (0.0, massBelow),
                double.PositiveInfinity => (1.0 - massAbove, 1.0),
                _ => (cdf[i], cdf[i]),
            };
            d = Math.Max(d, Math.Max(((i + 1) / (double)n) - at, before - (i / (double)n)));
        }

        return d;
    }

    /// <summary><c>A² = −n − (1/n) Σ (2i − 1) (ln F(x_(i)) + ln(1 − F(x_(n+1−i))))</c>; +∞ when a draw sits at F = 0 or 1.</summary>
    private static double AndersonDarlingStatistic(double[] lower, double[] upper)
    {
        int n = lower.Length;
        double sum = 0;
        for (int i = 0; i < n; i++)
        {
            sum += ((2.0 * i) + 1) * (Math.Log(lower[i]) + Math.Log(upper[n - 1 - i]));
        }

        double a2 = -n - (sum / n);
        return double.IsNaN(a2) ? double.PositiveInfinity : a2;
    }

    /// <summary>
    /// <c>P(D_n ≥ d)</c> from the Kolmogorov distribution <c>Q(λ) = 2 Σ_(k≥1) (−1)^(k−1) e^(−2k²λ²)</c> at Stephens' adjusted
    /// <c>λ</c>; for small <c>λ</c> the equivalent theta-function form <c>1 − (√(2π)/λ) Σ e^(−(2k−1)²π²/(8λ²))</c> converges faster.
    /// </summary>
    public static double KolmogorovSmirnovPValue(double d, int n)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        double root = Math.Sqrt(n);
        double lambda = (root + 0.12 + (0.11 / root)) * d;
        if (lambda <= 0)
        {
            return 1;
        }

        double q;
        if (lambda < 1.18)
        {
            double sum = 0;
            for (int k = 1; k <= 8; k++)
            {
                double m = (2 * k) - 1;
                sum += Math.Exp(-(m * m) * Math.PI * Math.PI / (8 * lambda * lambda));
            }

            q = 1 - (Math.Sqrt(2 * Math.PI) / lambda * sum);
        }
        else
        {
            q = 0;
            for (int k = 1; k <= 100; k++)
            {
                double term = Math.Exp(-2.0 * k * k * lambda * lambda);
                q += (k % 2 == 1 ? 2 : -2) * term;
                if (term < 1e-300)
                {
                    break;
                }
            }
        }

        return Math.Clamp(q, 0, 1);
    }

    /// <summary>
    /// <c>P(A² ≥ a2)</c> from the asymptotic Anderson–Darling distribution, by the approximation of G. Marsaglia and J. Marsaglia,
    /// "Evaluating the Anderson–Darling Distribution", Journal of Statistical Software 9(2), 2004 (<c>adinf</c>, absolute error
    /// below 2·10^−6).
    /// </summary>
    public static double AndersonDarlingPValue(double a2)
    {
        if (double.IsNaN(a2) || double.IsPositiveInfinity(a2))
        {
            return 0;
        }

        if (a2 <= 0)
        {
            return 1;
        }

        double cdf = a2 < 2
            ? Math.Exp(-1.2337141 / a2) / Math.Sqrt(a2) * (2.00012 + ((0.247105 - ((0.0649821 - ((0.0347962 - ((0.011672 - (0.00168691 * a2)) * a2)) * a2)) * a2)) * a2))
            : Math.Exp(-Math.Exp(1.0776 - ((2.30695 - ((0.43424 - ((0.082433 - ((0.008056 - (0.0003146 * a2)) * a2)) * a2)) * a2)) * a2)));
        return Math.Clamp(1 - cdf, 0, 1);
    }
}

using System;
using System.Linq;
using Latent.Oracles.Independent;
using Latent.Properties.Support;
using Xunit;
using Xunit.Abstractions;

namespace Latent.Properties.Oracles;

/// <summary>
/// The goodness-of-fit oracle: its p-values at the published critical values, its calibration (how often it rejects a true
/// law) and power (how often it rejects a false one) on seeded samples, and its handling of NaN and of overflowed draws.
/// </summary>
public class NormalGoodnessOfFitTests(ITestOutputHelper output)
{
    /// <summary>Asymptotic Kolmogorov critical values λ (Smirnov 1948): P(√n D ≥ λ) = 0.10, 0.05, 0.01.</summary>
    [Theory]
    [InlineData(1.2238, 0.10)]
    [InlineData(1.3581, 0.05)]
    [InlineData(1.6276, 0.01)]
    public void Kolmogorov_smirnov_p_values_match_the_critical_values(double lambda, double p)
    {
        const int N = 100_000_000;
        Assert.InRange(NormalGoodnessOfFit.KolmogorovSmirnovPValue(lambda / Math.Sqrt(N), N), p - 0.001, p + 0.001);
    }

    /// <summary>Asymptotic Anderson–Darling critical values for a fully specified law (Stephens 1974): 1.933, 2.492, 3.070, 3.857.</summary>
    [Theory]
    [InlineData(1.933, 0.10)]
    [InlineData(2.492, 0.05)]
    [InlineData(3.070, 0.025)]
    [InlineData(3.857, 0.01)]
    public void Anderson_darling_p_values_match_the_critical_values(double a2, double p) =>
        Assert.InRange(NormalGoodnessOfFit.AndersonDarlingPValue(a2), p - 0.002, p + 0.002);

    /// <summary>
    /// Under the true law each test rejects at level 0.05 about 5 % of the time; over 400 seeded samples of 500 draws, the
    /// count must lie in [8, 34] (the binomial(400, 0.05) central 99.9 %). Under a 30 % wrong scale both reject almost always.
    /// </summary>
    [Fact]
    public void Rejects_a_true_law_at_its_level_and_a_false_law_almost_always()
    {
        int ksTrue = 0, adTrue = 0, ksFalse = 0, adFalse = 0;
        const int Repetitions = 400;
        for (int r = 0; r < Repetitions; r++)
        {
            double[] draws = StandardNormalNoise.Draw(100_000 + r, 500);
            NormalGoodnessOfFit.Result right = NormalGoodnessOfFit.Test(draws.Select(x => 3 + (2 * x)).ToArray(), 3, 2);
            NormalGoodnessOfFit.Result wrong = NormalGoodnessOfFit.Test(draws.Select(x => 3 + (2.6 * x)).ToArray(), 3, 2);
            ksTrue += right.KolmogorovSmirnovPValue < 0.05 ? 1 : 0;
            adTrue += right.AndersonDarlingPValue < 0.05 ? 1 : 0;
            ksFalse += wrong.KolmogorovSmirnovPValue < 0.05 ? 1 : 0;
            adFalse += wrong.AndersonDarlingPValue < 0.05 ? 1 : 0;
        }

        output.WriteLine($"true law rejected: KS {ksTrue}/{Repetitions}, AD {adTrue}/{Repetitions}; 30 % wider law rejected: KS {ksFalse}/{Repetitions}, AD {adFalse}/{Repetitions}");
        Assert.InRange(ksTrue, 8, 34);
        Assert.InRange(adTrue, 8, 34);
        Assert.True(ksFalse > 0.8 * Repetitions && adFalse > 0.9 * Repetitions);
    }

    [Fact]
    public void A_nan_draw_is_never_normal()
    {
        double[] draws = StandardNormalNoise.Draw(5, 100);
        draws[17] = double.NaN;
        NormalGoodnessOfFit.Result result = NormalGoodnessOfFit.Test(draws, 0, 1);
        Assert.Equal(0, result.KolmogorovSmirnovPValue);
        Assert.Equal(0, result.AndersonDarlingPValue);
    }

    /// <summary>Draws beyond ±1.5 replaced by ±∞ (a format whose overflow threshold is 1.5): against the law of the rounded
    /// draw they fit; against the plain normal law the infinities are impossible values and Kolmogorov–Smirnov rejects.</summary>
    [Fact]
    public void Overflowed_draws_fit_the_rounded_law_only()
    {
        double[] draws = StandardNormalNoise.Draw(6, 4000).Select(x => Math.Abs(x) > 1.5 ? double.CopySign(double.PositiveInfinity, x) : x).ToArray();
        NormalGoodnessOfFit.Result rounded = NormalGoodnessOfFit.Test(draws, 0, 1, overflowThreshold: 1.5);
        NormalGoodnessOfFit.Result plain = NormalGoodnessOfFit.Test(draws, 0, 1);
        Assert.True(rounded.KolmogorovSmirnovPValue > 0.01, $"{rounded}");
        Assert.True(plain.KolmogorovSmirnovPValue < 1e-6, $"{plain}");
        Assert.True(double.IsPositiveInfinity(rounded.AndersonDarling));
    }

    [Fact]
    public void Rejects_bad_arguments()
    {
        Assert.Throws<ArgumentException>(() => NormalGoodnessOfFit.Test([1.0], 0, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => NormalGoodnessOfFit.Test([1.0, 2.0], double.NaN, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => NormalGoodnessOfFit.Test([1.0, 2.0], 0, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => NormalGoodnessOfFit.Test([1.0, 2.0], 0, 1, overflowThreshold: -1));
    }
}

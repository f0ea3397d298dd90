using System;
using Latent.Ieee;
using Latent.Oracles.Exact;
using Latent.Oracles.Independent;
using Xunit;
using Xunit.Abstractions;

namespace Latent.Properties.Oracles;

/// <summary>
/// The quadrature KL (the divergence's definition, MathNet) against the MPFR exact oracle (the closed form): two
/// independent routes to the same number must agree within the quadrature's stated tolerance.
/// </summary>
public class KlByQuadratureTests(ITestOutputHelper output)
{
    [Fact]
    public void Agrees_with_the_closed_form_across_scales()
    {
        var random = new Random(1125);
        double worst = 0;
        int count = 0;
        foreach ((double muScale, double logvarScale) in new[] { (1.0, 1.0), (1e3, 1e-6), (1e-3, 20.0), (50.0, 15.0), (0.0, 500.0) })
        {
            for (int k = 0; k < 60; k++)
            {
                double mu = (random.NextDouble() - 0.5) * 2 * muScale;
                double logvar = (random.NextDouble() - 0.5) * 2 * logvarScale;
                KlByQuadrature.Estimate integral = KlByQuadrature.Coordinate(mu, logvar);
                // One coordinate: the module's mean of one term, 0.5 * (per / 1), is the coordinate divergence itself.
                double exact = ExactOracle.DiagonalGaussianKlToStandard<double, Binary64>([mu], [logvar]);
                double gap = Math.Abs(integral.Value - exact);
                Assert.True(gap <= integral.Tolerance + (Math.Abs(exact) * Math.ScaleB(1.0, -52)), $"mu {mu:R} logvar {logvar:R}: integral {integral.Value:R} ± {integral.Tolerance:R}, closed form {exact:R}");
                worst = Math.Max(worst, gap / integral.Tolerance);
                count++;
            }
        }

        output.WriteLine($"{count} coordinates, worst |integral − closed form| / tolerance = {worst:G3}");
    }

    [Fact]
    public void Guide_coordinates_and_their_sum_and_mean()
    {
        KlByQuadrature.Estimate first = KlByQuadrature.Coordinate(0.5, 0);
        KlByQuadrature.Estimate second = KlByQuadrature.Coordinate(-0.25, 0);
        Assert.InRange(first.Value, 0.125 - first.Tolerance, 0.125 + first.Tolerance);
        Assert.InRange(second.Value, 0.03125 - second.Tolerance, 0.03125 + second.Tolerance);
        KlByQuadrature.Estimate mean = KlByQuadrature.MeanOver([0.5, -0.25], [0, 0]);
        Assert.InRange(mean.Value, 0.078125 - mean.Tolerance, 0.078125 + mean.Tolerance);
    }

    [Fact]
    public void The_divergence_of_the_standard_normal_from_itself_is_zero_and_is_even_in_mu()
    {
        KlByQuadrature.Estimate zero = KlByQuadrature.Coordinate(0, 0);
        Assert.True(Math.Abs(zero.Value) <= zero.Tolerance);
        Assert.Equal(KlByQuadrature.Coordinate(1.75, -0.5).Value, KlByQuadrature.Coordinate(-1.75, -0.5).Value, 1e-12);
    }

    [Fact]
    public void Rejects_what_binary64_quadrature_cannot_resolve()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => KlByQuadrature.Coordinate(double.NaN, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => KlByQuadrature.Coordinate(0, double.PositiveInfinity));
        Assert.Throws<ArgumentOutOfRangeException>(() => KlByQuadrature.Coordinate(0, 2000));
        Assert.Throws<ArgumentOutOfRangeException>(() => KlByQuadrature.Coordinate(1e6, -40));
        Assert.Throws<ArgumentException>(() => KlByQuadrature.MeanOver([], []));
        Assert.Throws<ArgumentException>(() => KlByQuadrature.SumOver([1.0], []));
    }
}

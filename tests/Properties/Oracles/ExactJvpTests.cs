using System;
using System.Linq;
using Latent.Ieee;
using Latent.Oracles;
using Latent.Oracles.Exact;
using Xunit;

namespace Latent.Properties.Oracles;

/// <summary>
/// The exact Jacobian-vector products against two other computations of the same real numbers: the exact gradient and
/// vector-Jacobian product (separately written Ziv enclosures; a JVP along a unit tangent, or along the cotangent for the
/// diagonal Jacobian of <c>reparameterizeDiag</c>, is the same real, so the correctly rounded values are bit-identical),
/// and the dual-number evaluation of the mirror with correctly rounded primitives (a few roundings away on well-conditioned
/// inputs).
/// </summary>
public sealed class ExactJvpTests
{
    [Fact]
    public void Kl_jvp_along_a_unit_tangent_is_the_exact_gradient_bit_for_bit()
    {
        var random = new Random(11);
        for (int trial = 0; trial < 300; trial++)
        {
            int n = 1 + random.Next(6);
            double[] mu = Values(random, n), logvar = Values(random, n);
            var dMu = new double[n];
            var dLogvar = new double[n];
            ExactDerivatives.KlGradient<double, Binary64>(mu, logvar, dMu, dLogvar);
            int j = random.Next(n);
            double[] unit = new double[n], zero = new double[n];
            unit[j] = 1;
            Assert.Equal(dMu[j], ExactDerivatives.KlJvp<double, Binary64>(mu, logvar, unit, zero));
            Assert.Equal(dLogvar[j], ExactDerivatives.KlJvp<double, Binary64>(mu, logvar, zero, unit));
        }
    }

    [Fact]
    public void Reparameterize_jvp_along_the_cotangent_is_the_exact_vjp_bit_for_bit()
    {
        var random = new Random(12);
        for (int trial = 0; trial < 300; trial++)
        {
            int n = 1 + random.Next(6);
            double[] logvar = Values(random, n), eps = Values(random, n), g = Values(random, n), zero = new double[n];
            var dMu = new double[n];
            var dLogvar = new double[n];
            var dEps = new double[n];
            ExactDerivatives.ReparameterizeVjp<double, Binary64>(logvar, eps, g, dMu, dLogvar, dEps);
            var jvp = new double[n];
            ExactDerivatives.ReparameterizeJvp<double, Binary64>(logvar, eps, zero, g, zero, jvp);
            Assert.Equal(dLogvar, jvp);
            ExactDerivatives.ReparameterizeJvp<double, Binary64>(logvar, eps, zero, zero, g, jvp);
            Assert.Equal(dEps, jvp);
            ExactDerivatives.ReparameterizeJvp<double, Binary64>(logvar, eps, g, zero, zero, jvp);
            Assert.Equal(dMu, jvp);
        }
    }

    [Fact]
    public void The_dual_evaluation_is_within_a_few_roundings_of_the_exact_jvp()
    {
        var random = new Random(13);
        double worst = 0;
        for (int trial = 0; trial < 500; trial++)
        {
            int n = 1 + random.Next(6);
            double[] mu = Values(random, n), logvar = Values(random, n), eps = Values(random, n);
            double[] tMu = Values(random, n), tLogvar = Values(random, n), tEps = Values(random, n);
            Dual<double>[] z = new Dual<double>[n];
            GenerativeLatent.ReparameterizeDiag<Dual<double>, DualContext<double, CorrectlyRoundedContext<double, Binary64>>>(
                Zip(mu, tMu), Zip(logvar, tLogvar), Zip(eps, tEps), z);
            var exact = new double[n];
            ExactDerivatives.ReparameterizeJvp<double, Binary64>(logvar, eps, tMu, tLogvar, tEps, exact);
            for (int i = 0; i < n; i++)
            {
                // |error| ≤ a few u times the magnitudes of the summands tMu and s·(tEps + eps·tLogvar/2).
                double s = Math.Exp(logvar[i] / 2);
                double magnitude = Math.Abs(tMu[i]) + (s * (Math.Abs(tEps[i]) + Math.Abs(eps[i] * tLogvar[i] / 2)));
                if (magnitude == 0)
                {
                    Assert.Equal(0, exact[i]);
                    continue;
                }

                worst = Math.Max(worst, Math.Abs(z[i].Du - exact[i]) / (magnitude * Math.ScaleB(1, -53)));
            }

            Dual<double> kl = GenerativeLatent.DiagonalGaussianKlToStandard<Dual<double>, DualContext<double, CorrectlyRoundedContext<double, Binary64>>>(Zip(mu, tMu), Zip(logvar, tLogvar));
            double klExact = ExactDerivatives.KlJvp<double, Binary64>(mu, logvar, tMu, tLogvar);
            double klMagnitude = Enumerable.Range(0, n).Sum(i => Math.Abs(mu[i] * tMu[i]) + ((Math.Exp(logvar[i]) + 1) * Math.Abs(tLogvar[i]) / 2)) / n;
            if (klMagnitude > 0)
            {
                worst = Math.Max(worst, Math.Abs(kl.Du - klExact) / (klMagnitude * Math.ScaleB(1, -53)));
            }
        }

        Assert.InRange(worst, 0.5, 16 + 8);
    }

    [Fact]
    public void Rational_jvps_are_exact()
    {
        // logvar = 0: the KL's JVP is Σ mu·tMu / n, here (0.5·1 + (−0.25)·0) / 2 = 0.25; the scale is 1.
        Assert.Equal(0.25, ExactDerivatives.KlJvp<double, Binary64>([0.5, -0.25], [0, 0], [1, 0], [1, 1]));
        var z = new double[1];
        ExactDerivatives.ReparameterizeJvp<double, Binary64>([0.0], [3.0], [0.5], [1.0], [0.25], z);
        Assert.Equal(0.5 + 0.25 + 1.5, z[0]);
        ExactDerivatives.ReparameterizeJvp<double, Binary64>([2.0], [3.0], [0.5], [0.0], [0.0], z);
        Assert.Equal(0.5, z[0]);
        Assert.Throws<ArgumentException>(() => ExactDerivatives.KlJvp<double, Binary64>([double.NaN], [0], [1], [0]));
    }

    private static double[] Values(Random random, int n) =>
        [.. Enumerable.Range(0, n).Select(_ => random.Next(10) == 0 ? 0 : (random.NextDouble() * 8) - 4)];

    private static Dual<double>[] Zip(double[] values, double[] tangents) =>
        [.. values.Select((v, i) => new Dual<double>(v, tangents[i]))];
}

using System;
using System.Linq;
using System.Numerics;
using FsCheck.Xunit;
using Latent.Ieee;
using Latent.Oracles;
using Latent.Oracles.Exact;
using Latent.Oracles.Independent;
using Latent.Properties.Generators;
using Latent.Properties.Laws.Support;
using Xunit;
using Xunit.Abstractions;

namespace Latent.Properties.Laws;

/// <summary>
/// The docstring's claim that <c>diagonalGaussianKlToStandard</c> is the KL divergence of <c>N(mu, exp logvar)</c> from
/// <c>N(0, 1)</c>, averaged over the shape. Holds within the derived bound (<see cref="KlErrorBound{T, TFormat}"/>) against the
/// exact oracle (MPFR, closed form), and the closed form itself is checked against the divergence's definition, the integral
/// of <c>p ln(p/q)</c> (<see cref="KlByQuadrature"/>, MathNet), so a wrong formula shared by every closed-form implementation
/// would not pass.
/// </summary>
public abstract class KlDivergenceLaws<T, TFormat>(ITestOutputHelper output)
    where T : IBinaryFloatingPointIeee754<T>
    where TFormat : IBinaryFormat<T>
{
    /// <summary>The spec and spec-cr results are within the derived bound of the exact value on every input of the domain,
    /// and the platform exp the bound budgets for is within one step of the correctly rounded exp on every logvar used.</summary>
    [Property(MaxTest = 1500)]
    [Trait(Docstring.Trait, Docstring.KlIsTheDivergence)]
    public void Spec_is_within_the_derived_bound_of_the_exact_value(KlDomain<T, TFormat> input)
    {
        foreach (Semantics s in new[] { Semantics.Spec, Semantics.SpecCr })
        {
            Assert.True(
                LawPredicates<T, TFormat>.KlWithinBound(s, input.Mu, input.Logvar),
                $"{s}: {Run<T, TFormat>.Kl(s, input.Mu, input.Logvar)} is not within {KlErrorBound<T, TFormat>.AgainstExact(input.Mu, input.Logvar, Run<T, TFormat>.Kl(Semantics.Exact, input.Mu, input.Logvar))} of the exact value");
        }

        foreach (T l in input.Logvar)
        {
            Assert.True(UlpDistance.Between<T, TFormat>(T.Exp(l), ExactOracle.Exp<T, TFormat>(l)) <= 1, $"exp({l}) is more than one step from the correctly rounded value");
        }
    }

    /// <summary>
    /// How tight the bound is: the largest |spec − exact| / bound over a fixed, seeded sample of 2000 inputs of the domain
    /// (<see cref="WorstBoundRatio"/>, quoted in <c>spec/laws.md</c>). The assertion is that it stays below 1.
    /// </summary>
    [Fact]
    [Trait(Docstring.Trait, Docstring.KlIsTheDivergence)]
    public void Observed_error_against_the_bound()
    {
        double worst = WorstBoundRatio();
        output.WriteLine($"{TFormat.Name}: over 2000 seeded inputs, max |spec − exact| / bound = {worst:G3}");
        Assert.InRange(worst, 0, 1);
    }

    /// <summary>The largest |spec − exact| / <see cref="KlErrorBound{T, TFormat}.AgainstExact"/> over 2000 inputs drawn from
    /// the KL domain generator with seed 20261125.</summary>
    internal static double WorstBoundRatio()
    {
        double worst = 0;
        foreach (KlDomain<T, TFormat> input in FsCheck.Fluent.Gen.Sample(DomainGenerators<T, TFormat>.KlDomains, 2000, new FsCheck.Rnd(20261125UL), 50))
        {
            T exact = Run<T, TFormat>.Kl(Semantics.Exact, input.Mu, input.Logvar);
            double difference = Math.Abs(double.CreateTruncating(Run<T, TFormat>.Kl(Semantics.Spec, input.Mu, input.Logvar)) - double.CreateTruncating(exact));
            worst = Math.Max(worst, difference / KlErrorBound<T, TFormat>.AgainstExact(input.Mu, input.Logvar, exact));
        }

        return worst;
    }

    /// <summary>
    /// The closed form is the divergence: the exact oracle and the spec agree with the integral of <c>p ln(p/q)</c> within the
    /// quadrature's tolerance (plus the spec's bound), on 200 seeded inputs of 1 to 6 coordinates with |mu| ≤ 50 and
    /// |logvar| ≤ 40, and on the guide's example.
    /// </summary>
    [Fact]
    [Trait(Docstring.Trait, Docstring.KlIsTheDivergence)]
    public void Closed_form_matches_the_integral_definition()
    {
        var random = new Random(2026_11_25);
        double worstExact = 0;
        for (int k = 0; k < 200; k++)
        {
            int n = random.Next(1, 7);
            T[] mu = Enumerable.Range(0, n).Select(_ => T.CreateTruncating(Math.ScaleB(random.NextDouble() - 0.5, random.Next(-20, 8)))).ToArray();
            T[] lv = Enumerable.Range(0, n).Select(_ => T.CreateTruncating(Math.ScaleB(random.NextDouble() - 0.5, random.Next(-30, 7)))).ToArray();
            KlByQuadrature.Estimate integral = KlByQuadrature.MeanOver(Doubles(mu), Doubles(lv));
            T exact = Run<T, TFormat>.Kl(Semantics.Exact, mu, lv);
            T spec = Run<T, TFormat>.Kl(Semantics.Spec, mu, lv);

            // The exact value is the real divergence rounded once: within half an ulp (u·|x|) of it.
            double exactSlack = FormatFacts<T, TFormat>.UnitRoundoff * Math.Abs(double.CreateTruncating(exact)) * 2;
            double exactGap = Math.Abs(double.CreateTruncating(exact) - integral.Value);
            Assert.True(exactGap <= integral.Tolerance + exactSlack, $"exact {exact} vs integral {integral.Value:R} ± {integral.Tolerance:R} at mu {string.Join(",", mu)} logvar {string.Join(",", lv)}");
            double specGap = Math.Abs(double.CreateTruncating(spec) - integral.Value);
            Assert.True(specGap <= integral.Tolerance + KlErrorBound<T, TFormat>.AgainstReal(mu, lv), $"spec {spec} vs integral {integral.Value:R}");
            worstExact = Math.Max(worstExact, exactGap / (integral.Tolerance + exactSlack));
        }

        // The guide's example: the mean 0.078125 is half the PyTorch-style sum 0.15625 of the two coordinate divergences.
        T[] guideMu = [T.CreateTruncating(0.5), T.CreateTruncating(-0.25)], guideLv = [T.Zero, T.Zero];
        KlByQuadrature.Estimate sum = KlByQuadrature.SumOver(Doubles(guideMu), Doubles(guideLv));
        Assert.True(Math.Abs(sum.Value - 0.15625) <= sum.Tolerance, $"integral sum {sum.Value:R}");
        Assert.Equal(T.CreateTruncating(0.078125), Run<T, TFormat>.Kl(Semantics.Spec, guideMu, guideLv));
        output.WriteLine($"{TFormat.Name}: worst |exact − integral| / tolerance = {worstExact:G3}; guide integral sum {sum.Value:R} ± {sum.Tolerance:G2}");
    }

    private static double[] Doubles(T[] values) => values.Select(double.CreateTruncating).ToArray();
}

/// <summary>KL as the divergence, in binary64.</summary>
public sealed class KlDivergenceLawsF64(ITestOutputHelper output) : KlDivergenceLaws<double, Binary64>(output);

/// <summary>KL as the divergence, in binary32.</summary>
public sealed class KlDivergenceLawsF32(ITestOutputHelper output) : KlDivergenceLaws<float, Binary32>(output);

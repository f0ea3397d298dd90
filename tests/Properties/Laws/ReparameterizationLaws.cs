using System;
using System.Collections.Generic;
using System.Linq;
using System.Numerics;
using FsCheck.Xunit;
using Latent.Ieee;
using Latent.Oracles;
using Latent.Oracles.Exact;
using Latent.Oracles.Independent;
using Latent.Properties.Generators;
using Latent.Properties.Laws.Support;
using Latent.Properties.Support;
using Xunit;
using Xunit.Abstractions;

namespace Latent.Properties.Laws;

/// <summary>
/// <c>scalar_reparameterization_law</c> (<c>ε ~ N(0, 1) ⇒ μ + σε ~ N(μ, σ²)</c>) and
/// <c>diagonal_reparameterization_coordinate_law</c> (the same for each coordinate of a tensor), read through the module as
/// "<c>z = reparameterizeDiag mu logvar eps</c> with standard normal <c>eps</c> has law <c>N(mu, exp logvar)</c>", σ being
/// <c>exp(logvar / 2)</c> (the theorems leave σ free; the module fixes it).
/// </summary>
/// <remarks>
/// <para>Three kinds of evidence. (1) Per sample: on the domain where nothing overflows, every <c>z</c> is within
/// <see cref="ReparameterizeErrorBound{T, TFormat}"/> of the real <c>mu + σ·eps</c>; a coupling argument turns that into a
/// bound on the distance between the law of <c>z</c> and <c>N(mu, σ²)</c>. (2) In law: seeded standard normal noise is pushed
/// through the mirror and the result is tested against MathNet's <c>Normal.CDF(mu, σ, ·)</c> (Kolmogorov–Smirnov and
/// Anderson–Darling, <see cref="NormalGoodnessOfFit"/>), including extreme logvars; the same test rejects two plausible
/// wrong implementations, so it has power. (3) Where it fails: above the overflow edge of <c>exp(logvar / 2)</c> the mirror
/// returns ±∞ for every nonzero noise although the real law puts most of its mass on finite values; the smallest such
/// logvar is frozen, and the exact semantics satisfies the law there.</para>
/// <para>A goodness-of-fit test with <c>n</c> draws sees distribution-function errors above about <c>sqrt(ln(2/α)/2n)</c> and
/// nothing at the level of rounding; it shows the mirror implements the right law (location mu, scale exp(logvar/2)), not
/// that it is accurate — that is what (1) is for. Each case is tested at α = 10^−3 (both tests at α/2); with a fixed seed the
/// verdict is the same on every run, and a correct implementation would fail a case for about one seed in a thousand.</para>
/// </remarks>
public abstract class ReparameterizationLaws<T, TFormat>(ITestOutputHelper output)
    where T : IBinaryFloatingPointIeee754<T>
    where TFormat : IBinaryFormat<T>
{
    private const double Alpha = 1e-3;
    private const int Draws = 20000;

    private static T Two => T.One + T.One;

    /// <summary>(mu, logvar) pairs for the goodness-of-fit tests: σ = 1, shifted, moderate, a large mean beside a large σ, and
    /// the extremes whose σ is still a normal number and whose σ·|eps| cannot overflow for |eps| ≤ 6 (|logvar| = 1400 in
    /// binary64, 170 in binary32).</summary>
    private static (double Mu, double Logvar)[] Cases =>
        TFormat.Precision == 53
            ? [(0, 0), (3.5, 0), (-2, 2.5), (1e6, 30), (0, -40), (0, -1400), (0, 1400), (-7, -0.125)]
            : [(0, 0), (3.5, 0), (-2, 2.5), (1e3, 12), (0, -40), (0, -170), (0, 170), (-7, -0.125)];

    [Property(MaxTest = 3000)]
    [Trait(Upstream.Trait, Upstream.ScalarReparameterizationLaw)]
    public void Every_sample_is_within_the_derived_bound(ReparameterizeDomain<T, TFormat> c)
    {
        Assert.True(LawPredicates<T, TFormat>.SampleWithinBound(Semantics.Spec, c.Mu, c.Logvar, c.Eps), "spec");
        Assert.True(LawPredicates<T, TFormat>.SampleWithinBound(Semantics.SpecCr, c.Mu, c.Logvar, c.Eps), "spec-cr");
        T h = c.Logvar * (T.One / Two);
        Assert.True(UlpDistance.Between<T, TFormat>(T.Exp(h), ExactOracle.Exp<T, TFormat>(h)) <= 1, "exp budget");
    }

    [Property(MaxTest = 500)]
    [Trait(Upstream.Trait, Upstream.DiagonalReparameterizationCoordinateLaw)]
    public void Every_coordinate_is_within_the_derived_bound(ReparameterizeDomain<T, TFormat>[] coordinates)
    {
        var input = new LawInput<T>(
            coordinates.Select(c => c.Mu).ToArray(), coordinates.Select(c => c.Logvar).ToArray(), coordinates.Select(c => c.Eps).ToArray());
        Assert.True(LawPredicates<T, TFormat>.CoordinatesWithinBound(Semantics.Spec, input));
    }

    /// <summary>Coordinate i of the tensor result depends on coordinate i of the inputs only, for every shape and every class
    /// of value: it is bit for bit the one-coordinate result (NaN as a class). This is what lets the scalar law speak for
    /// each coordinate.</summary>
    [Property(MaxTest = 1000)]
    [Trait(Upstream.Trait, Upstream.DiagonalReparameterizationCoordinateLaw)]
    public void Each_coordinate_is_the_scalar_reparameterization(LatentTensors<T, TFormat> t)
    {
        Tensor<T> z = GenerativeLatent.ReparameterizeDiag(
            Tensor<T>.Create(t.Shape, t.Mu), Tensor<T>.Create(t.Shape, t.Logvar), Tensor<T>.Create(t.Shape, t.Eps));
        Assert.Equal(t.Shape, z.Shape);
        for (int i = 0; i < t.Mu.Length; i++)
        {
            T alone = Run<T, TFormat>.Reparameterize(Semantics.Spec, t.Mu[i], t.Logvar[i], t.Eps[i]);
            Assert.True(T.IsNaN(alone) ? T.IsNaN(z[i]) : TFormat.ToBits(alone) == TFormat.ToBits(z[i]), $"coordinate {i}");
        }
    }

    [Fact]
    [Trait(Upstream.Trait, Upstream.ScalarReparameterizationLaw)]
    public void Samples_follow_the_normal_law_and_wrong_laws_are_rejected()
    {
        int seed = 7001;
        foreach ((double muValue, double logvarValue) in Cases)
        {
            T mu = T.CreateTruncating(muValue), logvar = T.CreateTruncating(logvarValue);
            double[] noise = StandardNormalNoise.Draw(seed++, Draws);
            T[] eps = noise.Select(T.CreateTruncating).ToArray();
            double sigma = Math.Exp(double.CreateTruncating(logvar) / 2);
            double[] z = Run<T, TFormat>.Reparameterize(Semantics.Spec, Filled(mu), Filled(logvar), eps).Select(double.CreateTruncating).ToArray();
            NormalGoodnessOfFit.Result fit = NormalGoodnessOfFit.Test(z, double.CreateTruncating(mu), sigma);
            output.WriteLine($"{TFormat.Name} mu {muValue} logvar {logvarValue}: D = {fit.KolmogorovSmirnov:G3} (p {fit.KolmogorovSmirnovPValue:G3}), A² = {fit.AndersonDarling:G3} (p {fit.AndersonDarlingPValue:G3})");
            Assert.False(fit.RejectsAt(Alpha), $"mu {muValue} logvar {logvarValue}: {fit}");

            // Power: the variance used as the standard deviation (where the two differ by a factor e^(|logvar|/2) ≥ 1.6),
            // and the mean left out, are both caught.
            if (Math.Abs(logvarValue) >= 1)
            {
                double variance = Math.Exp(double.CreateTruncating(logvar));
                double[] wrongScale = noise.Select(e => double.CreateTruncating(mu) + (variance * e)).ToArray();
                Assert.True(NormalGoodnessOfFit.Test(wrongScale, double.CreateTruncating(mu), sigma).RejectsAt(Alpha), "variance as std not rejected");
            }

            if (muValue != 0)
            {
                double[] noMean = z.Select(v => v - double.CreateTruncating(mu)).ToArray();
                Assert.True(NormalGoodnessOfFit.Test(noMean, double.CreateTruncating(mu), sigma).RejectsAt(Alpha), "missing mean not rejected");
            }
        }
    }

    /// <summary>Each coordinate of a rank-3 tensor, with its own (mu, logvar), follows its own normal law (α / 8 per
    /// coordinate, Bonferroni over the eight).</summary>
    [Fact]
    [Trait(Upstream.Trait, Upstream.DiagonalReparameterizationCoordinateLaw)]
    public void Coordinates_of_a_tensor_follow_their_own_normal_laws()
    {
        Shape shape = Shape.Of(2, 2, 2);
        T[] mu = Cases.Select(c => T.CreateTruncating(c.Mu)).ToArray();
        T[] logvar = Cases.Select(c => T.CreateTruncating(c.Logvar)).ToArray();
        const int Samples = 10000;
        var z = new double[shape.Size][];
        for (int i = 0; i < shape.Size; i++)
        {
            z[i] = new double[Samples];
        }

        double[] noise = StandardNormalNoise.Draw(8001, Samples * shape.Size);
        for (int k = 0; k < Samples; k++)
        {
            T[] eps = noise.AsSpan(k * shape.Size, shape.Size).ToArray().Select(T.CreateTruncating).ToArray();
            Tensor<T> sample = GenerativeLatent.ReparameterizeDiag(Tensor<T>.Create(shape, mu), Tensor<T>.Create(shape, logvar), Tensor<T>.Create(shape, eps));
            for (int i = 0; i < shape.Size; i++)
            {
                z[i][k] = double.CreateTruncating(sample[i]);
            }
        }

        for (int i = 0; i < shape.Size; i++)
        {
            NormalGoodnessOfFit.Result fit = NormalGoodnessOfFit.Test(z[i], double.CreateTruncating(mu[i]), Math.Exp(double.CreateTruncating(logvar[i]) / 2));
            Assert.False(fit.RejectsAt(Alpha / shape.Size), $"coordinate {i}: {fit}");
        }
    }

    /// <summary>
    /// The smallest logvar at which the mirror's <c>exp(logvar / 2)</c> overflows, with mu = 0 and the simplest noise on which
    /// the law fails there (the first power of two in <see cref="SimplestInputs{T, TFormat}"/> order): the spec gives ±∞ where
    /// the real sample, and the exact semantics, are finite. One step below the edge the same case is within the bound.
    /// Frozen for both laws and for both the spec and spec-cr (whose correctly rounded exp has its own edge).
    /// </summary>
    [Fact]
    [Trait(Upstream.Trait, Upstream.ScalarReparameterizationLaw)]
    [Trait(Upstream.Trait, Upstream.DiagonalReparameterizationCoordinateLaw)]
    public void Laws_fail_above_the_overflow_edge_and_the_minimal_counterexamples_are_frozen()
    {
        foreach (string law in new[] { Upstream.ScalarReparameterizationLaw, Upstream.DiagonalReparameterizationCoordinateLaw })
        {
            FrozenCounterexamples<T, TFormat>.AssertMinimalForSpecAndSpecCr(law, AtTheEdge, input => input, output);
        }

        foreach (Semantics s in FrozenCounterexamples<T, TFormat>.Searched)
        {
            LawInput<T> input = RegressionCorpus.Minimal(Upstream.ScalarReparameterizationLaw, TFormat.Name, s).Decode<T, TFormat>();
            T below = T.BitDecrement(input.Logvar[0]);
            Assert.True(T.IsFinite(Run<T, TFormat>.SpecStd(s, below)));
            Assert.True(LawPredicates<T, TFormat>.SampleWithinBound(s, input.Mu[0], below, input.Eps[0]));
        }
    }

    private static IEnumerable<LawInput<T>> AtTheEdge(Semantics semantics)
    {
        T edge = OverflowEdge(semantics);
        return SimplestInputs<T, TFormat>.PowersOfTwo().Select(e => new LawInput<T>([T.Zero], [edge], [e]));
    }

    /// <summary>
    /// At the edge the failure is a failure of the law, not of one sample. A format-valued sample can only follow the law of
    /// the <i>rounded</i> draw (everything beyond the overflow threshold becomes ±∞), so the test compares against that law:
    /// the exact semantics' samples pass, the mirror's samples (±∞ for every nonzero noise) are rejected overwhelmingly.
    /// Samples, σ and the threshold are scaled by 2^−8 first, which changes no verdict but keeps σ a finite binary64 number.
    /// </summary>
    [Fact]
    [Trait(Upstream.Trait, Upstream.ScalarReparameterizationLaw)]
    public void At_the_overflow_edge_the_spec_law_is_rejected_and_the_exact_law_is_not()
    {
        (NormalGoodnessOfFit.Result spec, NormalGoodnessOfFit.Result exact) = EdgeGoodnessOfFit();
        output.WriteLine($"{TFormat.Name} at the edge: spec D = {spec.KolmogorovSmirnov:G3} (p {spec.KolmogorovSmirnovPValue:G3}); exact D = {exact.KolmogorovSmirnov:G3} (p {exact.KolmogorovSmirnovPValue:G3})");
        Assert.True(spec.KolmogorovSmirnovPValue < 1e-12);
        Assert.True(exact.KolmogorovSmirnovPValue >= Alpha / 2);
    }

    /// <summary>Kolmogorov–Smirnov of 5000 seeded samples at the frozen edge (mu = 0), spec and exact, against the law of the
    /// rounded draw.</summary>
    internal static (NormalGoodnessOfFit.Result Spec, NormalGoodnessOfFit.Result Exact) EdgeGoodnessOfFit()
    {
        T edge = RegressionCorpus.Minimal(Upstream.ScalarReparameterizationLaw, TFormat.Name).Decode<T, TFormat>().Logvar[0];
        T[] eps = StandardNormalNoise.Draw(9001, 5000).Select(T.CreateTruncating).ToArray();
        double scale = Math.ScaleB(1.0, -8);
        double sigma = Math.Exp((double.CreateTruncating(edge) / 2) + Math.Log(scale));
        double threshold = FormatFacts<T, TFormat>.MaxValue * (1 + FormatFacts<T, TFormat>.UnitRoundoff) * scale;
        double[] Scaled(T[] z) => z.Select(v => double.CreateTruncating(v) * scale).ToArray();
        T[] mu = Filled(T.Zero, eps.Length), logvar = Filled(edge, eps.Length);
        return (
            NormalGoodnessOfFit.Test(Scaled(Run<T, TFormat>.Reparameterize(Semantics.Spec, mu, logvar, eps)), 0, sigma, threshold),
            NormalGoodnessOfFit.Test(Scaled(Run<T, TFormat>.Reparameterize(Semantics.Exact, mu, logvar, eps)), 0, sigma, threshold));
    }

    /// <summary>The smallest logvar whose mirrored <c>exp(logvar * 0.5)</c> is +∞ under the spec or spec-cr (bisection
    /// between 2·ln(MaxValue) ± 1).</summary>
    internal static T OverflowEdge(Semantics semantics)
    {
        T twiceEdge = Two * IeeeGenerators<T, TFormat>.ExpOverflowEdge;
        return SimplestInputs<T, TFormat>.LowestFailing(
            l => T.IsPositiveInfinity(Run<T, TFormat>.SpecStd(semantics, l)), twiceEdge - T.One, twiceEdge + T.One);
    }

    private static T[] Filled(T value, int count = Draws) => Enumerable.Repeat(value, count).ToArray();
}

/// <summary>The reparameterization laws in binary64.</summary>
public sealed class ReparameterizationLawsF64(ITestOutputHelper output) : ReparameterizationLaws<double, Binary64>(output);

/// <summary>The reparameterization laws in binary32.</summary>
public sealed class ReparameterizationLawsF32(ITestOutputHelper output) : ReparameterizationLaws<float, Binary32>(output);

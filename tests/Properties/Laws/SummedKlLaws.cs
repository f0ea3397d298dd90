using System;
using System.Linq;
using System.Numerics;
using FsCheck.Xunit;
using Latent.Ieee;
using Latent.Properties.Generators;
using Latent.Properties.Laws.Support;
using Xunit;
using Xunit.Abstractions;

namespace Latent.Properties.Laws;

/// <summary>
/// <c>diagonalGaussianKlToStandardReal_nonneg</c> and <c>diagonalGaussianKlToStandardReal_eq_zero_iff</c>, about the <b>sum</b>
/// <c>Σ_i (exp l_i + mu_i² − 1 − l_i)/2</c> over ℝ. The module computes the <b>mean</b>; for <c>n ≥ 1</c> coordinates dividing by
/// <c>n</c> keeps the sign and the zero set of a real number, so the laws read as statements about
/// <c>diagonalGaussianKlToStandard</c> for every shape of positive size (TorchLean's guide states this proviso). The empty
/// shape is checked on its own.
/// </summary>
public abstract class SummedKlLaws<T, TFormat>(ITestOutputHelper output)
    where T : IBinaryFloatingPointIeee754<T>
    where TFormat : IBinaryFormat<T>
{
    /// <summary>Candidates of one coordinate come first in the search, so the minimal counterexample has n = 1.</summary>
    [Fact]
    [Trait(Upstream.Trait, Upstream.SummedKlNonneg)]
    public void Nonneg_fails_and_its_simplest_counterexamples_are_frozen() =>
        FrozenCounterexamples<T, TFormat>.AssertMinimalForSpecAndSpecCr(
            Upstream.SummedKlNonneg, _ => SimplestInputs<T, TFormat>.Pairs(), p => new LawInput<T>([p.Mu], [p.Logvar], []), output);

    /// <summary>Over every shape size, the mean is never below minus the derived bound.</summary>
    [Property(MaxTest = 2000)]
    [Trait(Upstream.Trait, Upstream.SummedKlNonneg)]
    public void Nonneg_holds_within_the_derived_bound(KlDomain<T, TFormat> input)
    {
        double spec = double.CreateTruncating(Run<T, TFormat>.Kl(Semantics.Spec, input.Mu, input.Logvar));
        double bound = KlErrorBound<T, TFormat>.AgainstReal(input.Mu, input.Logvar);
        Assert.True(spec >= -bound, $"spec KL {spec:R} is below −{bound:R}");
    }

    /// <summary>The "if" direction holds exactly for every positive size and every mix of signed zeros.</summary>
    [Property(MaxTest = 500)]
    [Trait(Upstream.Trait, Upstream.SummedKlEqZeroIff)]
    public void All_zero_inputs_give_exactly_zero(SignedZeroInputs<T, TFormat> zeros)
    {
        T[] mu = zeros.Mu;
        T[] lv = zeros.Logvar;
        foreach (Semantics s in Enum.GetValues<Semantics>())
        {
            Assert.True(LawPredicates<T, TFormat>.KlZeroIff(s, mu, lv), $"{s}");
        }
    }

    [Fact]
    [Trait(Upstream.Trait, Upstream.SummedKlEqZeroIff)]
    public void Zero_iff_fails_and_its_simplest_counterexamples_are_frozen() =>
        FrozenCounterexamples<T, TFormat>.AssertMinimalForSpecAndSpecCr(
            Upstream.SummedKlEqZeroIff, _ => SimplestInputs<T, TFormat>.Pairs(), p => new LawInput<T>([p.Mu], [p.Logvar], []), output);

    /// <summary>
    /// A failure the coordinate law cannot show: a negative coordinate term cancelling a positive one. The first power-of-two
    /// logvar (mu = 0) with a negative spec term, and the first simple coordinate (in <see cref="SimplestInputs{T, TFormat}"/>
    /// order) whose term is exactly its opposite, give a two-coordinate KL of exactly +0 while the real one is positive.
    /// </summary>
    [Fact]
    [Trait(Upstream.Trait, Upstream.SummedKlEqZeroIff)]
    public void Coordinate_errors_of_opposite_sign_can_cancel_to_zero()
    {
        (T[] mus, T[] lvs) = CancellingPair();
        Assert.Equal(0UL, TFormat.ToBits(Run<T, TFormat>.Kl(Semantics.Spec, mus, lvs)));
        Assert.True(Run<T, TFormat>.Kl(Semantics.Exact, mus, lvs) > T.Zero);
        Assert.False(LawPredicates<T, TFormat>.KlZeroIff(Semantics.Spec, mus, lvs));
        output.WriteLine($"{TFormat.Name}: mu {IeeeFormatText.Values<T, TFormat>(mus)}, logvar {IeeeFormatText.Values<T, TFormat>(lvs)}: spec KL +0, exact {IeeeFormatText.Value<T, TFormat>(Run<T, TFormat>.Kl(Semantics.Exact, mus, lvs))}");
    }

    /// <summary>The two coordinates of <see cref="Coordinate_errors_of_opposite_sign_can_cancel_to_zero"/> (quoted in
    /// <c>spec/laws.md</c>).</summary>
    internal static (T[] Mu, T[] Logvar) CancellingPair()
    {
        var (x, _) = SimplestInputs<T, TFormat>.FirstViolation(
            SimplestInputs<T, TFormat>.PowersOfTwo(), x => !(Run<T, TFormat>.Kl(Semantics.Spec, [T.Zero], [x]) < T.Zero));
        T term = Run<T, TFormat>.Kl(Semantics.Spec, [T.Zero], [x]);
        var (partner, _) = SimplestInputs<T, TFormat>.FirstViolation(
            SimplestInputs<T, TFormat>.Pairs(), p => Run<T, TFormat>.Kl(Semantics.Spec, [p.Mu], [p.Logvar]) != -term);
        return ([T.Zero, partner.Mu], [x, partner.Logvar]);
    }

    /// <summary>
    /// The empty shape is outside both readings: the real sum over no coordinates is 0 (and Lean's ℝ gives <c>0 / 0 = 0</c>),
    /// while V1's float mean is <c>0 / 0</c> = NaN, which is not ≥ 0; V3's denominator of 1 gives +0.
    /// </summary>
    [Fact]
    [Trait(Upstream.Trait, Upstream.SummedKlNonneg)]
    [Trait(Upstream.Trait, Upstream.SummedKlEqZeroIff)]
    public void Empty_shape_is_nan_in_v1_and_zero_in_v3()
    {
        foreach (Semantics s in Enum.GetValues<Semantics>())
        {
            Assert.True(T.IsNaN(Run<T, TFormat>.Kl(s, [], [], EmptyMeanConvention.V1)));
            Assert.Equal(0UL, TFormat.ToBits(Run<T, TFormat>.Kl(s, [], [], EmptyMeanConvention.V3)));
        }
    }
}

/// <summary>The summed KL laws in binary64.</summary>
public sealed class SummedKlLawsF64(ITestOutputHelper output) : SummedKlLaws<double, Binary64>(output);

/// <summary>The summed KL laws in binary32.</summary>
public sealed class SummedKlLawsF32(ITestOutputHelper output) : SummedKlLaws<float, Binary32>(output);

using System;
using System.Numerics;
using FsCheck.Xunit;
using Latent.Ieee;
using Latent.Oracles;
using Latent.Oracles.Exact;
using Latent.Properties.Generators;
using Latent.Properties.Laws.Support;
using Xunit;
using Xunit.Abstractions;

namespace Latent.Properties.Laws;

/// <summary>
/// <c>exp_minus_one_minus_nonneg</c> (<c>0 ≤ exp x − 1 − x</c>) and <c>exp_minus_one_minus_pos</c> (<c>x ≠ 0 → 0 &lt; exp x − 1 − x</c>),
/// which the module reaches as the KL of one coordinate with <c>mu = 0</c>: <c>0.5 * ((0 + (((exp x + 0·0) − 1) − x)) / 1)</c>,
/// whose sign is the sign of <c>fl(fl(exp x) − 1) − x</c>. Both fail in both formats: <c>fl(exp x)</c> keeps about
/// <c>p + log2|x|</c> bits of <c>x</c> and none of <c>x²/2</c> once <c>|x|</c> is small, so the difference is a rounding error of
/// either sign. The failures are bounded by <see cref="KlErrorBound{T, TFormat}"/>.
/// </summary>
public abstract class ExpMinusOneMinusLaws<T, TFormat>(ITestOutputHelper output)
    where T : IBinaryFloatingPointIeee754<T>
    where TFormat : IBinaryFormat<T>
{
    [Fact]
    [Trait(Upstream.Trait, Upstream.ExpMinusOneMinusNonneg)]
    public void Nonneg_fails_and_its_simplest_counterexamples_are_frozen() =>
        FrozenCounterexamples<T, TFormat>.AssertMinimalForSpecAndSpecCr(
            Upstream.ExpMinusOneMinusNonneg, _ => SimplestInputs<T, TFormat>.PowersOfTwo(), x => new LawInput<T>([T.Zero], [x], []), output);

    [Fact]
    [Trait(Upstream.Trait, Upstream.ExpMinusOneMinusPos)]
    public void Pos_fails_and_its_simplest_counterexamples_are_frozen() =>
        FrozenCounterexamples<T, TFormat>.AssertMinimalForSpecAndSpecCr(
            Upstream.ExpMinusOneMinusPos, _ => SimplestInputs<T, TFormat>.PowersOfTwo(), x => new LawInput<T>([T.Zero], [x], []), output);

    /// <summary>Where it fails, it fails by little: the spec value is never below minus the derived bound, and the exp
    /// budget the bound assumes (one step from the correctly rounded value) is checked on the same argument.</summary>
    [Property(MaxTest = 3000)]
    [Trait(Upstream.Trait, Upstream.ExpMinusOneMinusNonneg)]
    [Trait(Upstream.Trait, Upstream.ExpMinusOneMinusPos)]
    public void Violations_stay_within_the_derived_bound(TinyLogvar<T, TFormat> logvar)
    {
        T[] mu = [T.Zero], lv = [logvar.Value];
        double spec = double.CreateTruncating(Run<T, TFormat>.Kl(Semantics.Spec, mu, lv));
        double bound = KlErrorBound<T, TFormat>.AgainstReal(mu, lv);
        Assert.True(spec >= -bound, $"spec KL {spec:R} is below −{bound:R}");
        Assert.True(UlpDistance.Between<T, TFormat>(T.Exp(logvar.Value), ExactOracle.Exp<T, TFormat>(logvar.Value)) <= 1);
    }

    /// <summary>How common the failure is: <see cref="NegativeShare"/>, printed and quoted in <c>spec/laws.md</c>; the
    /// assertion is only that negative results occur.</summary>
    [Fact]
    [Trait(Upstream.Trait, Upstream.ExpMinusOneMinusNonneg)]
    public void Negative_results_are_common_at_small_arguments()
    {
        double share = NegativeShare();
        output.WriteLine($"{TFormat.Name}: of 2^16 arguments with 2^-{TFormat.Precision + 1} ≤ |x| < 2^-1 (log-uniform), spec KL < 0 for a share of {share:G3}");
        Assert.True(share > 0);
    }

    /// <summary>The share of negative spec results <c>diagonalGaussianKlToStandard [0] [x]</c> over 2^16 seeded arguments with
    /// |x| log-uniform between 2^−(p+1) and 2^−1, either sign.</summary>
    internal static double NegativeShare()
    {
        var random = new Random(4_2026);
        int negative = 0;
        const int Count = 1 << 16;
        for (int i = 0; i < Count; i++)
        {
            T x = T.CreateTruncating(Math.ScaleB(1 + random.NextDouble(), -random.Next(2, TFormat.Precision + 2)) * (random.Next(2) == 0 ? 1 : -1));
            negative += Run<T, TFormat>.Kl(Semantics.Spec, [T.Zero], [x]) < T.Zero ? 1 : 0;
        }

        return negative / (double)Count;
    }
}

/// <summary>The exp(x) − 1 − x laws in binary64.</summary>
public sealed class ExpMinusOneMinusLawsF64(ITestOutputHelper output) : ExpMinusOneMinusLaws<double, Binary64>(output);

/// <summary>The exp(x) − 1 − x laws in binary32.</summary>
public sealed class ExpMinusOneMinusLawsF32(ITestOutputHelper output) : ExpMinusOneMinusLaws<float, Binary32>(output);

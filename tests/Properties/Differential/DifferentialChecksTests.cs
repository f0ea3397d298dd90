using System.Linq;
using Latent.Ieee;
using Latent.Oracles.Differential;
using Xunit;
using Latent.Oracles;

namespace Latent.Properties.Differential;

/// <summary>
/// The differential checks can fail, and their bound is sound: a context that is wrong in one operation is caught, and
/// an <c>exp</c> three ulps off (worse than glibc, still faithful) is fully explained.
/// </summary>
public class DifferentialChecksTests
{
    private const ulong Seed = 7;
    private const long Cases = 4000;

    [Theory]
    [InlineData(Definition.ExpTensor)]
    [InlineData(Definition.ReparameterizeDiag)]
    [InlineData(Definition.DiagonalGaussianKlToStandard)]
    public void An_exp_three_ulps_off_is_explained_everywhere(Definition definition)
    {
        DrtStats f64 = DrtRunner.Run<double, Binary64, SloppyExpContext<double, Binary64>>(definition, Seed, Cases);
        DrtStats f32 = DrtRunner.Run<float, Binary32, SloppyExpContext<float, Binary32>>(definition, Seed, Cases);
        foreach (DrtStats run in new[] { f64, f32 })
        {
            Assert.Equal(0, run.Failures);
            Assert.True(run.ExplainedDifferences > run.Elements / 10, $"{run.Format}: only {run.ExplainedDifferences} explained differences");
        }
    }

    [Theory]
    [InlineData(Definition.DiagonalGaussianKlToStandard)]
    public void A_subtraction_one_ulp_off_is_caught(Definition definition)
    {
        DrtStats run = DrtRunner.Run<double, Binary64, SubtractionOffByOneUlpContext<double>>(definition, Seed, Cases);
        Assert.True(run.Failures > Cases / 10, $"only {run.Failures} failures");
        Assert.Contains(run.Counterexamples, c => c.Reason.Contains("C# mirror differs from the Lean text", System.StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(Definition.HalfTensor)]
    [InlineData(Definition.ReparameterizeDiag)]
    [InlineData(Definition.DiagonalGaussianKlToStandard)]
    public void A_wrong_half_constant_is_caught(Definition definition)
    {
        DrtStats run = DrtRunner.Run<float, Binary32, WrongHalfContext<float>>(definition, Seed, Cases);
        Assert.True(run.Failures > 0, "a wrong 0.5 went unnoticed");
    }

    [Fact]
    public void Counterexamples_carry_inputs_and_results_as_bits_and_stay_in_case_order()
    {
        DrtStats run = DrtRunner.Run<double, Binary64, SubtractionOffByOneUlpContext<double>>(Definition.DiagonalGaussianKlToStandard, Seed, Cases);
        Assert.Equal(DrtStats.MaxCounterexamples, run.Counterexamples.Count);
        Assert.Equal(run.Counterexamples.Select(c => c.CaseIndex).Order(), run.Counterexamples.Select(c => c.CaseIndex));
        DrtCounterexample first = run.Counterexamples[0];
        Assert.True(first.Inputs.ContainsKey("mu") && first.Inputs.ContainsKey("logvar"));
        Assert.Matches("^0x[0-9A-F]{16}$", first.Spec);
        Assert.Matches("^0x[0-9A-F]{16}$", first.Exact);
    }

    [Fact]
    public void Runs_are_reproducible_and_independent_of_scheduling()
    {
        DrtStats a = DrtRunner.Run<float, Binary32>(Definition.ReparameterizeDiag, 99, 3000);
        DrtStats b = DrtRunner.Run<float, Binary32>(Definition.ReparameterizeDiag, 99, 3000);
        Assert.Equal(a.SpecCrVsExact.Counts, b.SpecCrVsExact.Counts);
        Assert.Equal(a.ByClass.Keys, b.ByClass.Keys);
        Assert.Equal(a.ExpDiscrepancies, b.ExpDiscrepancies);
        DrtCase<float> c1 = CaseGenerator<float, Binary32>.Generate(Definition.ReparameterizeDiag, 99, 1234);
        DrtCase<float> c2 = CaseGenerator<float, Binary32>.Generate(Definition.ReparameterizeDiag, 99, 1234);
        Assert.Equal(c1.Mu, c2.Mu);
        Assert.Equal(c1.Eps, c2.Eps);
    }

    [Fact]
    public void Twin_treats_signed_zeros_as_different_but_explained_and_nan_as_a_class()
    {
        Assert.False(new Twin<double>(0.0, -0.0, 0).Identical);
        Assert.True(new Twin<double>(0.0, -0.0, 0).Explained);
        Assert.True(new Twin<double>(double.NaN, -double.NaN, 0).Identical);
        Assert.False(new Twin<double>(1.0, System.Math.BitIncrement(1.0), 0).Explained);
        Assert.True(new Twin<double>(1.0, System.Math.BitIncrement(1.0), 2.3e-16).Explained);
        Assert.False(new Twin<double>(1.0, double.PositiveInfinity, double.PositiveInfinity).Explained);
    }
}

using System;
using Latent.Ieee;
using Latent.Oracles.Exact;
using Xunit;

namespace Latent.Properties.Oracles;

/// <summary>
/// Values a hair above a rounding boundary, closer than any affordable precision resolves: the KL of <c>mu = 0</c> and a huge
/// negative even logvar is the half-integer <c>(−1 − l) / 2</c> plus <c>e^l / 2</c>. Ties to even would give the even
/// neighbour; the real value is above the midpoint and rounds up. Found by <c>KlDivergenceLaws</c> (f32, logvar = −31600886),
/// where the oracle threw instead of answering.
/// </summary>
public class ExactOracleNearBoundaryTests
{
    [Fact]
    public void F32_midpoint_plus_a_negligible_exponential_rounds_up()
    {
        // (−1 − l)/2 = 15800442.5: the binary32 neighbours are 15800442 (even) and 15800443.
        float kl = ExactOracle.DiagonalGaussianKlToStandard<float, Binary32>([0f], [-31600886f]);
        Assert.Equal(15800443f, kl);
    }

    [Fact]
    public void F64_midpoint_plus_a_negligible_exponential_rounds_up()
    {
        // l = −(2^53 + 6): (−1 − l)/2 = 2^52 + 2.5, between 2^52 + 2 (even) and 2^52 + 3.
        double logvar = -(Math.ScaleB(1.0, 53) + 6);
        double kl = ExactOracle.DiagonalGaussianKlToStandard<double, Binary64>([0.0], [logvar]);
        Assert.Equal(Math.ScaleB(1.0, 52) + 3, kl);
    }

    [Fact]
    public void A_representable_value_plus_a_negligible_exponential_stays_put()
    {
        // l = −16000001 (odd, so binary32 below 2^24 holds it): (−1 − l)/2 = 8000000 exactly, plus e^l / 2 far below half an ulp.
        Assert.Equal(8000000f, ExactOracle.DiagonalGaussianKlToStandard<float, Binary32>([0f], [-16000001f]));
    }
}

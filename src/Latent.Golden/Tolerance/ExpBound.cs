using Latent.Golden.Numerics;
using Latent.Oracles.Mpfr;

namespace Latent.Golden.Tolerance;

/// <summary>
/// The analysis of <c>expTensor</c> at a finite argument: one call of a port's <c>exp</c>, at most
/// <see cref="BoundMath.ExpUlps"/> ulps (the profile's) from the true <c>e^x</c>.
/// </summary>
internal static class ExpBound
{
    public static RealBound Analyse(BoundMath math, double x)
    {
        Enclosure y = math.Exp(math.Exactly(x));
        MpfrNumber error = math.Ulps(math.ExpUlps, math.Magnitude(y));
        return new RealBound(y, error, error)
        {
            NonNegative = true,
            MayBePositiveInfinity = math.ExpMayOverflow(math.Plus(y.Hi, error)),
        };
    }
}

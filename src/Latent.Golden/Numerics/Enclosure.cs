using Latent.Oracles.Mpfr;

namespace Latent.Golden.Numerics;

/// <summary>
/// A closed interval <c>[Lo, Hi]</c> of reals that contains one real value of the analysis (a true intermediate of a
/// definition at the test's inputs), computed with MPFR's directed rounding so that the containment is guaranteed.
/// Made and combined by <see cref="BoundMath"/>.
/// </summary>
internal readonly record struct Enclosure(MpfrNumber Lo, MpfrNumber Hi)
{
    /// <summary>+1 if the whole interval is positive, −1 if negative, 0 if it contains 0.</summary>
    public int Sign => MpfrNative.Sign(Lo) > 0 ? 1 : MpfrNative.Sign(Hi) < 0 ? -1 : 0;

    /// <summary>Whether the interval is the single point 0.</summary>
    public bool IsZeroPoint => MpfrNative.Sign(Lo) == 0 && MpfrNative.Sign(Hi) == 0;
}

using Latent.Golden.Model;
using Latent.Golden.Numerics;
using Latent.Oracles.Mpfr;

namespace Latent.Golden.Tolerance;

/// <summary>
/// The outcome of the forward error analysis of one output element: where the real result is, and how far below and
/// above it a faithful port's result may land, plus the discrete outcomes (overflow to ±∞, NaN) that some faithful
/// evaluation may reach.
/// </summary>
internal sealed class RealBound
{
    public RealBound(Enclosure value, MpfrNumber below, MpfrNumber above)
    {
        Value = value;
        Below = below;
        Above = above;
    }

    /// <summary>An enclosure of the real result.</summary>
    public Enclosure Value { get; }

    /// <summary>How far below the real result a faithful result may be (nonnegative).</summary>
    public MpfrNumber Below { get; }

    /// <summary>How far above the real result a faithful result may be (nonnegative).</summary>
    public MpfrNumber Above { get; }

    /// <summary>Some faithful evaluation may overflow to +∞ (an intermediate may exceed the largest finite value).</summary>
    public bool MayBePositiveInfinity { get; set; }

    /// <summary>Every faithful evaluation overflows to +∞.</summary>
    public bool MustBePositiveInfinity { get; set; }

    /// <summary>Some faithful evaluation may overflow to −∞.</summary>
    public bool MayBeNegativeInfinity { get; set; }

    /// <summary>Every faithful evaluation overflows to −∞.</summary>
    public bool MustBeNegativeInfinity { get; set; }

    /// <summary>The NaN rule; <see cref="NanRule.Required"/> makes the interval irrelevant.</summary>
    public NanRule Nan { get; set; } = NanRule.Forbidden;

    /// <summary>The result is an <c>exp</c>, never below +0, so the accepted range starts at +0 at the lowest.</summary>
    public bool NonNegative { get; set; }
}

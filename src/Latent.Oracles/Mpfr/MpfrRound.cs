namespace Latent.Oracles.Mpfr;

/// <summary>MPFR rounding modes (<c>mpfr_rnd_t</c>).</summary>
public enum MpfrRound
{
    /// <summary>To nearest, ties to even (<c>MPFR_RNDN</c>).</summary>
    Nearest = 0,

    /// <summary>Toward zero (<c>MPFR_RNDZ</c>).</summary>
    TowardZero = 1,

    /// <summary>Toward +∞ (<c>MPFR_RNDU</c>).</summary>
    Up = 2,

    /// <summary>Toward −∞ (<c>MPFR_RNDD</c>).</summary>
    Down = 3,
}

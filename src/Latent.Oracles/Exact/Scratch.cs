using System;
using Latent.Oracles.Mpfr;

namespace Latent.Oracles.Exact;

/// <summary>
/// Per-thread MPFR numbers reused by the hot paths (the first Ziv attempt of <c>exp</c>, rounding into a format), so that
/// the common case allocates nothing. MPFR numbers are not thread-safe; one set per thread keeps them unshared.
/// </summary>
internal sealed class Scratch
{
    /// <summary>Precision of the first attempt: 43 bits beyond binary64, which settles all but about 1 in 10^12 arguments.</summary>
    public const int FirstAttemptPrecision = 96;

    [ThreadStatic]
    private static Scratch? s_current;

    private Scratch()
    {
    }

    public static Scratch Current => s_current ??= new Scratch();

    public MpfrNumber Input { get; } = new(64);

    public MpfrNumber Lower { get; } = new(FirstAttemptPrecision);

    public MpfrNumber Upper { get; } = new(FirstAttemptPrecision);

    /// <summary>A logvar element of the KL, exactly (a binary64 value fits in 64 bits).</summary>
    public MpfrNumber KlLogvar { get; } = new(64);

    /// <summary>A mu element of the KL, exactly.</summary>
    public MpfrNumber KlMu { get; } = new(64);

    /// <summary>The square of a mu element, exactly (106 bits hold the product of two 53-bit values).</summary>
    public MpfrNumber KlSquare { get; } = new(106);

    /// <summary>Lower and upper bounds of one KL term; their precision is set per coordinate.</summary>
    public MpfrNumber KlTermLow { get; } = new(64);

    /// <summary>See <see cref="KlTermLow"/>.</summary>
    public MpfrNumber KlTermHigh { get; } = new(64);

    // The numbers live as long as their thread; their SafeHandles release the native memory after it ends.
    private MpfrNumber Rounded24 { get; } = new(24);

    private MpfrNumber Rounded53 { get; } = new(53);

    private MpfrNumber Rounded11 { get; } = new(11);

    private MpfrNumber Rounded8 { get; } = new(8);

    /// <summary>A number of the target precision (53, 24, 11 or 8 bits: binary64, binary32, binary16, bfloat16) for rounding into the normal range.</summary>
    public MpfrNumber Rounded(int precision) => precision switch
    {
        24 => Rounded24,
        53 => Rounded53,
        11 => Rounded11,
        8 => Rounded8,
        _ => throw new ArgumentOutOfRangeException(nameof(precision), precision, "Only binary64, binary32, binary16 and bfloat16 are supported."),
    };
}

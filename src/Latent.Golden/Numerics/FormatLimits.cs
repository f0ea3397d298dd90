using Latent.Ieee;

namespace Latent.Golden.Numerics;

/// <summary>The parameters of a binary format that the error analysis needs: precision and exponent range.</summary>
/// <param name="Precision">Significand bits, the hidden bit included (53 for binary64, 24 for binary32).</param>
/// <param name="MaxExponent">Largest unbiased exponent (1023, 127); the smallest normal is <c>2^(1 − MaxExponent)</c>.</param>
internal sealed record FormatLimits(int Precision, int MaxExponent)
{
    /// <summary>Exponent of the smallest normal number.</summary>
    public int MinNormalExponent => 1 - MaxExponent;

    /// <summary>Exponent of the subnormal quantum η, the distance between neighbouring subnormals (and the smallest one).</summary>
    public int QuantumExponent => MinNormalExponent - (Precision - 1);

    /// <summary>Exponent of the unit roundoff <c>u = 2^−p</c>, the relative error bound of a rounding to nearest.</summary>
    public int UnitRoundoffExponent => -Precision;

    /// <summary>The limits of <typeparamref name="TFormat"/>.</summary>
    public static FormatLimits Of<T, TFormat>()
        where T : System.Numerics.IBinaryFloatingPointIeee754<T>
        where TFormat : IBinaryFormat<T> =>
        new(TFormat.Precision, TFormat.MaxExponent);
}

using System;

namespace Latent.Ieee;

/// <summary>IEEE 754 binary64, .NET <c>double</c>, Lean <c>Float</c>.</summary>
public readonly struct Binary64 : IBinaryFormat<double>
{
    /// <inheritdoc/>
    public static string Name => "f64";

    /// <inheritdoc/>
    public static int BitWidth => 64;

    /// <inheritdoc/>
    public static int Precision => 53;

    /// <inheritdoc/>
    public static int MaxExponent => 1023;

    /// <inheritdoc/>
    public static ulong ToBits(double value) => BitConverter.DoubleToUInt64Bits(value);

    /// <inheritdoc/>
    public static double FromBits(ulong bits) => BitConverter.UInt64BitsToDouble(bits);
}

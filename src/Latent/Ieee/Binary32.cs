using System;

namespace Latent.Ieee;

/// <summary>IEEE 754 binary32, .NET <c>float</c>, Lean <c>Float32</c>.</summary>
public readonly struct Binary32 : IBinaryFormat<float>
{
    /// <inheritdoc/>
    public static string Name => "f32";

    /// <inheritdoc/>
    public static int BitWidth => 32;

    /// <inheritdoc/>
    public static int Precision => 24;

    /// <inheritdoc/>
    public static int MaxExponent => 127;

    /// <inheritdoc/>
    public static ulong ToBits(float value) => BitConverter.SingleToUInt32Bits(value);

    /// <inheritdoc/>
    public static float FromBits(ulong bits) => BitConverter.UInt32BitsToSingle(unchecked((uint)bits));
}

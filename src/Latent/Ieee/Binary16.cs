using System;

namespace Latent.Ieee;

/// <summary>IEEE 754 binary16, .NET <c>Half</c> (Lean's core library has no binary16 type).</summary>
public readonly struct Binary16 : IBinaryFormat<Half>
{
    /// <inheritdoc/>
    public static string Name => "f16";

    /// <inheritdoc/>
    public static int BitWidth => 16;

    /// <inheritdoc/>
    public static int Precision => 11;

    /// <inheritdoc/>
    public static int MaxExponent => 15;

    /// <inheritdoc/>
    public static ulong ToBits(Half value) => BitConverter.HalfToUInt16Bits(value);

    /// <inheritdoc/>
    public static Half FromBits(ulong bits) => BitConverter.UInt16BitsToHalf(unchecked((ushort)bits));
}

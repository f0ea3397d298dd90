namespace Latent.Ieee;

/// <summary>
/// bfloat16 (1 sign, 8 exponent and 7 fraction bits: binary32's exponent range with 8 bits of precision), .NET
/// <see cref="BFloat16"/> (Lean's core library has no bfloat16 type).
/// </summary>
public readonly struct BFloat16Format : IBinaryFormat<BFloat16>
{
    /// <inheritdoc/>
    public static string Name => "bf16";

    /// <inheritdoc/>
    public static int BitWidth => 16;

    /// <inheritdoc/>
    public static int Precision => 8;

    /// <inheritdoc/>
    public static int MaxExponent => 127;

    /// <inheritdoc/>
    public static ulong ToBits(BFloat16 value) => value.ToBits();

    /// <inheritdoc/>
    public static BFloat16 FromBits(ulong bits) => BFloat16.FromBits(unchecked((ushort)bits));
}

using System.Numerics;

namespace Latent.Ieee;

/// <summary>
/// An IEEE 754 binary interchange format as seen by tools: its name, its parameters and its bit patterns.
/// </summary>
/// <typeparam name="T">The .NET type that holds values of the format.</typeparam>
public interface IBinaryFormat<T>
    where T : IBinaryFloatingPointIeee754<T>
{
    /// <summary>Short name used on the command line and in files: <c>f64</c>, <c>f32</c>, <c>f16</c> or <c>bf16</c>.</summary>
    static abstract string Name { get; }

    /// <summary>Width of an encoding in bits (64 or 32).</summary>
    static abstract int BitWidth { get; }

    /// <summary>Significand precision in bits, the hidden bit included (53 or 24).</summary>
    static abstract int Precision { get; }

    /// <summary>Largest unbiased exponent of a finite value (1023 or 127); the smallest normal is <c>2^(1 − MaxExponent)</c>.</summary>
    static abstract int MaxExponent { get; }

    /// <summary>The encoding of <paramref name="value"/>, zero-extended to 64 bits.</summary>
    static abstract ulong ToBits(T value);

    /// <summary>The value encoded by the low <see cref="BitWidth"/> bits of <paramref name="bits"/>.</summary>
    static abstract T FromBits(ulong bits);
}

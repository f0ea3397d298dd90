using System.Numerics;
using Latent.Ieee;

namespace Latent.Oracles;

/// <summary>
/// Distance in units in the last place between two values of one binary format: the number of representable values
/// from one to the other, counted on the ordered line −∞ … −0 = +0 … +∞.
/// </summary>
/// <remarks>
/// Unlike MathNet's <c>Precision.NumbersBetween</c>, this never throws: ±0 are 0 apart, the largest finite value and ∞ are
/// 1 apart, two NaNs are 0 apart (IEEE leaves payloads unspecified) and a NaN against a number is <see cref="Unbounded"/>.
/// </remarks>
public static class UlpDistance
{
    /// <summary>The distance reported between a NaN and a number.</summary>
    public const ulong Unbounded = ulong.MaxValue;

    /// <summary>The distance between <paramref name="a"/> and <paramref name="b"/>.</summary>
    public static ulong Between<T, TFormat>(T a, T b)
        where T : IBinaryFloatingPointIeee754<T>
        where TFormat : IBinaryFormat<T>
    {
        bool nanA = T.IsNaN(a), nanB = T.IsNaN(b);
        if (nanA || nanB)
        {
            return nanA && nanB ? 0 : Unbounded;
        }

        long x = Ordinal<T, TFormat>(a), y = Ordinal<T, TFormat>(b);
        return x >= y ? (ulong)(x - y) : (ulong)(y - x);
    }

    /// <summary>Maps a non-NaN value to a signed integer that is monotone in the value, with both zeros at 0.</summary>
    private static long Ordinal<T, TFormat>(T value)
        where T : IBinaryFloatingPointIeee754<T>
        where TFormat : IBinaryFormat<T>
    {
        ulong bits = TFormat.ToBits(value);
        ulong signBit = 1UL << (TFormat.BitWidth - 1);
        long magnitude = (long)(bits & (signBit - 1));
        return (bits & signBit) != 0 ? -magnitude : magnitude;
    }
}

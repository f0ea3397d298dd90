using System;
using System.Text;
using Latent.Oracles;

namespace Latent.Golden.Random;

/// <summary>
/// xoshiro256** 1.0 (Blackman and Vigna 2018), the generator of the seeded random cases. Documented and implemented here,
/// rather than <c>System.Random</c>, whose sequence may change between .NET versions: the same seed must give the same
/// vectors on any machine and runtime.
/// </summary>
internal sealed class Xoshiro256StarStar
{
    private ulong _s0, _s1, _s2, _s3;

    /// <summary>Seeds the state with four outputs of <see cref="SplitMix64"/>, as the authors recommend.</summary>
    public Xoshiro256StarStar(ulong seed)
    {
        var mix = new SplitMix64(seed);
        _s0 = mix.NextUInt64();
        _s1 = mix.NextUInt64();
        _s2 = mix.NextUInt64();
        _s3 = mix.NextUInt64();
    }

    /// <summary>A generator for one stream (a file name), independent of every other stream of the same seed.</summary>
    public static Xoshiro256StarStar ForStream(ulong seed, string stream)
    {
        ArgumentNullException.ThrowIfNull(stream);

        // FNV-1a over the UTF-8 bytes of the stream name, then mixed with the seed.
        ulong hash = 0xCBF29CE484222325UL;
        foreach (byte b in Encoding.UTF8.GetBytes(stream))
        {
            hash = (hash ^ b) * 0x100000001B3UL;
        }

        return new Xoshiro256StarStar(new SplitMix64(seed ^ hash).NextUInt64());
    }

    public ulong NextUInt64()
    {
        ulong result = RotateLeft(_s1 * 5, 7) * 9;
        ulong t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>A uniform integer in <c>[0, bound)</c>, by rejection (no modulo bias).</summary>
    public int NextInt(int bound)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(bound);
        ulong limit = ulong.MaxValue - (ulong.MaxValue % (ulong)bound);
        ulong x;
        do
        {
            x = NextUInt64();
        }
        while (x >= limit);
        return (int)(x % (ulong)bound);
    }

    /// <summary>A uniform integer in <c>[min, max]</c>.</summary>
    public int NextInt(int min, int max) => min + NextInt(max - min + 1);

    /// <summary>A uniform double in <c>[0, 1)</c> on the grid of <c>2^−53</c> (exact, no rounding).</summary>
    public double NextUnit() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>True with probability <paramref name="p"/>.</summary>
    public bool Chance(double p) => NextUnit() < p;

    /// <summary>One element of <paramref name="items"/>, uniformly.</summary>
    public T Pick<T>(System.Collections.Generic.IReadOnlyList<T> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        return items[NextInt(items.Count)];
    }

    private static ulong RotateLeft(ulong x, int k) => (x << k) | (x >> (64 - k));
}

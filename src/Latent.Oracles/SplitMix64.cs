namespace Latent.Oracles;

/// <summary>
/// SplitMix64 (Steele, Lea and Flood 2014): a small, fast generator whose output depends only on its seed, on every
/// platform and .NET version (unlike <c>System.Random</c>, whose algorithm is an implementation detail).
/// </summary>
public struct SplitMix64
{
    private ulong _state;

    /// <summary>Starts the sequence at <paramref name="seed"/>.</summary>
    public SplitMix64(ulong seed) => _state = seed;

    /// <summary>A generator for item <paramref name="index"/> of a run: items are independent of the order they are made in.</summary>
    public static SplitMix64 ForItem(ulong seed, ulong index)
    {
        var mixer = new SplitMix64(seed ^ (index * 0xD1B54A32D192ED03UL));
        return new SplitMix64(mixer.NextUInt64());
    }

    /// <summary>The next 64 random bits.</summary>
    public ulong NextUInt64()
    {
        ulong z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>A uniform integer in [0, <paramref name="bound"/>), without modulo bias.</summary>
    public int NextInt(int bound)
    {
        ulong limit = ulong.MaxValue - (ulong.MaxValue % (ulong)bound);
        ulong r;
        do
        {
            r = NextUInt64();
        }
        while (r >= limit);
        return (int)(r % (ulong)bound);
    }

    /// <summary>A uniform integer in [<paramref name="low"/>, <paramref name="high"/>].</summary>
    public int NextInt(int low, int high) => low + NextInt(high - low + 1);

    /// <summary>A uniform double in [0, 1) with 53 random bits.</summary>
    public double NextUnit() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>True with probability 1/2.</summary>
    public bool NextBool() => (NextUInt64() & 1) != 0;
}

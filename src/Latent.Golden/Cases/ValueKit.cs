using System;
using System.Collections.Generic;
using System.Numerics;
using Latent.Oracles.FastExp;
using Latent.Golden.Random;
using Latent.Ieee;
using Latent.Oracles.Exact;

namespace Latent.Golden.Cases;

/// <summary>
/// Special values, boundaries and random values of one binary format, all built from bit patterns, IEEE basic operations
/// and the correctly rounded <c>exp</c> of the oracle, never from the platform's libm, so the same on every machine.
/// </summary>
internal sealed class ValueKit<T, TFormat>
    where T : IBinaryFloatingPointIeee754<T>
    where TFormat : IBinaryFormat<T>
{
    public ValueKit(Xoshiro256StarStar random)
    {
        Random = random;
        int fractionBits = TFormat.Precision - 1;
        Quantum = TFormat.FromBits(1);
        MinNormal = TFormat.FromBits(1UL << fractionBits);
        int exponentBits = TFormat.BitWidth - fractionBits - 1;
        Max = TFormat.FromBits((((1UL << exponentBits) - 2) << fractionBits) | ((1UL << fractionBits) - 1));
        ExpOverflowEdge = LargestWhere(x => T.IsFinite(CorrectlyRoundedExp.Exp<T, TFormat>(x)), T.Zero, Max);
        ExpZeroEdge = SmallestWhere(x => CorrectlyRoundedExp.Exp<T, TFormat>(x) > T.Zero, -Max, T.Zero);
        ExpNormalEdge = SmallestWhere(x => CorrectlyRoundedExp.Exp<T, TFormat>(x) >= MinNormal, -Max, T.Zero);
        SquareOverflowEdge = LargestWhere(x => T.IsFinite(x * x), T.Zero, Max);
    }

    public Xoshiro256StarStar Random { get; }

    /// <summary>The smallest positive subnormal η.</summary>
    public T Quantum { get; }

    /// <summary>The smallest positive normal value.</summary>
    public T MinNormal { get; }

    /// <summary>The largest finite value.</summary>
    public T Max { get; }

    /// <summary>The largest x whose correctly rounded <c>exp</c> is finite.</summary>
    public T ExpOverflowEdge { get; }

    /// <summary>The smallest x whose correctly rounded <c>exp</c> is not +0.</summary>
    public T ExpZeroEdge { get; }

    /// <summary>The smallest x whose correctly rounded <c>exp</c> is normal.</summary>
    public T ExpNormalEdge { get; }

    /// <summary>The largest x with <c>x · x</c> finite.</summary>
    public T SquareOverflowEdge { get; }

    public static T Of(double value) => T.CreateTruncating(value);

    public static T Next(T x) => T.BitIncrement(x);

    public static T Previous(T x) => T.BitDecrement(x);

    /// <summary>The positive quiet NaN.</summary>
    public static T QuietNaN => TFormat.FromBits(IeeeText.QuietNaNBits<T, TFormat>(negative: false));

    /// <summary>A quiet NaN with the sign bit set.</summary>
    public static T NegativeNaN => TFormat.FromBits(IeeeText.QuietNaNBits<T, TFormat>(negative: true));

    /// <summary>A quiet NaN with a nonzero payload (low bits 0x2A).</summary>
    public static T PayloadNaN => TFormat.FromBits(IeeeText.QuietNaNBits<T, TFormat>(negative: false) | 0x2A);

    /// <summary>A signaling NaN (quiet bit clear, payload 1); ports may quiet it, the class stays NaN.</summary>
    public static T SignalingNaN => TFormat.FromBits((IeeeText.QuietNaNBits<T, TFormat>(negative: false) & ~(1UL << (TFormat.Precision - 2))) | 1);

    /// <summary>Special values every input slot should meet.</summary>
    public IReadOnlyList<T> Specials =>
    [
        T.Zero, T.NegativeZero, Quantum, -Quantum, MinNormal, -MinNormal, Previous(MinNormal), Max, -Max,
        T.PositiveInfinity, T.NegativeInfinity, QuietNaN, T.One, -T.One,
    ];

    /// <summary>A uniform value in <c>[a, b)</c>, rounded once into the format.</summary>
    public T Uniform(double a, double b) => Of(a + ((b - a) * Random.NextUnit()));

    /// <summary>A finite value with a uniformly random sign, biased exponent (subnormals included) and fraction.</summary>
    public T AnyFinite()
    {
        int fractionBits = TFormat.Precision - 1;
        int exponentBits = TFormat.BitWidth - fractionBits - 1;
        ulong exponent = (ulong)Random.NextInt((1 << exponentBits) - 1);
        ulong fraction = Random.NextUInt64() & ((1UL << fractionBits) - 1);
        ulong sign = Random.Chance(0.5) ? 1UL << (TFormat.BitWidth - 1) : 0;
        return TFormat.FromBits(sign | (exponent << fractionBits) | fraction);
    }

    /// <summary>A finite value of magnitude <c>2^e</c> times [1, 2) with <c>e</c> uniform in <c>[minExponent, maxExponent]</c>, random sign.</summary>
    public T LogUniform(int minExponent, int maxExponent, bool signed = true)
    {
        double mantissa = 1 + Random.NextUnit();
        double value = double.ScaleB(mantissa, Random.NextInt(minExponent, maxExponent));
        return Of(signed && Random.Chance(0.5) ? -value : value);
    }

    /// <summary>Any bit pattern of the format (NaNs, infinities and subnormals included).</summary>
    public T AnyBits() => TFormat.FromBits(Random.NextUInt64() & (TFormat.BitWidth == 64 ? ulong.MaxValue : (1UL << TFormat.BitWidth) - 1));

    /// <summary>One of <see cref="Specials"/>.</summary>
    public T Special() => Random.Pick(Specials);

    /// <summary>The ordered position of a finite value among the format's values, for bisection on the bit patterns.</summary>
    private static long Ordinal(T x)
    {
        ulong bits = TFormat.ToBits(x);
        ulong sign = 1UL << (TFormat.BitWidth - 1);
        long magnitude = (long)(bits & (sign - 1));
        return (bits & sign) != 0 ? -magnitude : magnitude;
    }

    private static T FromOrdinal(long ordinal) =>
        ordinal >= 0 ? TFormat.FromBits((ulong)ordinal) : TFormat.FromBits((ulong)(-ordinal) | (1UL << (TFormat.BitWidth - 1)));

    /// <summary>The largest x in <c>[lo, hi]</c> with <paramref name="holds"/>, for a predicate true below a threshold.</summary>
    private static T LargestWhere(Func<T, bool> holds, T lo, T hi)
    {
        long a = Ordinal(lo), b = Ordinal(hi);
        while (a < b)
        {
            long mid = a + ((b - a + 1) / 2);
            if (holds(FromOrdinal(mid)))
            {
                a = mid;
            }
            else
            {
                b = mid - 1;
            }
        }

        return FromOrdinal(a);
    }

    /// <summary>The smallest x in <c>[lo, hi]</c> with <paramref name="holds"/>, for a predicate true above a threshold.</summary>
    private static T SmallestWhere(Func<T, bool> holds, T lo, T hi)
    {
        long a = Ordinal(lo), b = Ordinal(hi);
        while (a < b)
        {
            long mid = a + ((b - a) / 2);
            if (holds(FromOrdinal(mid)))
            {
                b = mid;
            }
            else
            {
                a = mid + 1;
            }
        }

        return FromOrdinal(a);
    }
}

using System;
using System.Collections.Generic;
using System.Numerics;
using FsCheck;
using FsCheck.Fluent;
using Latent.Ieee;

namespace Latent.Properties.Generators;

/// <summary>
/// Generators of IEEE values of one binary format, built from bit patterns so that every class appears: ±0, subnormals,
/// the extremes, ±∞, NaNs with payloads, values at the exponential's overflow and underflow edges, and tiny magnitudes
/// where <c>exp(l) − 1 − l</c> cancels. FsCheck's own generators never make −0, subnormals or large finite values.
/// </summary>
/// <typeparam name="T">The .NET type of the format.</typeparam>
/// <typeparam name="TFormat">The format's parameters.</typeparam>
public static class IeeeGenerators<T, TFormat>
    where T : IBinaryFloatingPointIeee754<T>
    where TFormat : IBinaryFormat<T>
{
    private static int FractionBits => TFormat.Precision - 1;

    private static ulong SignBit => 1UL << (TFormat.BitWidth - 1);

    private static ulong WidthMask => TFormat.BitWidth == 64 ? ulong.MaxValue : (1UL << TFormat.BitWidth) - 1;

    /// <summary>The largest biased exponent of a finite value (2046 or 254); the bias is <c>MaxExponent</c>.</summary>
    private static int MaxBiasedExponent => 2 * TFormat.MaxExponent;

    /// <summary>The largest finite value (<c>IBinaryFloatingPointIeee754</c> does not expose <c>MaxValue</c>).</summary>
    public static T MaxValue => FromFields(false, MaxBiasedExponent, ulong.MaxValue);

    /// <summary>The value with the given sign, biased exponent field and fraction field.</summary>
    public static T FromFields(bool negative, int biasedExponent, ulong fraction) =>
        TFormat.FromBits((negative ? SignBit : 0) | ((ulong)biasedExponent << FractionBits) | (fraction & ((1UL << FractionBits) - 1)));

    /// <summary>Uniformly random bit patterns of the format's width (every class, weighted by how many encodings it has).</summary>
    public static Gen<T> AnyBits { get; } =
        from hi in Gen.Choose(int.MinValue, int.MaxValue)
        from lo in Gen.Choose(int.MinValue, int.MaxValue)
        select TFormat.FromBits((((ulong)(uint)hi << 32) | (uint)lo) & WidthMask);

    private static Gen<ulong> Fraction { get; } =
        from hi in Gen.Choose(int.MinValue, int.MaxValue)
        from lo in Gen.Choose(int.MinValue, int.MaxValue)
        select (((ulong)(uint)hi << 32) | (uint)lo) & ((1UL << FractionBits) - 1);

    private static Gen<bool> Sign { get; } = Gen.Elements(false, true);

    /// <summary>Subnormal values of either sign (exponent field 0, fraction nonzero).</summary>
    public static Gen<T> Subnormal { get; } =
        from negative in Sign
        from fraction in Fraction.Where(f => f != 0)
        select FromFields(negative, 0, fraction);

    /// <summary>Finite values with a uniformly random exponent field: every binade equally likely.</summary>
    public static Gen<T> AnyFinite { get; } =
        from negative in Sign
        from exponent in Gen.Choose(0, MaxBiasedExponent)
        from fraction in Fraction
        select FromFields(negative, exponent, fraction);

    /// <summary>Values of magnitude in <c>[2^minExponent, 2^(maxExponent+1))</c>, log-uniform, either sign, random significand.</summary>
    public static Gen<T> Magnitudes(int minExponent, int maxExponent) =>
        from negative in Sign
        from exponent in Gen.Choose(minExponent, maxExponent)
        from fraction in Fraction
        select FromFields(negative, exponent + TFormat.MaxExponent, fraction);

    /// <summary>Values as latent statistics take in practice: magnitudes from 2^−30 to 2^9.</summary>
    public static Gen<T> Moderate { get; } = Magnitudes(-30, 9);

    /// <summary>The exponential's edges in this format: <c>ln(MaxValue)</c> (709.78 or 88.72), above which <c>exp</c> overflows,
    /// and the argument below which it underflows to 0 (−745.13 or −103.97).</summary>
    public static T ExpOverflowEdge => T.Log(MaxValue);

    /// <summary>The argument below which <c>exp</c> rounds to zero: <c>ln</c> of half the smallest subnormal.</summary>
    public static T ExpUnderflowEdge => T.Log(T.Epsilon) - T.CreateTruncating(Math.Log(2));

    /// <summary>Signed zeros, infinities, NaNs with several payloads, the extremes and the exponential's edges.</summary>
    public static Gen<T> Special { get; } = Gen.Elements(SpecialValues());

    private static T[] SpecialValues()
    {
        ulong exponentAllOnes = ((1UL << (TFormat.BitWidth - 1 - FractionBits)) - 1) << FractionBits;
        ulong quietBit = 1UL << (FractionBits - 1);
        T edge = ExpOverflowEdge;
        T low = ExpUnderflowEdge;
        T two = T.One + T.One;
        return
        [
            T.Zero, T.NegativeZero, T.PositiveInfinity, T.NegativeInfinity,
            TFormat.FromBits(exponentAllOnes | quietBit), TFormat.FromBits(SignBit | exponentAllOnes | quietBit),
            TFormat.FromBits(exponentAllOnes | 1), TFormat.FromBits(exponentAllOnes | quietBit | 0x123),
            T.Epsilon, -T.Epsilon, MaxValue, -MaxValue, FromFields(false, 1, 0), FromFields(true, 1, 0),
            T.One, -T.One, T.One / two, edge, T.BitIncrement(edge), two * edge, T.BitIncrement(two * edge), low, T.BitDecrement(low),
        ];
    }

    /// <summary>Logvars within a few units in the last place, or within 10^−3, of a given edge.</summary>
    public static Gen<T> Near(T edge) => Gen.Frequency(
        (1, from steps in Gen.Choose(-64, 64) select Step(edge, steps)),
        (1, from k in Gen.Choose(-1000, 1000) select edge + (T.CreateTruncating(k) * T.CreateTruncating(1e-6))));

    /// <summary>Logvars near where <c>exp(logvar)</c> overflows (the KL's <c>var</c>) and where <c>exp(logvar / 2)</c> does
    /// (reparameterization's <c>std</c>, at twice the edge).</summary>
    public static Gen<T> NearOverflowEdges { get; } = Gen.OneOf(Near(ExpOverflowEdge), Near(ExpOverflowEdge + ExpOverflowEdge));

    /// <summary>Tiny nonzero magnitudes, where <c>exp(l) − 1 − l ≈ l²/2</c> cancels: from 2^−(2·Precision + 8) to 2^−1,
    /// and subnormals.</summary>
    public static Gen<T> Tiny { get; } = Gen.Frequency(
        (9, Magnitudes(-((2 * TFormat.Precision) + 8), -1)),
        (1, Subnormal));

    /// <summary>Every class: moderate values most often, then arbitrary bits, specials, edges, tiny values and subnormals.</summary>
    public static Gen<T> Any { get; } = Gen.Frequency(
        (5, Moderate), (2, AnyBits), (2, Special), (1, NearOverflowEdges), (2, Tiny), (1, Subnormal));

    /// <summary>The <paramref name="steps"/>-th representable neighbour of <paramref name="value"/> (negative steps go down).</summary>
    public static T Step(T value, int steps)
    {
        for (int i = 0; i < Math.Abs(steps); i++)
        {
            value = steps > 0 ? T.BitIncrement(value) : T.BitDecrement(value);
        }

        return value;
    }

    /// <summary>
    /// Simpler values to try when a property fails on <paramref name="value"/>: +0, then the positive value, then the same
    /// binade with fewer significand bits (none, then half of them), then 1. Every candidate differs from the value.
    /// </summary>
    public static IEnumerable<T> Shrink(T value)
    {
        var seen = new HashSet<ulong> { TFormat.ToBits(value) };
        foreach (T candidate in Candidates(value))
        {
            if (seen.Add(TFormat.ToBits(candidate)))
            {
                yield return candidate;
            }
        }
    }

    private static IEnumerable<T> Candidates(T value)
    {
        yield return T.Zero;
        if (T.IsNaN(value))
        {
            yield break;
        }

        if (T.IsNegative(value))
        {
            yield return -value;
        }

        if (T.IsFinite(value))
        {
            ulong bits = TFormat.ToBits(value);
            ulong fraction = bits & ((1UL << FractionBits) - 1);
            int keep = BitOperations.PopCount(fraction) / 2;
            yield return TFormat.FromBits(bits & ~((1UL << FractionBits) - 1));
            yield return TFormat.FromBits(bits & ~LowestSetBits(fraction, BitOperations.PopCount(fraction) - keep));
        }

        yield return T.One;
    }

    private static ulong LowestSetBits(ulong fraction, int count)
    {
        ulong mask = 0;
        for (int i = 0; i < count && fraction != 0; i++)
        {
            ulong lowest = fraction & (~fraction + 1);
            mask |= lowest;
            fraction &= ~lowest;
        }

        return mask;
    }
}

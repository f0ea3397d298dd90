using System;
using System.Numerics;
using Latent.Ieee;
using Latent.Oracles.Exact;

namespace Latent.Oracles.Differential;

/// <summary>
/// Draws IEEE values of one format by class, from bit patterns where it matters, so that every class of value
/// appears: ordinary magnitudes, the whole encoding space, subnormals, values a few ulps around the <c>exp</c>
/// overflow and underflow edges, tiny magnitudes (cancellation), and the special values.
/// </summary>
/// <remarks>Depends only on the generator's bits and on IEEE operations, never on a libm.</remarks>
public static class ValueSampler<T, TFormat>
    where T : IBinaryFloatingPointIeee754<T>
    where TFormat : IBinaryFormat<T>
{
    private static readonly int FractionBits = TFormat.Precision - 1;

    /// <summary>±(1 + u)·2^k with k in [<paramref name="lowExponent"/>, <paramref name="highExponent"/>].</summary>
    public static T Moderate(ref SplitMix64 random, int lowExponent = -8, int highExponent = 8)
    {
        T magnitude = T.CreateTruncating(Math.ScaleB(1.0 + random.NextUnit(), random.NextInt(lowExponent, highExponent)));
        return random.NextBool() ? -magnitude : magnitude;
    }

    /// <summary>Any encoding of the format, NaNs and infinities included.</summary>
    public static T AnyBits(ref SplitMix64 random)
    {
        ulong bits = random.NextUInt64();
        return TFormat.FromBits(TFormat.BitWidth == 64 ? bits : bits >> (64 - TFormat.BitWidth));
    }

    /// <summary>A nonzero subnormal of either sign.</summary>
    public static T Subnormal(ref SplitMix64 random)
    {
        ulong fraction = (random.NextUInt64() & ((1UL << FractionBits) - 1)) | 1;
        ulong sign = random.NextBool() ? 1UL << (TFormat.BitWidth - 1) : 0;
        return TFormat.FromBits(sign | fraction);
    }

    /// <summary>A magnitude below 2^-10, down to the smallest subnormal, of either sign: where <c>e^l − 1 − l</c> cancels.</summary>
    public static T Tiny(ref SplitMix64 random)
    {
        int lowest = 2 - TFormat.MaxExponent - TFormat.Precision;
        T magnitude = T.CreateTruncating(Math.ScaleB(1.0 + random.NextUnit(), random.NextInt(lowest, -10)));
        if (T.IsZero(magnitude))
        {
            magnitude = T.Epsilon;
        }

        return random.NextBool() ? -magnitude : magnitude;
    }

    /// <summary>
    /// A value within 64 ulps of an edge of <c>exp</c> (scaled by <paramref name="scale"/>, e.g. 2 for arguments that are
    /// halved first): the overflow threshold <c>ln(MaxValue)</c>, the smallest-normal result <c>ln(2^(1−emax))</c> and the
    /// underflow-to-zero threshold <c>ln(Epsilon / 2)</c>.
    /// </summary>
    public static T ExpEdge(ref SplitMix64 random, int scale = 1)
    {
        double ln2 = 0.6931471805599453;
        double overflow = (TFormat.MaxExponent + 1) * ln2;
        double smallestNormal = (1 - TFormat.MaxExponent) * ln2;
        double underflow = (2 - TFormat.MaxExponent - TFormat.Precision - 1) * ln2;
        double edge = random.NextInt(3) switch { 0 => overflow, 1 => smallestNormal, _ => underflow };
        T value = T.CreateTruncating(edge * scale);
        int steps = random.NextInt(-64, 64);
        for (int i = 0; i < Math.Abs(steps); i++)
        {
            value = steps > 0 ? T.BitIncrement(value) : T.BitDecrement(value);
        }

        return value;
    }

    /// <summary>One of the special values: ±0, ±∞, NaN, ±Epsilon, ±MaxValue, ±1, 0.5.</summary>
    public static T Special(ref SplitMix64 random)
    {
        T max = TFormat.FromBits((((1UL << (TFormat.BitWidth - TFormat.Precision)) - 2) << FractionBits) | ((1UL << FractionBits) - 1));
        T[] specials =
        [
            T.Zero, T.NegativeZero, T.PositiveInfinity, T.NegativeInfinity, T.NaN, T.Epsilon, -T.Epsilon,
            max, -max, T.One, -T.One, T.One / (T.One + T.One),
        ];
        return specials[random.NextInt(specials.Length)];
    }

    /// <summary>The square root of the largest value, give or take a few ulps: where <c>mu * mu</c> starts to overflow.</summary>
    public static T SquareOverflowEdge(ref SplitMix64 random)
    {
        // MaxValue is just below 2^(emax + 1), so mu * mu overflows from about 2^((emax + 1) / 2).
        T value = T.CreateTruncating(Math.ScaleB(1.0, (TFormat.MaxExponent + 1) / 2));
        int steps = random.NextInt(-8, 8);
        for (int i = 0; i < Math.Abs(steps); i++)
        {
            value = steps > 0 ? T.BitIncrement(value) : T.BitDecrement(value);
        }

        return random.NextBool() ? -value : value;
    }

    /// <summary>The correctly rounded <c>exp</c>, for building inputs that cancel (never the platform's, to stay reproducible).</summary>
    public static T CorrectlyRoundedExp(T x) => FastExp.CorrectlyRoundedExp.Exp<T, TFormat>(x);
}

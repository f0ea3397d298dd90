using System;
using System.Numerics;
using Latent.Golden.Model;
using Latent.Golden.Numerics;
using Latent.Ieee;
using Latent.Oracles.Mpfr;

namespace Latent.Golden.Tolerance;

/// <summary>
/// Turns an analysis (<see cref="RealBound"/>) into what the file records: the tolerance relative to the exact value, the
/// accepted range <c>[lo, hi]</c> and the NaN rule.
/// </summary>
internal static class Acceptance
{
    /// <summary>
    /// The accepted range is every format value within the analysis' bounds of the real result (rounded inward), widened
    /// to ±∞ where a faithful evaluation may overflow; the tolerance is the same bound measured from the file's exact
    /// value (so it adds the half ulp between the real result and the exact value's rounding).
    /// </summary>
    public static Band From<T, TFormat>(BoundMath math, RealBound bound, T specCr)
        where T : IBinaryFloatingPointIeee754<T>
        where TFormat : IBinaryFormat<T>
    {
        ArgumentNullException.ThrowIfNull(math);
        ArgumentNullException.ThrowIfNull(bound);
        if (bound.Nan == NanRule.Required)
        {
            return MustBeNaN<T, TFormat>();
        }

        T lo, hi;
        bool exactPoint = bound.Value.IsZeroPoint && BoundMath.IsZero(bound.Below) && BoundMath.IsZero(bound.Above);
        if (exactPoint)
        {
            // Every faithful evaluation is exact here (a zero noise on a zero mean): the sign of the zero is IEEE's.
            lo = hi = specCr;
        }
        else
        {
            MpfrNumber low = math.MinusDown(bound.Value.Lo, bound.Below);
            MpfrNumber high = math.Plus(bound.Value.Hi, bound.Above);
            lo = LowEnd<T, TFormat>(math, bound, low);
            hi = HighEnd<T, TFormat>(math, bound, high);
            if (bound.NonNegative && IsBelowPositiveZero(lo))
            {
                lo = T.Zero;
            }
        }

        MpfrNumber spread = BoundMath.Larger(bound.Below, bound.Above);
        MpfrNumber tolerance = math.Plus(spread, math.HalfUlp(math.Magnitude(bound.Value)));
        T toleranceValue = exactPoint ? T.Zero : DirectedRounding.Up<T, TFormat>(tolerance);
        var expectation = new Band(TFormat.ToBits(toleranceValue), TFormat.ToBits(lo), TFormat.ToBits(hi), bound.Nan);
        if (!Accepts<T, TFormat>(expectation, specCr))
        {
            throw new InvalidOperationException(
                $"The tolerance rejects the spec-cr result {IeeeText.FormatDecimal(specCr)} (accepted [{IeeeText.FormatDecimal(lo)}, {IeeeText.FormatDecimal(hi)}], NaN {bound.Nan}): the analysis is wrong.");
        }

        return expectation;
    }

    /// <summary>Inputs with an infinity or a NaN: the spec-cr result is the answer of every faithful port, bit for bit up to NaN payloads.</summary>
    public static Band Exactly<T, TFormat>(T specCr, bool nanAlsoAllowed = false)
        where T : IBinaryFloatingPointIeee754<T>
        where TFormat : IBinaryFormat<T>
    {
        if (T.IsNaN(specCr))
        {
            return MustBeNaN<T, TFormat>();
        }

        ulong bits = TFormat.ToBits(specCr);
        return new Band(TFormat.ToBits(T.Zero), bits, bits, nanAlsoAllowed ? NanRule.Allowed : NanRule.Forbidden);
    }

    /// <summary>Whether a port's result is accepted: the NaN rule, then <c>lo ≤ result ≤ hi</c> in the format's order with <c>−0 &lt; +0</c>.</summary>
    public static bool Accepts<T, TFormat>(Band expected, T result)
        where T : IBinaryFloatingPointIeee754<T>
        where TFormat : IBinaryFormat<T>
    {
        if (T.IsNaN(result))
        {
            return expected.Nan != NanRule.Forbidden;
        }

        if (expected.Nan == NanRule.Required)
        {
            return false;
        }

        long r = TotalOrder<T, TFormat>(result);
        return TotalOrder<T, TFormat>(TFormat.FromBits(expected.Lo)) <= r && r <= TotalOrder<T, TFormat>(TFormat.FromBits(expected.Hi));
    }

    /// <summary>A signed integer monotone in the value for every non-NaN value, with −0 just below +0.</summary>
    public static long TotalOrder<T, TFormat>(T value)
        where T : IBinaryFloatingPointIeee754<T>
        where TFormat : IBinaryFormat<T>
    {
        ulong bits = TFormat.ToBits(value);
        ulong signBit = 1UL << (TFormat.BitWidth - 1);
        long magnitude = (long)(bits & (signBit - 1));
        return (bits & signBit) != 0 ? -magnitude - 1 : magnitude;
    }

    /// <summary>The band of a result that must be NaN: every column NaN.</summary>
    public static Band MustBeNaN<T, TFormat>()
        where T : IBinaryFloatingPointIeee754<T>
        where TFormat : IBinaryFormat<T>
    {
        ulong nan = TFormat.ToBits(T.NaN);
        return new Band(nan, nan, nan, NanRule.Required);
    }

    private static T LowEnd<T, TFormat>(BoundMath math, RealBound bound, MpfrNumber low)
        where T : IBinaryFloatingPointIeee754<T>
        where TFormat : IBinaryFormat<T>
    {
        if (bound.MustBePositiveInfinity || BoundMath.Exceeds(low, math.Max))
        {
            return T.PositiveInfinity;
        }

        if (bound.MayBeNegativeInfinity || bound.MustBeNegativeInfinity || BoundMath.Exceeds(math.Zero, math.PlusDown(low, math.Max)))
        {
            return T.NegativeInfinity;
        }

        return DirectedRounding.Up<T, TFormat>(low);
    }

    private static T HighEnd<T, TFormat>(BoundMath math, RealBound bound, MpfrNumber high)
        where T : IBinaryFloatingPointIeee754<T>
        where TFormat : IBinaryFormat<T>
    {
        if (bound.MustBeNegativeInfinity || BoundMath.Exceeds(math.Zero, math.Plus(high, math.Max)))
        {
            return T.NegativeInfinity;
        }

        if (bound.MayBePositiveInfinity || bound.MustBePositiveInfinity || BoundMath.Exceeds(high, math.Max))
        {
            return T.PositiveInfinity;
        }

        return DirectedRounding.Down<T, TFormat>(high);
    }

    private static bool IsBelowPositiveZero<T>(T value)
        where T : IBinaryFloatingPointIeee754<T> =>
        T.IsNegative(value);
}

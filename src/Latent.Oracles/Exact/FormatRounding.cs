using System.Numerics;
using Latent.Ieee;
using Latent.Oracles.Mpfr;

namespace Latent.Oracles.Exact;

/// <summary>
/// Rounds an MPFR number to nearest (ties to even) in a binary format, with gradual underflow and overflow to ±∞.
/// </summary>
/// <remarks>
/// CORE-MATH emulates a format by narrowing MPFR's exponent range (<c>mpfr_set_emin/emax</c>) and calling
/// <c>mpfr_subnormalize</c>; that range is global state shared by every thread. This does the same thing locally: values
/// in the normal range are rounded to the format's precision, values below the smallest normal are rounded to an integer
/// multiple of the subnormal quantum <c>2^(1 − MaxExponent − (Precision − 1))</c>.
/// </remarks>
internal static class FormatRounding
{
    public static T Round<T, TFormat>(MpfrNumber value)
        where T : IBinaryFloatingPointIeee754<T>
        where TFormat : IBinaryFormat<T>
    {
        if (value.IsNaN)
        {
            return T.NaN;
        }

        if (value.IsInfinity)
        {
            return value.IsNegative ? T.NegativeInfinity : T.PositiveInfinity;
        }

        if (value.IsZero)
        {
            return value.IsNegative ? T.NegativeZero : T.Zero;
        }

        int precision = TFormat.Precision;
        int smallestNormalExponent = 1 - TFormat.MaxExponent;

        // value = m · 2^e with 0.5 ≤ |m| < 1, so |value| ≥ 2^smallestNormalExponent exactly when e − 1 ≥ smallestNormalExponent.
        if (value.Exponent - 1 >= smallestNormalExponent)
        {
            MpfrNumber rounded = Scratch.Current.Rounded(precision);
            MpfrNative.Set(rounded, value, MpfrRound.Nearest);

            // Rounding MPFR's own largest number up overflows MPFR itself to ∞.
            if (rounded.IsInfinity || rounded.Exponent - 1 > TFormat.MaxExponent)
            {
                return value.IsNegative ? T.NegativeInfinity : T.PositiveInfinity;
            }

            return T.CreateTruncating(MpfrNative.GetDouble(rounded, MpfrRound.Nearest));
        }

        long quantumExponent = smallestNormalExponent - (precision - 1);
        using var scaled = new MpfrNumber(System.Math.Max(value.Precision, 64));
        MpfrNative.MulPow2(scaled, value, (nint)(-quantumExponent), MpfrRound.Nearest);
        using var integer = new MpfrNumber(precision + 2);
        MpfrNative.Rint(integer, scaled, MpfrRound.Nearest);
        MpfrNative.MulPow2(integer, integer, (nint)quantumExponent, MpfrRound.Nearest);
        return T.CreateTruncating(MpfrNative.GetDouble(integer, MpfrRound.Nearest));
    }

    /// <summary>
    /// Whether <paramref name="value"/> is a rounding boundary of the format: a value of the format itself or the midpoint of two
    /// neighbours (the point where rounding to nearest changes its answer), the overflow threshold and zero included. In the
    /// normal range that is a number of <c>Precision + 1</c> significant bits; below it, an integer multiple of half the
    /// subnormal quantum.
    /// </summary>
    public static bool IsBoundary<T, TFormat>(MpfrNumber value)
        where T : IBinaryFloatingPointIeee754<T>
        where TFormat : IBinaryFormat<T>
    {
        if (value.IsNaN || value.IsInfinity)
        {
            return false;
        }

        if (value.IsZero)
        {
            return true;
        }

        int smallestNormalExponent = 1 - TFormat.MaxExponent;
        if (value.Exponent - 1 >= smallestNormalExponent)
        {
            using var halfSteps = new MpfrNumber(TFormat.Precision + 1);
            return MpfrNative.Set(halfSteps, value, MpfrRound.Nearest) == 0;
        }

        long halfQuantumExponent = smallestNormalExponent - (TFormat.Precision - 1) - 1;
        long precision = System.Math.Max(value.Precision, 64);
        using var scaled = new MpfrNumber(precision);
        MpfrNative.MulPow2(scaled, value, (nint)(-halfQuantumExponent), MpfrRound.Nearest); // exact: a power of two
        using var integer = new MpfrNumber(precision);
        return MpfrNative.Rint(integer, scaled, MpfrRound.Nearest) == 0;
    }

    /// <summary>An MPFR number of at least 64 bits holding <paramref name="value"/> exactly.</summary>
    public static MpfrNumber Exactly<T>(T value, long precision = 64)
        where T : IBinaryFloatingPointIeee754<T> =>
        new(System.Math.Max(precision, 64), double.CreateTruncating(value));
}

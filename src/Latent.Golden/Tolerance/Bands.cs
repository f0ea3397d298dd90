using System.Collections.Generic;
using System.Numerics;
using Latent.Golden.Model;
using Latent.Ieee;
using Latent.Oracles.Mpfr;

namespace Latent.Golden.Tolerance;

/// <summary>Operations on accepted bands: hulls, bands of a finite set of outcomes, the gpu flush, measured tolerances.</summary>
internal static class Bands
{
    /// <summary>
    /// The smallest band accepting every result either band accepts: NaN is required only if both require it; the range is
    /// the hull of the ranges of the bands that admit numbers.
    /// </summary>
    public static Band Hull<T, TFormat>(Band a, Band b)
        where T : IBinaryFloatingPointIeee754<T>
        where TFormat : IBinaryFormat<T>
    {
        if (a.Nan == NanRule.Required)
        {
            return b.Nan == NanRule.Required ? a : b with { Nan = NanRule.Allowed };
        }

        if (b.Nan == NanRule.Required)
        {
            return a with { Nan = NanRule.Allowed };
        }

        ulong lo = Acceptance.TotalOrder<T, TFormat>(TFormat.FromBits(a.Lo)) <= Acceptance.TotalOrder<T, TFormat>(TFormat.FromBits(b.Lo)) ? a.Lo : b.Lo;
        ulong hi = Acceptance.TotalOrder<T, TFormat>(TFormat.FromBits(a.Hi)) >= Acceptance.TotalOrder<T, TFormat>(TFormat.FromBits(b.Hi)) ? a.Hi : b.Hi;
        NanRule nan = a.Nan == NanRule.Allowed || b.Nan == NanRule.Allowed ? NanRule.Allowed : NanRule.Forbidden;
        return new Band(a.Tolerance, lo, hi, nan);
    }

    /// <summary>The band of a finite set of possible results: their hull, NaN required if all are NaN, allowed if some are.</summary>
    public static Band Of<T, TFormat>(IEnumerable<T> outcomes)
        where T : IBinaryFloatingPointIeee754<T>
        where TFormat : IBinaryFormat<T>
    {
        Band? band = null;
        foreach (T value in outcomes)
        {
            Band point = T.IsNaN(value) ? Acceptance.MustBeNaN<T, TFormat>() : Acceptance.Exactly<T, TFormat>(value);
            band = band is { } b ? Hull<T, TFormat>(b, point) : point;
        }

        return band ?? throw new System.ArgumentException("A band needs at least one outcome.", nameof(outcomes));
    }

    /// <summary>
    /// Widens a band for a port that may flush a subnormal result to zero: a subnormal end pulls the range to the zero of
    /// its sign (every value between is then accepted, a looseness of at most the smallest normal).
    /// </summary>
    public static Band WithFlushedEnds<T, TFormat>(Band band)
        where T : IBinaryFloatingPointIeee754<T>
        where TFormat : IBinaryFormat<T>
    {
        if (band.Nan == NanRule.Required)
        {
            return band;
        }

        T lo = TFormat.FromBits(band.Lo), hi = TFormat.FromBits(band.Hi);
        if (T.IsSubnormal(lo) && T.IsNegative(lo))
        {
            band = Hull<T, TFormat>(band, Acceptance.Exactly<T, TFormat>(T.NegativeZero));
        }

        if (T.IsSubnormal(hi) && !T.IsNegative(hi))
        {
            band = Hull<T, TFormat>(band, Acceptance.Exactly<T, TFormat>(T.Zero));
        }

        if (T.IsSubnormal(lo) && !T.IsNegative(lo))
        {
            band = Hull<T, TFormat>(band, Acceptance.Exactly<T, TFormat>(T.Zero));
        }

        if (T.IsSubnormal(hi) && T.IsNegative(hi))
        {
            band = Hull<T, TFormat>(band, Acceptance.Exactly<T, TFormat>(T.NegativeZero));
        }

        return band;
    }

    /// <summary>Widens the range by <paramref name="amount"/> on both sides (rounded outward), for an absolute perturbation.</summary>
    public static Band Widened<T, TFormat>(Band band, T amount)
        where T : IBinaryFloatingPointIeee754<T>
        where TFormat : IBinaryFormat<T>
    {
        if (band.Nan == NanRule.Required)
        {
            return band;
        }

        T lo = TFormat.FromBits(band.Lo), hi = TFormat.FromBits(band.Hi);
        return band with { Lo = TFormat.ToBits(Shift<T, TFormat>(lo, amount, down: true)), Hi = TFormat.ToBits(Shift<T, TFormat>(hi, amount, down: false)) };
    }

    /// <summary>
    /// The band with its tolerance measured from its ends: <c>max(exact − lo, hi − exact)</c> rounded up (+0 for a point at
    /// <paramref name="exact"/>, +∞ when an end is infinite and <paramref name="exact"/> is not, NaN when NaN is required).
    /// </summary>
    public static Band WithMeasuredTolerance<T, TFormat>(Band band, T exact)
        where T : IBinaryFloatingPointIeee754<T>
        where TFormat : IBinaryFormat<T>
    {
        if (band.Nan == NanRule.Required)
        {
            return band with { Tolerance = TFormat.ToBits(T.NaN) };
        }

        T lo = TFormat.FromBits(band.Lo), hi = TFormat.FromBits(band.Hi);
        if (!T.IsFinite(exact) || !T.IsFinite(lo) || !T.IsFinite(hi))
        {
            bool point = TFormat.ToBits(lo) == TFormat.ToBits(exact) && TFormat.ToBits(hi) == TFormat.ToBits(exact);
            return band with { Tolerance = TFormat.ToBits(point ? T.Zero : T.PositiveInfinity) };
        }

        // 2200 bits hold any difference of binary64 values exactly.
        using var below = new MpfrNumber(2200, double.CreateTruncating(exact));
        using var above = new MpfrNumber(2200, double.CreateTruncating(hi));
        using var l = new MpfrNumber(64, double.CreateTruncating(lo));
        using var x = new MpfrNumber(64, double.CreateTruncating(exact));
        MpfrNative.Sub(below, below, l, MpfrRound.Nearest);
        MpfrNative.Sub(above, above, x, MpfrRound.Nearest);
        MpfrNumber larger = MpfrNative.Compare(below, above) >= 0 ? below : above;
        T tolerance = MpfrNative.Sign(larger) <= 0 ? T.Zero : DirectedRounding.Up<T, TFormat>(larger);
        return band with { Tolerance = TFormat.ToBits(tolerance) };
    }

    private static T Shift<T, TFormat>(T value, T amount, bool down)
        where T : IBinaryFloatingPointIeee754<T>
        where TFormat : IBinaryFormat<T>
    {
        if (!T.IsFinite(value))
        {
            return value;
        }

        using var v = new MpfrNumber(2200, double.CreateTruncating(value));
        using var a = new MpfrNumber(64, double.CreateTruncating(amount));
        if (down)
        {
            MpfrNative.Sub(v, v, a, MpfrRound.Down);
            return DirectedRounding.Down<T, TFormat>(v);
        }

        MpfrNative.Add(v, v, a, MpfrRound.Up);
        return DirectedRounding.Up<T, TFormat>(v);
    }
}

using System.Numerics;
using Latent.Ieee;
using Latent.Oracles.Exact;
using Latent.Oracles.Mpfr;

namespace Latent.Golden.Tolerance;

/// <summary>
/// Rounds an MPFR value into a binary format upward or downward, subnormals and overflow included, by correcting the
/// correctly rounded nearest value by at most one step (it is within one ulp of both directed roundings).
/// </summary>
internal static class DirectedRounding
{
    /// <summary>The smallest format value (−∞ … +∞, <c>−0 &lt; +0</c>) that is at least <paramref name="value"/>.</summary>
    public static T Up<T, TFormat>(MpfrNumber value)
        where T : IBinaryFloatingPointIeee754<T>
        where TFormat : IBinaryFormat<T>
    {
        T nearest = FormatRounding.Round<T, TFormat>(value);
        return Compare(nearest, value) < 0 ? T.BitIncrement(nearest) : nearest;
    }

    /// <summary>The largest format value that is at most <paramref name="value"/>.</summary>
    public static T Down<T, TFormat>(MpfrNumber value)
        where T : IBinaryFloatingPointIeee754<T>
        where TFormat : IBinaryFormat<T>
    {
        T nearest = FormatRounding.Round<T, TFormat>(value);
        return Compare(nearest, value) > 0 ? T.BitDecrement(nearest) : nearest;
    }

    private static int Compare<T>(T formatValue, MpfrNumber value)
        where T : IBinaryFloatingPointIeee754<T>
    {
        using var exact = new MpfrNumber(64, double.CreateTruncating(formatValue));
        return MpfrNative.Compare(exact, value);
    }
}

using System;
using System.Numerics;
using Latent.Ieee;
using Latent.Oracles.Mpfr;

namespace Latent.Oracles.Exact;

/// <summary>Fills <paramref name="lower"/> and <paramref name="upper"/> (both of <paramref name="precision"/> bits) with bounds of a real value.</summary>
internal delegate void Enclose(long precision, MpfrNumber lower, MpfrNumber upper);

/// <summary>
/// Ziv's strategy with rigorous enclosures: evaluate lower and upper bounds of the real value with MPFR's directed
/// rounding, and raise the precision until both bounds round to the same value in the target format. Rounding is
/// monotone, so every real between the bounds, the true value included, rounds to that value too.
/// </summary>
/// <remarks>
/// The loop ends only if the value is not itself a rounding boundary (a representable value or a tie). Callers route
/// the cases where it can be one (rational results, such as <c>exp(0) = 1</c>) to exact rational paths; every value that
/// reaches this loop involves <c>exp</c> of a nonzero rational, which is transcendental (Lindemann–Weierstrass).
/// </remarks>
internal static class Ziv
{
    /// <summary>Beyond this many bits a non-converging loop means a missing rational path: a bug, reported loudly.</summary>
    public const long MaxPrecision = 1 << 17;

    public static T Decide<T, TFormat>(long startPrecision, Enclose enclose)
        where T : IBinaryFloatingPointIeee754<T>
        where TFormat : IBinaryFormat<T>
    {
        for (long precision = Math.Max(startPrecision, TFormat.Precision + 8); precision <= MaxPrecision; precision *= 2)
        {
            using var lower = new MpfrNumber(precision);
            using var upper = new MpfrNumber(precision);
            enclose(precision, lower, upper);
            T a = FormatRounding.Round<T, TFormat>(lower);
            T b = FormatRounding.Round<T, TFormat>(upper);
            if (TFormat.ToBits(a) == TFormat.ToBits(b) || (T.IsNaN(a) && T.IsNaN(b)))
            {
                return a;
            }
        }

        throw new InvalidOperationException($"The enclosure did not settle the {TFormat.Name} rounding by {MaxPrecision} bits.");
    }
}

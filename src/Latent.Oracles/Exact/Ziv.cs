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
/// <para>The loop ends only if the value is not itself a rounding boundary (a representable value or a tie). Callers route
/// the cases where it can be one (rational results, such as <c>exp(0) = 1</c>) to exact rational paths; every value that
/// reaches this loop involves <c>exp</c> of a nonzero rational, which is transcendental (Lindemann–Weierstrass).</para>
/// <para>Such a value can still lie closer to a boundary than any affordable precision resolves: the KL of
/// <c>mu = 0, logvar = −31600886</c> in binary32 is the midpoint <c>15800442.5</c> plus <c>e^−31600886 / 2 ≈ 2^−45600000</c>. When
/// one end of a narrow enclosure is exactly a boundary, the same premise settles it: the value is not that boundary, so it
/// lies strictly inside the enclosure, on the side of the other end, and rounds as that end does.</para>
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

            // One end exactly on a boundary, and no other boundary within reach: the value is strictly on the other side.
            if (IsNarrow<T, TFormat>(lower, upper, precision))
            {
                if (FormatRounding.IsBoundary<T, TFormat>(lower))
                {
                    return b;
                }

                if (FormatRounding.IsBoundary<T, TFormat>(upper))
                {
                    return a;
                }
            }

            // Both bounds round to a zero but with different signs. The value here is never exactly zero, so a bound
            // that is itself a zero (MPFR's round-down gives −0 for an underflowing positive sum) fixes the sign.
            if (T.IsZero(a) && T.IsZero(b))
            {
                if (lower.IsZero || !lower.IsNegative)
                {
                    return T.Zero;
                }

                if (upper.IsZero || upper.IsNegative)
                {
                    return T.NegativeZero;
                }
            }
        }

        throw new InvalidOperationException($"The enclosure did not settle the {TFormat.Name} rounding by {MaxPrecision} bits.");
    }

    /// <summary>
    /// Whether the enclosure is narrower than a quarter of the spacing of the format's rounding boundaries around it, so that
    /// it holds at most one boundary. Boundaries are half an ulp apart: <c>2^(e − Precision − 1)</c> for values <c>m · 2^e</c>
    /// (<c>0.5 ≤ |m| &lt; 1</c>) in the normal range, half the subnormal quantum below it; the smaller end sets the spacing.
    /// </summary>
    private static bool IsNarrow<T, TFormat>(MpfrNumber lower, MpfrNumber upper, long precision)
        where T : IBinaryFloatingPointIeee754<T>
        where TFormat : IBinaryFormat<T>
    {
        using var width = new MpfrNumber(precision);
        MpfrNative.Sub(width, upper, lower, MpfrRound.Up);
        if (width.IsZero)
        {
            return true;
        }

        if (width.IsNaN || width.IsInfinity || lower.IsNaN || upper.IsNaN || lower.IsInfinity || upper.IsInfinity)
        {
            return false;
        }

        // The smallest normal, 2^(1 − MaxExponent), is 0.5 · 2^(2 − MaxExponent): exponent 2 − MaxExponent.
        long exponent = 2 - TFormat.MaxExponent;
        if (!lower.IsZero && !upper.IsZero)
        {
            exponent = Math.Max(exponent, Math.Min(lower.Exponent, upper.Exponent));
        }

        long spacingExponent = exponent - TFormat.Precision - 1;
        return width.Exponent <= spacingExponent - 2;
    }
}

using System;
using System.Numerics;
using Latent.Ieee;
using Latent.Oracles.Mpfr;

namespace Latent.Oracles.Exact;

/// <summary>
/// Exact derivatives of the definitions, each element the real value rounded once into the format (MPFR, Ziv's strategy
/// over directed-rounding enclosures, as <see cref="ExactOracle"/>): the full gradient of the mean KL with respect to
/// <c>mu</c> and <c>logvar</c>, and the vector-Jacobian product of <c>reparameterizeDiag</c> for a cotangent.
/// </summary>
/// <remarks>
/// <para>With <c>n</c> the element count: <c>∂KL/∂mu_i = mu_i / n</c> and <c>∂KL/∂logvar_i = (e^{logvar_i} − 1) / (2n)</c>;
/// for <c>z = mu + e^{logvar/2} · eps</c> and a cotangent <c>g</c>: <c>∂/∂mu = g</c>, <c>∂/∂logvar = g · eps · e^{logvar/2} / 2</c>,
/// <c>∂/∂eps = g · e^{logvar/2}</c>.</para>
/// <para>Rational values (a zero exponent, a zero factor) take exact paths, since Ziv's loop ends only on values that are not
/// rounding boundaries; every other value is a nonzero rational times <c>e^r</c> for a nonzero rational <c>r</c>, which is
/// transcendental. Infinite inputs give the limit of the real expression (NaN where it has none, as <c>∞ · 0</c>).</para>
/// </remarks>
public static class ExactDerivatives
{
    /// <summary>The gradient of <c>diagonalGaussianKlToStandard</c> (the mean over the shape, <c>n ≥ 1</c>).</summary>
    /// <exception cref="ArgumentException">The spans differ in length, or a destination is too short.</exception>
    public static void KlGradient<T, TFormat>(ReadOnlySpan<T> mu, ReadOnlySpan<T> logvar, Span<T> dMu, Span<T> dLogvar)
        where T : IBinaryFloatingPointIeee754<T>
        where TFormat : IBinaryFormat<T>
    {
        int n = mu.Length;
        Require(logvar.Length == n, nameof(logvar), "has another length than mu");
        Require(dMu.Length >= n, nameof(dMu), "is shorter than mu");
        Require(dLogvar.Length >= n, nameof(dLogvar), "is shorter than mu");
        T count = T.CreateChecked(n);
        for (int i = 0; i < n; i++)
        {
            // mu / n is one correctly rounded IEEE division of the real quotient.
            dMu[i] = mu[i] / count;
            dLogvar[i] = HalfExpm1Over<T, TFormat>(logvar[i], n);
        }
    }

    /// <summary>The vector-Jacobian product of <c>reparameterizeDiag</c> for the cotangent <paramref name="g"/>.</summary>
    /// <exception cref="ArgumentException">The spans differ in length, or a destination is too short.</exception>
    public static void ReparameterizeVjp<T, TFormat>(
        ReadOnlySpan<T> logvar, ReadOnlySpan<T> eps, ReadOnlySpan<T> g, Span<T> dMu, Span<T> dLogvar, Span<T> dEps)
        where T : IBinaryFloatingPointIeee754<T>
        where TFormat : IBinaryFormat<T>
    {
        int n = logvar.Length;
        Require(eps.Length == n, nameof(eps), "has another length than logvar");
        Require(g.Length == n, nameof(g), "has another length than logvar");
        Require(dMu.Length >= n && dLogvar.Length >= n && dEps.Length >= n, nameof(dMu), "or another destination is too short");
        for (int i = 0; i < n; i++)
        {
            dMu[i] = g[i];
            dEps[i] = ScaledByHalfExp<T, TFormat>(g[i], T.One, logvar[i], halve: false);
            dLogvar[i] = ScaledByHalfExp<T, TFormat>(g[i], eps[i], logvar[i], halve: true);
        }
    }

    /// <summary>
    /// The Jacobian-vector product of <c>diagonalGaussianKlToStandard</c> (the mean, <c>n ≥ 1</c>) in the direction
    /// <c>(tMu, tLogvar)</c>: <c>Σᵢ (mu_i · tMu_i + (e^{logvar_i} − 1) · tLogvar_i / 2) / n</c>, rounded once. Finite inputs.
    /// </summary>
    /// <exception cref="ArgumentException">The spans differ in length, are empty, or hold a value that is not finite.</exception>
    public static T KlJvp<T, TFormat>(ReadOnlySpan<T> mu, ReadOnlySpan<T> logvar, ReadOnlySpan<T> tMu, ReadOnlySpan<T> tLogvar)
        where T : IBinaryFloatingPointIeee754<T>
        where TFormat : IBinaryFormat<T>
    {
        int n = mu.Length;
        Require(n > 0, nameof(mu), "is empty (the mean of an empty shape has no derivative here)");
        Require(logvar.Length == n && tMu.Length == n && tLogvar.Length == n, nameof(logvar), "or a tangent has another length than mu");
        var values = new double[4 * n];
        for (int i = 0; i < n; i++)
        {
            values[i] = Finite(mu[i], nameof(mu));
            values[n + i] = Finite(logvar[i], nameof(logvar));
            values[(2 * n) + i] = Finite(tMu[i], nameof(tMu));
            values[(3 * n) + i] = Finite(tLogvar[i], nameof(tLogvar));
        }

        // Σ mu·tMu is exact at 2·1100 + log2(n) bits; every e^l − 1 with l ≠ 0 is transcendental, so with one such term
        // (and a nonzero tangent) Ziv's loop ends; without, the sum is rational and an exact precision settles it.
        return Ziv.Decide<T, TFormat>(4 * TFormat.Precision, (precision, lower, upper) =>
        {
            long wide = Math.Max(precision, 2300 + 64);
            using var lo = new MpfrNumber(wide);
            using var hi = new MpfrNumber(wide);
            using var term = new MpfrNumber(wide);
            using var a = new MpfrNumber(wide);
            using var b = new MpfrNumber(wide);
            using var e = new MpfrNumber(precision);
            MpfrNative.SetDouble(lo, 0, MpfrRound.Nearest);
            MpfrNative.SetDouble(hi, 0, MpfrRound.Nearest);
            for (int i = 0; i < n; i++)
            {
                MpfrNative.SetDouble(a, values[i], MpfrRound.Nearest);
                MpfrNative.SetDouble(b, values[(2 * n) + i], MpfrRound.Nearest);
                MpfrNative.Mul(term, a, b, MpfrRound.Nearest); // exact: 2300 bits hold the product of two binary64 values
                MpfrNative.Add(lo, lo, term, MpfrRound.Down);
                MpfrNative.Add(hi, hi, term, MpfrRound.Up);
                double tl = values[(3 * n) + i], l = values[n + i];
                if (tl == 0 || l == 0)
                {
                    continue;
                }

                MpfrNative.SetDouble(b, l, MpfrRound.Nearest);
                bool positive = tl > 0;
                MpfrNative.SetDouble(a, tl, MpfrRound.Nearest);
                MpfrNative.MulPow2(a, a, -1, MpfrRound.Nearest); // exact in MPFR's exponent range, unlike tl * 0.5 in binary64
                MpfrNative.Expm1(e, b, positive ? MpfrRound.Down : MpfrRound.Up);
                MpfrNative.Mul(term, e, a, MpfrRound.Down);
                MpfrNative.Add(lo, lo, term, MpfrRound.Down);
                MpfrNative.Expm1(e, b, positive ? MpfrRound.Up : MpfrRound.Down);
                MpfrNative.Mul(term, e, a, MpfrRound.Up);
                MpfrNative.Add(hi, hi, term, MpfrRound.Up);
            }

            MpfrNative.DivUInt(lower, lo, (nuint)n, MpfrRound.Down);
            MpfrNative.DivUInt(upper, hi, (nuint)n, MpfrRound.Up);
        });
    }

    /// <summary>
    /// The Jacobian-vector product of <c>reparameterizeDiag</c> in the direction <c>(tMu, tLogvar, tEps)</c>, per element
    /// <c>tMu + e^{logvar/2} · (tEps + eps · tLogvar / 2)</c>, rounded once. Finite inputs.
    /// </summary>
    /// <exception cref="ArgumentException">The spans differ in length, a destination is too short, or a value is not finite.</exception>
    public static void ReparameterizeJvp<T, TFormat>(
        ReadOnlySpan<T> logvar, ReadOnlySpan<T> eps, ReadOnlySpan<T> tMu, ReadOnlySpan<T> tLogvar, ReadOnlySpan<T> tEps, Span<T> destination)
        where T : IBinaryFloatingPointIeee754<T>
        where TFormat : IBinaryFormat<T>
    {
        int n = logvar.Length;
        Require(eps.Length == n && tMu.Length == n && tLogvar.Length == n && tEps.Length == n, nameof(eps), "or a tangent has another length than logvar");
        Require(destination.Length >= n, nameof(destination), "is shorter than logvar");
        for (int i = 0; i < n; i++)
        {
            double l = Finite(logvar[i], nameof(logvar)), e = Finite(eps[i], nameof(eps));
            double dm = Finite(tMu[i], nameof(tMu)), dl = Finite(tLogvar[i], nameof(tLogvar)), de = Finite(tEps[i], nameof(tEps));
            destination[i] = Ziv.Decide<T, TFormat>(4 * TFormat.Precision, (precision, lower, upper) =>
            {
                long wide = Math.Max(precision, 2300 + 64);
                using var c = new MpfrNumber(wide);
                using var t = new MpfrNumber(wide);
                using var s = new MpfrNumber(precision);
                using var h = new MpfrNumber(wide);

                // c = tEps + eps · tLogvar / 2, exact at 2300 bits.
                MpfrNative.SetDouble(c, e, MpfrRound.Nearest);
                MpfrNative.SetDouble(t, dl, MpfrRound.Nearest);
                MpfrNative.Mul(c, c, t, MpfrRound.Nearest);
                MpfrNative.MulPow2(c, c, -1, MpfrRound.Nearest);
                MpfrNative.SetDouble(t, de, MpfrRound.Nearest);
                MpfrNative.Add(c, c, t, MpfrRound.Nearest);
                MpfrNative.SetDouble(h, l, MpfrRound.Nearest);
                MpfrNative.MulPow2(h, h, -1, MpfrRound.Nearest);
                bool positive = MpfrNative.Sign(c) >= 0;
                MpfrNative.SetDouble(t, dm, MpfrRound.Nearest);

                // tMu + s · c is increasing in s for c ≥ 0 and decreasing for c < 0; s = e^{l/2} is 1 exactly at l = 0.
                MpfrNative.Exp(s, h, positive ? MpfrRound.Down : MpfrRound.Up);
                MpfrNative.Mul(lower, s, c, MpfrRound.Down);
                MpfrNative.Add(lower, lower, t, MpfrRound.Down);
                MpfrNative.Exp(s, h, positive ? MpfrRound.Up : MpfrRound.Down);
                MpfrNative.Mul(upper, s, c, MpfrRound.Up);
                MpfrNative.Add(upper, upper, t, MpfrRound.Up);
            });
        }
    }

    private static double Finite<T>(T value, string parameter)
        where T : IBinaryFloatingPointIeee754<T>
    {
        Require(T.IsFinite(value), parameter, "holds a value that is not finite (the exact JVPs take finite inputs)");
        return double.CreateTruncating(value);
    }

    /// <summary><c>(e^l − 1) / (2n)</c> rounded once.</summary>
    private static T HalfExpm1Over<T, TFormat>(T l, int n)
        where T : IBinaryFloatingPointIeee754<T>
        where TFormat : IBinaryFormat<T>
    {
        T twiceN = T.CreateChecked(2 * n);
        if (T.IsNaN(l))
        {
            return T.NaN;
        }

        if (T.IsInfinity(l))
        {
            // e^{+∞} − 1 = +∞; e^{−∞} − 1 = −1, and −1 / (2n) is one IEEE division.
            return T.IsNegative(l) ? T.NegativeOne / twiceN : T.PositiveInfinity;
        }

        if (T.IsZero(l))
        {
            return T.Zero;
        }

        using MpfrNumber exponent = FormatRounding.Exactly(l);
        return Ziv.Decide<T, TFormat>(TFormat.Precision + 24, (_, lower, upper) =>
        {
            MpfrNative.Expm1(lower, exponent, MpfrRound.Down);
            MpfrNative.Expm1(upper, exponent, MpfrRound.Up);
            MpfrNative.DivUInt(lower, lower, (nuint)(2 * n), MpfrRound.Down);
            MpfrNative.DivUInt(upper, upper, (nuint)(2 * n), MpfrRound.Up);
        });
    }

    /// <summary><c>a · b · e^{l/2}</c>, halved when <paramref name="halve"/>, rounded once.</summary>
    private static T ScaledByHalfExp<T, TFormat>(T a, T b, T l, bool halve)
        where T : IBinaryFloatingPointIeee754<T>
        where TFormat : IBinaryFormat<T>
    {
        T half = T.One / (T.One + T.One);
        if (T.IsNaN(a) || T.IsNaN(b) || T.IsNaN(l))
        {
            return T.NaN;
        }

        if (!T.IsFinite(a) || !T.IsFinite(b) || !T.IsFinite(l))
        {
            // The real scale e^{l/2} is +0 only at −∞, +∞ only at +∞, and a positive finite number otherwise (so 1 stands in).
            T scale = T.IsInfinity(l) ? (T.IsNegative(l) ? T.Zero : T.PositiveInfinity) : T.One;
            T product = a * b * scale;
            return halve ? product * half : product;
        }

        if (T.IsZero(a) || T.IsZero(b))
        {
            // An exact zero, signed as IEEE signs the product of the factors (the scale is positive).
            T zero = a * b;
            return halve ? zero * half : zero;
        }

        // a · b exactly (2p bits hold the product of two p-bit significands), halved exactly.
        using MpfrNumber ab = FormatRounding.Exactly(a, 2 * TFormat.Precision + 2);
        using MpfrNumber bb = FormatRounding.Exactly(b, 2 * TFormat.Precision + 2);
        MpfrNative.Mul(ab, ab, bb, MpfrRound.Nearest);
        if (halve)
        {
            MpfrNative.MulPow2(ab, ab, -1, MpfrRound.Nearest);
        }

        if (T.IsZero(l))
        {
            return FormatRounding.Round<T, TFormat>(ab);
        }

        using MpfrNumber halfL = FormatRounding.Exactly(l);
        MpfrNative.MulPow2(halfL, halfL, -1, MpfrRound.Nearest);
        bool negative = MpfrNative.SignBit(ab) != 0;
        return Ziv.Decide<T, TFormat>(TFormat.Precision + 24, (precision, lower, upper) =>
        {
            using var sLow = new MpfrNumber(precision);
            using var sHigh = new MpfrNumber(precision);
            MpfrNative.Exp(sLow, halfL, MpfrRound.Down);
            MpfrNative.Exp(sHigh, halfL, MpfrRound.Up);

            // ab · s is increasing in s for ab > 0 and decreasing for ab < 0.
            MpfrNative.Mul(lower, negative ? sHigh : sLow, ab, MpfrRound.Down);
            MpfrNative.Mul(upper, negative ? sLow : sHigh, ab, MpfrRound.Up);
        });
    }

    private static void Require(bool condition, string parameter, string what)
    {
        if (!condition)
        {
            throw new ArgumentException($"{parameter} {what}.", parameter);
        }
    }
}

using System;
using System.Numerics;
using Latent.Ieee;
using Latent.Oracles.Mpfr;

namespace Latent.Oracles.Exact;

/// <summary>
/// The <b>exact</b> semantics of each definition: the real-valued result of the mathematical formula at the given
/// (exactly representable) inputs, rounded once to nearest in the target format, subnormals included.
/// </summary>
/// <remarks>
/// <para>Finite inputs give the correctly rounded real value. Non-finite inputs give the limit of the real function
/// where it exists (for the KL every coordinate term is nonnegative, so any infinite input gives +∞, including
/// <c>logvar = +∞</c> where the spec order gives NaN), NaN where it does not (<c>0 · ∞</c>, <c>∞ − ∞</c>), and NaN for
/// NaN inputs. A result that is exactly zero takes the sign IEEE 754 gives the same exact operation.</para>
/// <para>Values involving <c>exp</c> of a nonzero number are transcendental, never a rounding boundary, and are settled
/// by <see cref="Ziv"/> enclosures; rational results (<c>logvar = 0</c>, <c>eps = 0</c>) take exact paths.</para>
/// </remarks>
public static class ExactOracle
{
    /// <summary>Correctly rounded <c>exp(x)</c>.</summary>
    public static T Exp<T, TFormat>(T x)
        where T : IBinaryFloatingPointIeee754<T>
        where TFormat : IBinaryFormat<T>
    {
        if (T.IsNaN(x))
        {
            return T.NaN;
        }

        if (T.IsInfinity(x))
        {
            return T.IsNegative(x) ? T.Zero : T.PositiveInfinity;
        }

        if (T.IsZero(x))
        {
            return T.One;
        }

        // First attempt on per-thread numbers, with one evaluation: a round-to-nearest result is within half an ulp of
        // exp(x), so its two neighbours at the working precision enclose exp(x).
        Scratch scratch = Scratch.Current;
        MpfrNative.SetDouble(scratch.Input, double.CreateTruncating(x), MpfrRound.Nearest);
        MpfrNative.Exp(scratch.Lower, scratch.Input, MpfrRound.Nearest);
        MpfrNative.Set(scratch.Upper, scratch.Lower, MpfrRound.Nearest);
        MpfrNative.NextBelow(scratch.Lower);
        MpfrNative.NextAbove(scratch.Upper);
        T low = FormatRounding.Round<T, TFormat>(scratch.Lower);
        T high = FormatRounding.Round<T, TFormat>(scratch.Upper);
        if (TFormat.ToBits(low) == TFormat.ToBits(high))
        {
            return low;
        }

        using MpfrNumber input = FormatRounding.Exactly(x);
        return Ziv.Decide<T, TFormat>(2 * Scratch.FirstAttemptPrecision, (_, lower, upper) =>
        {
            MpfrNative.Exp(lower, input, MpfrRound.Down);
            MpfrNative.Exp(upper, input, MpfrRound.Up);
        });
    }

    /// <summary>Exact <c>expTensor</c>: the correctly rounded <c>exp</c> of each element.</summary>
    public static void ExpTensor<T, TFormat>(ReadOnlySpan<T> x, Span<T> destination)
        where T : IBinaryFloatingPointIeee754<T>
        where TFormat : IBinaryFormat<T>
    {
        RequireDestination(x.Length, destination);
        for (int i = 0; i < x.Length; i++)
        {
            destination[i] = FastExp.CorrectlyRoundedExp.Exp<T, TFormat>(x[i]); // the same rounding, MPFR only on hard cases
        }
    }

    /// <summary>Exact <c>halfTensor</c>: <c>x / 2</c> rounded once, which is what the IEEE product <c>x * 0.5</c> already is.</summary>
    public static void HalfTensor<T>(ReadOnlySpan<T> x, Span<T> destination)
        where T : IBinaryFloatingPointIeee754<T>
    {
        RequireDestination(x.Length, destination);
        T half = T.One / (T.One + T.One);
        for (int i = 0; i < x.Length; i++)
        {
            destination[i] = x[i] * half;
        }
    }

    /// <summary>Exact <c>reparameterizeDiag</c>: <c>mu + exp(logvar / 2) · eps</c> rounded once per element.</summary>
    public static void ReparameterizeDiag<T, TFormat>(ReadOnlySpan<T> mu, ReadOnlySpan<T> logvar, ReadOnlySpan<T> eps, Span<T> destination)
        where T : IBinaryFloatingPointIeee754<T>
        where TFormat : IBinaryFormat<T>
    {
        RequireSameLength(mu.Length, logvar.Length, nameof(logvar));
        RequireSameLength(mu.Length, eps.Length, nameof(eps));
        RequireDestination(mu.Length, destination);
        for (int i = 0; i < mu.Length; i++)
        {
            destination[i] = Reparameterize<T, TFormat>(mu[i], logvar[i], eps[i]);
        }
    }

    private static T Reparameterize<T, TFormat>(T mu, T logvar, T eps)
        where T : IBinaryFloatingPointIeee754<T>
        where TFormat : IBinaryFormat<T>
    {
        if (T.IsNaN(mu) || T.IsNaN(logvar) || T.IsNaN(eps))
        {
            return T.NaN;
        }

        if (!T.IsFinite(mu) || !T.IsFinite(logvar) || !T.IsFinite(eps))
        {
            return ReparameterizeLimit(mu, logvar, eps);
        }

        // Rational cases, where IEEE operations are already exact roundings: exp(0) = 1 and a zero noise.
        if (T.IsZero(logvar))
        {
            return mu + eps;
        }

        if (T.IsZero(eps))
        {
            return mu + (T.One * eps);
        }

        if (FastReparameterize<T, TFormat>(mu, logvar, eps, out T fast))
        {
            return fast;
        }

        return ReparameterizeByZiv<T, TFormat>(mu, logvar, eps);
    }

    /// <summary>The double-double fast path of <see cref="FastExp.CorrectlyRoundedReparameterize"/> for binary64 and binary32.</summary>
    private static bool FastReparameterize<T, TFormat>(T mu, T logvar, T eps, out T result)
        where T : IBinaryFloatingPointIeee754<T>
        where TFormat : IBinaryFormat<T>
    {
        result = T.NaN;
        if (typeof(TFormat) == typeof(Binary64) && FastExp.CorrectlyRoundedReparameterize.TryFast(double.CreateTruncating(mu), double.CreateTruncating(logvar), double.CreateTruncating(eps), out double d))
        {
            result = T.CreateTruncating(d);
            return true;
        }

        if (typeof(TFormat) == typeof(Binary32) && FastExp.CorrectlyRoundedReparameterize.TryFast(float.CreateTruncating(mu), float.CreateTruncating(logvar), float.CreateTruncating(eps), out float f))
        {
            result = T.CreateTruncating(f);
            return true;
        }

        return false;
    }

    /// <summary><c>mu + exp(logvar/2)·eps</c> by MPFR enclosures in Ziv's loop (finite, nonzero logvar and eps).</summary>
    internal static T ReparameterizeByZiv<T, TFormat>(T mu, T logvar, T eps)
        where T : IBinaryFloatingPointIeee754<T>
        where TFormat : IBinaryFormat<T>
    {
        using MpfrNumber m = FormatRounding.Exactly(mu);
        using MpfrNumber e = FormatRounding.Exactly(eps);
        using MpfrNumber halfLogvar = FormatRounding.Exactly(logvar);
        MpfrNative.MulPow2(halfLogvar, halfLogvar, -1, MpfrRound.Nearest); // exact
        bool negativeNoise = T.IsNegative(eps);
        return Ziv.Decide<T, TFormat>(TFormat.Precision + 24, (precision, lower, upper) =>
        {
            using var sLow = new MpfrNumber(precision);
            using var sHigh = new MpfrNumber(precision);
            MpfrNative.Exp(sLow, halfLogvar, MpfrRound.Down);
            MpfrNative.Exp(sHigh, halfLogvar, MpfrRound.Up);

            // p = s · eps is increasing in s for eps > 0 and decreasing for eps < 0.
            MpfrNative.Mul(lower, negativeNoise ? sHigh : sLow, e, MpfrRound.Down);
            MpfrNative.Mul(upper, negativeNoise ? sLow : sHigh, e, MpfrRound.Up);
            MpfrNative.Add(lower, m, lower, MpfrRound.Down);
            MpfrNative.Add(upper, m, upper, MpfrRound.Up);
        });
    }

    /// <summary>Limits of <c>mu + exp(logvar / 2) · eps</c> when an input is infinite: IEEE's infinity arithmetic with the real <c>exp</c>.</summary>
    private static T ReparameterizeLimit<T>(T mu, T logvar, T eps)
        where T : IBinaryFloatingPointIeee754<T>
    {
        // The real scale exp(logvar / 2) is 0 only at −∞ and ∞ only at +∞; for finite logvar it is positive and finite,
        // so only its sign matters against an infinite noise.
        T scale = T.IsInfinity(logvar) ? (T.IsNegative(logvar) ? T.Zero : T.PositiveInfinity) : T.One;
        T product = scale * eps;
        if (T.IsFinite(logvar) && T.IsFinite(eps))
        {
            // mu is the infinite input; the product is a finite real.
            return mu;
        }

        return mu + product;
    }

    /// <summary>
    /// Exact <c>diagonalGaussianKlToStandard</c>: <c>(1 / 2n) Σ (exp(logvar) − 1 − logvar + mu²)</c> rounded once; for an empty shape
    /// NaN under <see cref="EmptyMeanConvention.V1"/> and +0 under <see cref="EmptyMeanConvention.V3"/>, like the spec.
    /// </summary>
    public static T DiagonalGaussianKlToStandard<T, TFormat>(ReadOnlySpan<T> mu, ReadOnlySpan<T> logvar, EmptyMeanConvention emptyMean = EmptyMeanConvention.V1)
        where T : IBinaryFloatingPointIeee754<T>
        where TFormat : IBinaryFormat<T>
    {
        RequireSameLength(mu.Length, logvar.Length, nameof(logvar));
        int n = mu.Length;
        if (n == 0)
        {
            return emptyMean == EmptyMeanConvention.V3 ? T.Zero : T.NaN;
        }

        bool infinite = false;
        for (int i = 0; i < n; i++)
        {
            if (T.IsNaN(mu[i]) || T.IsNaN(logvar[i]))
            {
                return T.NaN;
            }

            infinite |= !T.IsFinite(mu[i]) || !T.IsFinite(logvar[i]);
        }

        if (infinite)
        {
            return T.PositiveInfinity;
        }

        if (n == 1 && FastKl<T, TFormat>(mu[0], logvar[0], out T fast))
        {
            return fast;
        }

        if (FastMean<T, TFormat>(mu, logvar, out fast))
        {
            return fast;
        }

        return KlByMpfr<T, TFormat>(mu, logvar);
    }

    /// <summary>
    /// The binary32 one-coordinate fast paths of <see cref="FastExp.CorrectlyRoundedKl"/>: <c>logvar = 0</c> (exact by one
    /// rounding) and <c>mu = 0</c> (double-double enclosure and a rounding test); false where MPFR decides.
    /// </summary>
    private static bool FastKl<T, TFormat>(T mu, T logvar, out T result)
        where T : IBinaryFloatingPointIeee754<T>
        where TFormat : IBinaryFormat<T>
    {
        result = T.NaN;
        if (typeof(TFormat) != typeof(Binary32))
        {
            return false;
        }

        if (T.IsZero(logvar))
        {
            result = T.CreateTruncating(FastExp.CorrectlyRoundedKl.KlMu(float.CreateTruncating(mu)));
            return true;
        }

        if (T.IsZero(mu) && FastExp.CorrectlyRoundedKl.TryKlLogvar(float.CreateTruncating(logvar), out float f))
        {
            result = T.CreateTruncating(f);
            return true;
        }

        return false;
    }

    /// <summary>The double-double path of <see cref="FastExp.CorrectlyRoundedKlMean"/> for binary64 and binary32, any number of coordinates.</summary>
    private static bool FastMean<T, TFormat>(ReadOnlySpan<T> mu, ReadOnlySpan<T> logvar, out T result)
        where T : IBinaryFloatingPointIeee754<T>
        where TFormat : IBinaryFormat<T>
    {
        result = T.NaN;
        int n = mu.Length;
        if (typeof(TFormat) == typeof(Binary64))
        {
            Span<double> m = n <= 64 ? stackalloc double[n] : new double[n];
            Span<double> l = n <= 64 ? stackalloc double[n] : new double[n];
            for (int i = 0; i < n; i++)
            {
                (m[i], l[i]) = (double.CreateTruncating(mu[i]), double.CreateTruncating(logvar[i]));
            }

            bool decided = FastExp.CorrectlyRoundedKlMean.TryKl(m, l, out double d);
            result = T.CreateTruncating(d);
            return decided;
        }

        if (typeof(TFormat) == typeof(Binary32))
        {
            Span<float> m = n <= 64 ? stackalloc float[n] : new float[n];
            Span<float> l = n <= 64 ? stackalloc float[n] : new float[n];
            for (int i = 0; i < n; i++)
            {
                (m[i], l[i]) = (float.CreateTruncating(mu[i]), float.CreateTruncating(logvar[i]));
            }

            bool decided = FastExp.CorrectlyRoundedKlMean.TryKl(m, l, out float f);
            result = T.CreateTruncating(f);
            return decided;
        }

        return false;
    }

    /// <summary>
    /// The KL of finite, non-empty inputs by MPFR alone (no fast path): the exact rational path when every logvar is zero,
    /// Ziv's loop otherwise. Tests compare the fast paths with this.
    /// </summary>
    internal static T KlByMpfr<T, TFormat>(ReadOnlySpan<T> mu, ReadOnlySpan<T> logvar)
        where T : IBinaryFloatingPointIeee754<T>
        where TFormat : IBinaryFormat<T>
    {
        bool rational = true;
        foreach (T l in logvar)
        {
            rational &= T.IsZero(l);
        }

        T[] muCopy = mu.ToArray();
        T[] logvarCopy = logvar.ToArray();
        return rational
            ? HalfMeanOfSquares<T, TFormat>(muCopy)
            : Ziv.Decide<T, TFormat>(TFormat.Precision + 40, (precision, lower, upper) => EncloseKl(muCopy, logvarCopy, precision, lower, upper));
    }

    /// <summary>
    /// Bounds of <c>Σ (exp(l) − 1 − l + mu²) / 2n</c> at <paramref name="precision"/> bits. Every term is nonnegative, so the sum
    /// cancels nothing and its relative error is at most the worst term's: each term is evaluated at the sum's precision plus
    /// the bits its own <c>expm1(l) − l ≈ l²/2</c> cancels (about <c>−log2|l|</c>, per coordinate), <c>mu²</c> exactly; numbers
    /// come from the thread's <see cref="Scratch"/>, so an attempt allocates nothing per element.
    /// </summary>
    private static void EncloseKl<T>(T[] mu, T[] logvar, long precision, MpfrNumber lower, MpfrNumber upper)
        where T : IBinaryFloatingPointIeee754<T>
    {
        Scratch scratch = Scratch.Current;
        MpfrNumber l = scratch.KlLogvar, m = scratch.KlMu, square = scratch.KlSquare, termLow = scratch.KlTermLow, termHigh = scratch.KlTermHigh;
        MpfrNative.SetZero(lower, 1);
        MpfrNative.SetZero(upper, 1);
        for (int i = 0; i < mu.Length; i++)
        {
            double li = double.CreateTruncating(logvar[i]);
            if (li != 0)
            {
                long termPrecision = precision + Math.Max(0, -Math.ILogB(li));
                MpfrNative.SetPrecision(termLow, (nint)termPrecision);
                MpfrNative.SetPrecision(termHigh, (nint)termPrecision);
                MpfrNative.SetDouble(l, li, MpfrRound.Nearest); // exact

                // exp(l) − 1 − l through expm1, which is increasing in l, so each bound is one directed chain.
                MpfrNative.Expm1(termLow, l, MpfrRound.Down);
                MpfrNative.Sub(termLow, termLow, l, MpfrRound.Down);
                MpfrNative.Expm1(termHigh, l, MpfrRound.Up);
                MpfrNative.Sub(termHigh, termHigh, l, MpfrRound.Up);
                MpfrNative.Add(lower, lower, termLow, MpfrRound.Down);
                MpfrNative.Add(upper, upper, termHigh, MpfrRound.Up);
            }

            MpfrNative.SetDouble(m, double.CreateTruncating(mu[i]), MpfrRound.Nearest);
            MpfrNative.Mul(square, m, m, MpfrRound.Nearest); // exact at 106 bits
            MpfrNative.Add(lower, lower, square, MpfrRound.Down);
            MpfrNative.Add(upper, upper, square, MpfrRound.Up);
        }

        MpfrNative.DivUInt(lower, lower, (nuint)(2L * mu.Length), MpfrRound.Down);
        MpfrNative.DivUInt(upper, upper, (nuint)(2L * mu.Length), MpfrRound.Up);
    }

    /// <summary>
    /// The KL when every logvar is zero: the rational <c>Σ mu² / 2n</c>, summed exactly and divided with a sticky bit
    /// (round to odd at 64 extra bits), which then rounds correctly into the format, ties included.
    /// </summary>
    private static T HalfMeanOfSquares<T, TFormat>(T[] mu)
        where T : IBinaryFloatingPointIeee754<T>
        where TFormat : IBinaryFormat<T>
    {
        int largest = int.MinValue, smallest = int.MaxValue;
        foreach (T m in mu)
        {
            if (!T.IsZero(m))
            {
                int e = Math.ILogB(double.CreateTruncating(m));
                largest = Math.Max(largest, e);
                smallest = Math.Min(smallest, e);
            }
        }

        if (largest == int.MinValue)
        {
            return T.Zero;
        }

        // Squares span exponents 2·smallest − 2 .. 2·largest + 2 with 2·Precision significant bits each; the sum of n of
        // them needs log2(n) more. With this precision every product and sum below is exact.
        long sumPrecision = (2L * (largest - smallest)) + (2L * TFormat.Precision) + 64 + 32;
        using var sum = new MpfrNumber(sumPrecision);
        using var square = new MpfrNumber(sumPrecision);
        MpfrNative.SetZero(sum, 1);
        foreach (T value in mu)
        {
            using MpfrNumber m = FormatRounding.Exactly(value);
            int inexact = MpfrNative.Mul(square, m, m, MpfrRound.Nearest) | MpfrNative.Add(sum, sum, square, MpfrRound.Nearest);
            if (inexact != 0)
            {
                throw new InvalidOperationException("The exact sum of squares lost bits; its precision bound is wrong.");
            }
        }

        using var quotient = new MpfrNumber(TFormat.Precision + 64);
        int ternary = MpfrNative.DivUInt(quotient, sum, (nuint)(2L * mu.Length), MpfrRound.TowardZero);
        using var sticky = new MpfrNumber(TFormat.Precision + 65);
        MpfrNative.Set(sticky, quotient, MpfrRound.Nearest);
        if (ternary != 0)
        {
            // The true quotient lies strictly above the truncation; half an ulp more stands for it without landing on a boundary.
            MpfrNative.NextAbove(sticky);
        }

        return FormatRounding.Round<T, TFormat>(sticky);
    }

    /// <summary>Exact <c>quantizeAt</c>: the lookup itself.</summary>
    public static void QuantizeAt<T>(Codebook<T> book, int idx, Span<T> destination) =>
        GenerativeLatent.QuantizeAt(book, idx, destination);

    private static void RequireSameLength(int expected, int actual, string paramName)
    {
        if (actual != expected)
        {
            throw new ArgumentException($"{paramName} has {actual} elements but mu has {expected}.", paramName);
        }
    }

    private static void RequireDestination<T>(int length, Span<T> destination)
    {
        if (destination.Length < length)
        {
            throw new ArgumentException($"destination has {destination.Length} elements but the result has {length}.", nameof(destination));
        }
    }
}

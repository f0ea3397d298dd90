using System;
using System.Collections.Generic;
using System.Numerics;
using Latent.Ieee;
using Latent.Oracles;
using Latent.Oracles.Exact;

namespace Latent.Properties.Laws.Support;

/// <summary>The inputs of one law case: latent vectors, and for the codebook laws a codebook, an index and a latent.</summary>
internal sealed record LawInput<T>(T[] Mu, T[] Logvar, T[] Eps, Codebook<T>? Book = null, int Index = 0, T[]? Z = null, T[]? Embeddings = null);

/// <summary>
/// The floating-point reading of each law as a predicate on one case under one <see cref="Semantics"/>: the single
/// definition the properties, the minimal-counterexample searches and the regression replay all evaluate.
/// </summary>
internal static class LawPredicates<T, TFormat>
    where T : IBinaryFloatingPointIeee754<T>
    where TFormat : IBinaryFormat<T>
{
    private static readonly Dictionary<string, Func<Semantics, LawInput<T>, bool>> Laws = new()
    {
        [Upstream.ExpMinusOneMinusNonneg] = (s, c) => ExpMinusOneMinusNonneg(s, c.Logvar[0]),
        [Upstream.ExpMinusOneMinusPos] = (s, c) => ExpMinusOneMinusPos(s, c.Logvar[0]),
        [Upstream.CoordinateKlNonneg] = (s, c) => KlNonneg(s, c.Mu, c.Logvar),
        [Upstream.CoordinateKlEqZeroIff] = (s, c) => KlZeroIff(s, c.Mu, c.Logvar),
        [Upstream.SummedKlNonneg] = (s, c) => KlNonneg(s, c.Mu, c.Logvar),
        [Upstream.SummedKlEqZeroIff] = (s, c) => KlZeroIff(s, c.Mu, c.Logvar),
        [Upstream.ScalarReparameterizationLaw] = (s, c) => SampleWithinBound(s, c.Mu[0], c.Logvar[0], c.Eps[0]),
        [Upstream.DiagonalReparameterizationCoordinateLaw] = CoordinatesWithinBound,
        [Docstring.EpsZeroGivesMu] = (s, c) => EpsZeroGivesMu(s, c.Mu, c.Logvar, c.Eps),
        [Docstring.LogvarZeroGivesMuPlusEps] = (s, c) => LogvarZeroGivesMuPlusEps(s, c.Mu, c.Logvar, c.Eps),
        [Docstring.KlOfZerosIsZero] = (s, c) => KlOfZerosIsZero(s, c.Mu, c.Logvar),
        [Docstring.KlIsTheDivergence] = (s, c) => KlWithinBound(s, c.Mu, c.Logvar),
        [Upstream.QuantizedIsCodebookLookup] = (_, c) => QuantizedIsCodebookLookup(c.Book!, c.Embeddings!, c.Index),
        [Upstream.SquaredL2Nonneg] = (_, c) => SquaredL2Nonneg(c.Book!, c.Embeddings!, c.Index, c.Z!),
        [Upstream.SquaredL2Self] = (_, c) => SquaredL2Self(c.Book!, c.Index),
        [Upstream.ExactCodeMatchIsNearestCode] = (_, c) => ExactCodeMatchIsNearestCode(c.Book!, c.Embeddings!, c.Index),
        [Upstream.ExactCodeMatchSelectedDistanceZero] = (_, c) => ExactCodeMatchSelectedDistanceZero(c.Book!, c.Embeddings!, c.Index),
    };

    /// <summary>Every law this class can evaluate.</summary>
    public static IEnumerable<string> Names => Laws.Keys;

    /// <summary>Whether <paramref name="law"/> holds on <paramref name="input"/> under <paramref name="semantics"/>.</summary>
    public static bool Holds(string law, Semantics semantics, LawInput<T> input) =>
        Laws.TryGetValue(law, out var predicate)
            ? predicate(semantics, input)
            : throw new ArgumentException($"No predicate for law '{law}'.", nameof(law));

    /// <summary><c>0 ≤ exp x − 1 − x</c>, read through the module as <c>diagonalGaussianKlToStandard [0] [x] ≥ 0</c>:
    /// with <c>mu = 0</c> the coordinate term is <c>((exp x + 0) − 1) − x</c>, and the mean of one term halved keeps its sign.</summary>
    public static bool ExpMinusOneMinusNonneg(Semantics s, T x) => Run<T, TFormat>.Kl(s, [T.Zero], [x]) >= T.Zero;

    /// <summary><c>x ≠ 0 → 0 &lt; exp x − 1 − x</c>, read as <c>x ≠ 0 → diagonalGaussianKlToStandard [0] [x] &gt; 0</c>.</summary>
    public static bool ExpMinusOneMinusPos(Semantics s, T x) => T.IsZero(x) || Run<T, TFormat>.Kl(s, [T.Zero], [x]) > T.Zero;

    /// <summary>Non-negativity of the KL (one coordinate: the coordinate law; several: the summed law, divided by n ≥ 1).</summary>
    public static bool KlNonneg(Semantics s, T[] mu, T[] logvar) => Run<T, TFormat>.Kl(s, mu, logvar) >= T.Zero;

    /// <summary>The KL is zero exactly when every mu and every logvar is zero.</summary>
    public static bool KlZeroIff(Semantics s, T[] mu, T[] logvar)
    {
        bool allZero = Array.TrueForAll(mu, T.IsZero) && Array.TrueForAll(logvar, T.IsZero);
        return T.IsZero(Run<T, TFormat>.Kl(s, mu, logvar)) == allZero;
    }

    /// <summary>
    /// The per-sample reading of the reparameterization law: <c>z</c> is within <see cref="ReparameterizeErrorBound{T, TFormat}"/>
    /// of the real <c>mu + σ·eps</c> (checked against the exact value). Where the real value itself rounds to ±∞ or is
    /// undefined (NaN), <c>z</c> must agree, up to one step (<c>±MaxValue</c> next to <c>±∞</c>).
    /// </summary>
    public static bool SampleWithinBound(Semantics s, T mu, T logvar, T eps)
    {
        T z = Run<T, TFormat>.Reparameterize(s, mu, logvar, eps);
        T exact = Run<T, TFormat>.Reparameterize(Semantics.Exact, mu, logvar, eps);
        if (!T.IsFinite(exact))
        {
            return UlpDistance.Between<T, TFormat>(z, exact) <= 1;
        }

        if (!T.IsFinite(z))
        {
            return false;
        }

        double difference = Math.Abs(double.CreateTruncating(z) - double.CreateTruncating(exact));
        return difference <= ReparameterizeErrorBound<T, TFormat>.AgainstExact(mu, logvar, eps, exact);
    }

    /// <summary>
    /// The coordinate law's per-sample reading: every coordinate of the tensor result is the scalar result of that
    /// coordinate's inputs (bit for bit, NaN as a class), and within the per-sample bound.
    /// </summary>
    public static bool CoordinatesWithinBound(Semantics s, LawInput<T> c)
    {
        T[] z = Run<T, TFormat>.Reparameterize(s, c.Mu, c.Logvar, c.Eps);
        for (int i = 0; i < z.Length; i++)
        {
            T alone = Run<T, TFormat>.Reparameterize(s, c.Mu[i], c.Logvar[i], c.Eps[i]);
            bool same = T.IsNaN(alone) ? T.IsNaN(z[i]) : TFormat.ToBits(alone) == TFormat.ToBits(z[i]);
            if (!same || !SampleWithinBound(s, c.Mu[i], c.Logvar[i], c.Eps[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>With <c>eps = ±0</c> everywhere, <c>z = mu</c> as IEEE values (<c>==</c>: the sign of a zero may change,
    /// <c>−0 + (+0) = +0</c>); for a NaN mu, z is NaN.</summary>
    public static bool EpsZeroGivesMu(Semantics s, T[] mu, T[] logvar, T[] eps)
    {
        T[] z = Run<T, TFormat>.Reparameterize(s, mu, logvar, eps);
        for (int i = 0; i < z.Length; i++)
        {
            if (!T.IsZero(eps[i]))
            {
                throw new ArgumentException("The law is about zero noise.", nameof(eps));
            }

            if (T.IsNaN(mu[i]) ? !T.IsNaN(z[i]) : z[i] != mu[i])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>With <c>logvar = ±0</c> everywhere, <c>z</c> is the IEEE sum <c>mu + eps</c>, bit for bit (NaN as a class).</summary>
    public static bool LogvarZeroGivesMuPlusEps(Semantics s, T[] mu, T[] logvar, T[] eps)
    {
        T[] z = Run<T, TFormat>.Reparameterize(s, mu, logvar, eps);
        for (int i = 0; i < z.Length; i++)
        {
            if (!T.IsZero(logvar[i]))
            {
                throw new ArgumentException("The law is about zero logvar.", nameof(logvar));
            }

            T sum = mu[i] + eps[i];
            bool same = T.IsNaN(sum) ? T.IsNaN(z[i]) : TFormat.ToBits(sum) == TFormat.ToBits(z[i]);
            if (!same)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The KL is within <see cref="KlErrorBound{T, TFormat}.AgainstExact"/> of the exact value (for the exact semantics
    /// itself, trivially).</summary>
    public static bool KlWithinBound(Semantics s, T[] mu, T[] logvar)
    {
        T exact = Run<T, TFormat>.Kl(Semantics.Exact, mu, logvar);
        T value = Run<T, TFormat>.Kl(s, mu, logvar);
        double difference = Math.Abs(double.CreateTruncating(value) - double.CreateTruncating(exact));
        return difference <= KlErrorBound<T, TFormat>.AgainstExact(mu, logvar, exact);
    }

    /// <summary>With mu and logvar all ±0 (at least one coordinate), the KL is +0 exactly.</summary>
    public static bool KlOfZerosIsZero(Semantics s, T[] mu, T[] logvar)
    {
        if (mu.Length == 0 || !Array.TrueForAll(mu, T.IsZero) || !Array.TrueForAll(logvar, T.IsZero))
        {
            throw new ArgumentException("The law is about nonempty all-zero inputs.", nameof(mu));
        }

        return TFormat.ToBits(Run<T, TFormat>.Kl(s, mu, logvar)) == 0;
    }

    /// <summary>
    /// <c>quantized m idx = m.codebook.embedding idx</c>: the mirror's result is the code's slice of the raw embedding array
    /// the book was built from, bit for bit (not the book's own accessor, which the mirror itself reads).
    /// </summary>
    public static bool QuantizedIsCodebookLookup(Codebook<T> book, T[] embeddings, int idx)
    {
        ReadOnlySpan<T> q = GenerativeLatent.QuantizeAt(book, idx).Span;
        ReadOnlySpan<T> e = Code(book, embeddings, idx);
        for (int k = 0; k < e.Length; k++)
        {
            if (TFormat.ToBits(q[k]) != TFormat.ToBits(e[k]))
            {
                return false;
            }
        }

        return q.Length == e.Length;
    }

    /// <summary><c>0 ≤ squaredL2 x y</c> for a latent and every code of the raw array, and for the looked-up code.</summary>
    public static bool SquaredL2Nonneg(Codebook<T> book, T[] embeddings, int idx, T[] z)
    {
        for (int j = 0; j < book.NumCodes; j++)
        {
            if (!(SquaredL2.Of<T>(z, Code(book, embeddings, j)) >= T.Zero))
            {
                return false;
            }
        }

        return SquaredL2.Of<T>(GenerativeLatent.QuantizeAt(book, idx).Span, z) >= T.Zero;
    }

    /// <summary><c>squaredL2 x x = 0</c> for <c>x = quantizeAt book idx</c>.</summary>
    public static bool SquaredL2Self(Codebook<T> book, int idx) =>
        TFormat.ToBits(SquaredL2.Of<T>(GenerativeLatent.QuantizeAt(book, idx).Span, GenerativeLatent.QuantizeAt(book, idx).Span)) == 0;

    /// <summary><c>z = embedding idx → IsNearestCode embedding z idx</c> with <c>z = quantizeAt book idx</c>: no code of the raw
    /// array is strictly nearer to <c>z</c> than code <c>idx</c>.</summary>
    public static bool ExactCodeMatchIsNearestCode(Codebook<T> book, T[] embeddings, int idx)
    {
        T[] z = GenerativeLatent.QuantizeAt(book, idx).ToArray();
        T selected = SquaredL2.Of<T>(z, Code(book, embeddings, idx));
        for (int j = 0; j < book.NumCodes; j++)
        {
            if (!(selected <= SquaredL2.Of<T>(z, Code(book, embeddings, j))))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary><c>z = embedding idx → squaredL2 z (embedding idx) = 0</c> with <c>z = quantizeAt book idx</c> and the code read from the raw array.</summary>
    public static bool ExactCodeMatchSelectedDistanceZero(Codebook<T> book, T[] embeddings, int idx) =>
        TFormat.ToBits(SquaredL2.Of<T>(GenerativeLatent.QuantizeAt(book, idx).Span, Code(book, embeddings, idx))) == 0;

    /// <summary>Code <paramref name="j"/> of the array the book was built from: <c>latent.Size</c> values from <c>j · latent.Size</c>.</summary>
    private static ReadOnlySpan<T> Code(Codebook<T> book, T[] embeddings, int j) =>
        embeddings.AsSpan(j * book.Latent.Size, book.Latent.Size);
}

using System;
using System.Collections.Generic;
using System.Numerics;
using Latent.Ieee;

namespace Latent.Properties.Laws.Support;

/// <summary>
/// Candidate inputs in a fixed order of simplicity, so that "the first input on which a law fails" is a well-defined,
/// recomputable minimal counterexample. The order (stated in <c>spec/laws.md</c>): one coordinate before more; all inputs
/// zero first; then a single nonzero input, a power of two <c>±2^e</c>, by increasing <c>|e|</c>, at equal <c>|e|</c> the
/// non-negative exponent first, <c>+</c> before <c>−</c>, and logvar before mu.
/// </summary>
internal static class SimplestInputs<T, TFormat>
    where T : IBinaryFloatingPointIeee754<T>
    where TFormat : IBinaryFormat<T>
{
    /// <summary>Every power of two of the format (subnormal ones included) with both signs, in the order above.</summary>
    public static IEnumerable<T> PowersOfTwo()
    {
        int smallest = 1 - TFormat.MaxExponent - (TFormat.Precision - 1);
        int largest = TFormat.MaxExponent;
        for (int k = 0; k <= Math.Max(largest, -smallest); k++)
        {
            foreach (int e in k == 0 ? new[] { 0 } : new[] { k, -k })
            {
                if (e < smallest || e > largest)
                {
                    continue;
                }

                T power = T.CreateTruncating(Math.ScaleB(1.0, e));
                yield return power;
                yield return -power;
            }
        }
    }

    /// <summary>(mu, logvar) pairs: (0, 0), then one nonzero power of two, logvar before mu.</summary>
    public static IEnumerable<(T Mu, T Logvar)> Pairs()
    {
        yield return (T.Zero, T.Zero);
        foreach (T p in PowersOfTwo())
        {
            yield return (T.Zero, p);
            yield return (p, T.Zero);
        }
    }

    /// <summary>The first candidate on which <paramref name="holds"/> is false, and how many candidates came before it.</summary>
    public static (TCandidate Counterexample, int Rank) FirstViolation<TCandidate>(IEnumerable<TCandidate> candidates, Func<TCandidate, bool> holds)
    {
        int rank = 0;
        foreach (TCandidate candidate in candidates)
        {
            if (!holds(candidate))
            {
                return (candidate, rank);
            }

            rank++;
        }

        throw new InvalidOperationException("No candidate violates the law.");
    }

    /// <summary>
    /// The smallest positive value at which <paramref name="fails"/> turns true, by bisection on the bit patterns between
    /// <paramref name="good"/> (where it is false) and <paramref name="bad"/> (where it is true). For positive values the
    /// encoding is monotone in the value, so this is the edge of a threshold predicate.
    /// </summary>
    public static T LowestFailing(Func<T, bool> fails, T good, T bad)
    {
        ulong lo = TFormat.ToBits(good), hi = TFormat.ToBits(bad);
        if (!(T.IsPositive(good) && T.IsPositive(bad) && lo < hi) || fails(good) || !fails(bad))
        {
            throw new ArgumentException("Need 0 ≤ good < bad with the predicate false at good and true at bad.");
        }

        while (hi - lo > 1)
        {
            ulong mid = lo + ((hi - lo) / 2);
            if (fails(TFormat.FromBits(mid)))
            {
                hi = mid;
            }
            else
            {
                lo = mid;
            }
        }

        return TFormat.FromBits(hi);
    }
}

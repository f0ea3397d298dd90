using System;
using System.Collections.Generic;
using Latent.Golden.Model;
using Latent.Golden.Numerics;
using Latent.Oracles.Mpfr;

namespace Latent.Golden.Tolerance;

/// <summary>
/// The analysis of <c>diagonalGaussianKlToStandard</c> at finite inputs: the coordinate terms (<see cref="KlTermBound"/>),
/// summed in any order, divided by <c>n</c> and halved.
/// </summary>
/// <remarks>
/// Any summation tree of <c>n</c> terms performs <c>n − 1</c> roundings, each of a partial sum no larger than the sum of the
/// magnitudes, so <c>|Ŝ − Σ x̂ᵢ| ≤ γₙ₋₁ Σ |x̂ᵢ|</c> with <c>γₖ = k·u / (1 − k·u)</c>. The spec's zero-seeded left fold is one
/// such tree; NumPy's pairwise and PyTorch's cascade sums are others. A sum accumulated in a wider format (PyTorch's
/// binary32 accumulator for binary16 and bfloat16) errs less and overflows only where the mean itself does.
/// </remarks>
internal static class KlBound
{
    /// <param name="math">The analysis arithmetic of the format.</param>
    /// <param name="mu">The means (finite).</param>
    /// <param name="logvar">The log-variances (finite).</param>
    /// <param name="halvesInFormat"><c>logvar[i] · 0.5</c> rounded in the format.</param>
    public static RealBound Analyse(BoundMath math, IReadOnlyList<double> mu, IReadOnlyList<double> logvar, IReadOnlyList<double> halvesInFormat)
    {
        ArgumentNullException.ThrowIfNull(mu);
        ArgumentNullException.ThrowIfNull(logvar);
        ArgumentNullException.ThrowIfNull(halvesInFormat);
        int n = mu.Count;
        if (n == 0)
        {
            throw new ArgumentException("The empty shape has no error analysis: its result is exact.", nameof(mu));
        }

        Enclosure sum = math.Exactly(0);
        MpfrNumber outcomesLow = math.Of(0), outcomesHigh = math.Of(0), magnitudes = math.Of(0);
        bool mayInfinity = false, mustInfinity = false, mayNaN = false;
        for (int i = 0; i < n; i++)
        {
            KlTermBound term = KlTermBound.Analyse(math, mu[i], logvar[i], halvesInFormat[i]);
            sum = math.Add(sum, term.Term);
            outcomesLow = math.PlusDown(outcomesLow, term.Outcomes.Lo);
            outcomesHigh = math.Plus(outcomesHigh, term.Outcomes.Hi);
            magnitudes = math.Plus(magnitudes, math.Magnitude(term.Outcomes));
            mayInfinity |= term.MayBePositiveInfinity;
            mustInfinity |= term.MustBePositiveInfinity;
            mayNaN |= term.MayBeNaN;
        }

        // Summation in any order: γ_{n−1} Σ|x̂ᵢ|.
        MpfrNumber roundings = math.Times(n - 1, math.UnitRoundoff);
        MpfrNumber gamma = math.Over(roundings, math.MinusDown(math.Of(1), roundings));
        MpfrNumber summationError = math.Times(gamma, magnitudes);
        MpfrNumber sumLow = math.MinusDown(outcomesLow, summationError);
        MpfrNumber sumHigh = math.Plus(outcomesHigh, summationError);
        mayInfinity |= math.MayOverflow(math.Plus(magnitudes, summationError));

        // A sum beyond MAX overflows a port that accumulates in the format, but not one that accumulates in a wider format
        // (PyTorch's reductions over binary16 and bfloat16 accumulate in binary32): only a mean beyond MAX must overflow.

        // M = S / n rounded once; the result 0.5 · M rounds only when it is subnormal (at most η/2).
        MpfrNumber meanRounding = math.HalfUlp(math.Over(math.Magnitude(BoundMath.Between(sumLow, sumHigh)), n));
        MpfrNumber resultLow = Halve(math, math.MinusDown(Divide(math, sumLow, n, MpfrRound.Down), meanRounding), MpfrRound.Down);
        MpfrNumber resultHigh = Halve(math, math.Plus(Divide(math, sumHigh, n, MpfrRound.Up), meanRounding), MpfrRound.Up);
        MpfrNumber halving = math.Over(math.Quantum, 2);
        if (math.FlushesSubnormals)
        {
            halving = math.Plus(halving, math.MinNormal); // a subnormal 0.5 · M may be flushed to zero
        }

        resultLow = math.MinusDown(resultLow, halving);
        resultHigh = math.Plus(resultHigh, halving);
        mustInfinity |= BoundMath.Exceeds(resultLow, math.Max);

        Enclosure value = math.Scale(math.Divide(sum, n), -1);
        MpfrNumber below = NonNegative(math, math.Minus(value.Lo, resultLow));
        MpfrNumber above = NonNegative(math, math.Minus(resultHigh, value.Hi));
        return new RealBound(value, below, above)
        {
            MayBePositiveInfinity = mayInfinity,
            MustBePositiveInfinity = mustInfinity,
            Nan = mayNaN ? NanRule.Allowed : NanRule.Forbidden,
        };
    }

    /// <summary>Whether some coordinate's PyTorch form may be NaN (its <c>var_ratio</c> may overflow), for inputs the analysis skips.</summary>
    public static bool PyTorchFormMayBeNaN(BoundMath math, double mu, double logvar, double halfInFormat) =>
        KlTermBound.Analyse(math, mu, logvar, halfInFormat).MayBeNaN;

    private static MpfrNumber Divide(BoundMath math, MpfrNumber x, long n, MpfrRound direction)
    {
        Enclosure q = math.Divide(BoundMath.Between(x, x), n);
        return direction == MpfrRound.Down ? q.Lo : q.Hi;
    }

    private static MpfrNumber Halve(BoundMath math, MpfrNumber x, MpfrRound direction)
    {
        Enclosure h = math.Scale(BoundMath.Between(x, x), -1);
        return direction == MpfrRound.Down ? h.Lo : h.Hi;
    }

    private static MpfrNumber NonNegative(BoundMath math, MpfrNumber x) =>
        MpfrNative.Sign(x) < 0 ? math.Zero : x;
}

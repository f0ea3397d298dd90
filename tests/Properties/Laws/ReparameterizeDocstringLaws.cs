using System;
using System.Linq;
using System.Numerics;
using FsCheck.Xunit;
using Latent.Ieee;
using Latent.Properties.Generators;
using Latent.Properties.Laws.Support;
using Xunit;
using Xunit.Abstractions;

namespace Latent.Properties.Laws;

/// <summary>
/// The reparameterization docstring read at two points: with no noise the sample is the mean, and with unit variance
/// (logvar = 0, so <c>exp(0) = 1</c> exactly) it is <c>mu + eps</c>.
/// </summary>
public abstract class ReparameterizeDocstringLaws<T, TFormat>(ITestOutputHelper output)
    where T : IBinaryFloatingPointIeee754<T>
    where TFormat : IBinaryFormat<T>
{
    /// <summary>logvar = ±0 gives the IEEE sum <c>mu + eps</c>, bit for bit, for every value class, in all three semantics.</summary>
    [Property(MaxTest = 2000)]
    [Trait(Docstring.Trait, Docstring.LogvarZeroGivesMuPlusEps)]
    public void Zero_logvar_gives_mu_plus_eps(LatentTensors<T, TFormat> t)
    {
        T[] zeros = SignedZeros.Like(t.Logvar);
        foreach (Semantics s in Enum.GetValues<Semantics>())
        {
            Assert.True(LawPredicates<T, TFormat>.LogvarZeroGivesMuPlusEps(s, t.Mu, zeros, t.Eps), $"{s}");
        }
    }

    /// <summary>
    /// eps = ±0 gives mu (as IEEE values) exactly when the mirror's <c>exp(logvar * 0.5)</c> is finite, that is for every
    /// logvar below the frozen edge (−∞ included); at or above the edge (+∞ included), and for a NaN logvar, it gives NaN
    /// (<c>∞ · 0</c>). Checked over every value class, so a change on either side of the edge fails.
    /// </summary>
    [Property(MaxTest = 2000)]
    [Trait(Docstring.Trait, Docstring.EpsZeroGivesMu)]
    public void Zero_noise_gives_mu_below_the_edge_and_nan_above(LatentTensors<T, TFormat> t)
    {
        T edge = RegressionCorpus.Minimal(Docstring.EpsZeroGivesMu, TFormat.Name).Decode<T, TFormat>().Logvar[0];
        T[] zeros = SignedZeros.Like(t.Eps);
        T[] z = Run<T, TFormat>.Reparameterize(Semantics.Spec, t.Mu, t.Logvar, zeros);
        for (int i = 0; i < z.Length; i++)
        {
            bool finiteStd = !T.IsNaN(t.Logvar[i]) && t.Logvar[i] < edge;
            if (finiteStd)
            {
                Assert.True(T.IsNaN(t.Mu[i]) ? T.IsNaN(z[i]) : z[i] == t.Mu[i], $"coordinate {i}: z {z[i]} mu {t.Mu[i]}");
            }
            else
            {
                Assert.True(T.IsNaN(z[i]), $"coordinate {i}: logvar {t.Logvar[i]} at or above the edge gave {z[i]}");
            }
        }
    }

    /// <summary>The exact semantics keeps <c>z = mu</c> everywhere (the real <c>σ · 0</c> is 0 for every finite σ).</summary>
    [Property(MaxTest = 500)]
    [Trait(Docstring.Trait, Docstring.EpsZeroGivesMu)]
    public void Zero_noise_gives_mu_in_the_exact_semantics(LatentTensors<T, TFormat> t)
    {
        T[] zeros = SignedZeros.Like(t.Eps);
        T[] finiteLogvar = t.Logvar.Select(l => T.IsFinite(l) ? l : T.Zero).ToArray();
        Assert.True(LawPredicates<T, TFormat>.EpsZeroGivesMu(Semantics.Exact, t.Mu, finiteLogvar, zeros));
    }

    /// <summary>The smallest logvar at which zero noise does not give mu: where the mirror's std overflows and ∞ · 0 = NaN.
    /// Frozen for the spec and spec-cr.</summary>
    [Fact]
    [Trait(Docstring.Trait, Docstring.EpsZeroGivesMu)]
    public void Zero_noise_fails_at_the_overflow_edge_and_the_minimal_counterexamples_are_frozen()
    {
        FrozenCounterexamples<T, TFormat>.AssertMinimalForSpecAndSpecCr<LawInput<T>>(
            Docstring.EpsZeroGivesMu,
            s => [new LawInput<T>([T.Zero], [ReparameterizationLaws<T, TFormat>.OverflowEdge(s)], [T.Zero])],
            input => input,
            output);
        foreach (Semantics s in FrozenCounterexamples<T, TFormat>.Searched)
        {
            LawInput<T> input = RegressionCorpus.Minimal(Docstring.EpsZeroGivesMu, TFormat.Name, s).Decode<T, TFormat>();
            Assert.True(LawPredicates<T, TFormat>.EpsZeroGivesMu(s, input.Mu, [T.BitDecrement(input.Logvar[0])], input.Eps));
        }
    }

    /// <summary>"z = mu" holds as values, not always as bits: <c>−0 + (+0) = +0</c>, so mu = −0 with eps = +0 gives +0.</summary>
    [Fact]
    [Trait(Docstring.Trait, Docstring.EpsZeroGivesMu)]
    public void Negative_zero_mean_with_positive_zero_noise_gives_positive_zero()
    {
        T z = Run<T, TFormat>.Reparameterize(Semantics.Spec, T.NegativeZero, T.Zero, T.Zero);
        Assert.Equal(0UL, TFormat.ToBits(z));
        Assert.True(LawPredicates<T, TFormat>.EpsZeroGivesMu(Semantics.Spec, [T.NegativeZero], [T.Zero], [T.Zero]));
    }
}

/// <summary>Reparameterization docstring laws in binary64.</summary>
public sealed class ReparameterizeDocstringLawsF64(ITestOutputHelper output) : ReparameterizeDocstringLaws<double, Binary64>(output);

/// <summary>Reparameterization docstring laws in binary32.</summary>
public sealed class ReparameterizeDocstringLawsF32(ITestOutputHelper output) : ReparameterizeDocstringLaws<float, Binary32>(output);

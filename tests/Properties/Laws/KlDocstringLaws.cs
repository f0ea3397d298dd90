using System;
using System.Linq;
using System.Numerics;
using FsCheck.Xunit;
using Latent.Ieee;
using Latent.Properties.Generators;
using Latent.Properties.Laws.Support;
using Xunit;

namespace Latent.Properties.Laws;

/// <summary>
/// The KL docstring's exact claims: zero inputs give 0, and the result is the <b>mean</b> of the coordinate divergences
/// (TorchLean's loss convention), not their sum (Keras's and the theory file's) — they differ by the factor <c>n</c>.
/// </summary>
public abstract class KlDocstringLaws<T, TFormat>
    where T : IBinaryFloatingPointIeee754<T>
    where TFormat : IBinaryFormat<T>
{
    /// <summary>KL(0, 0) = +0 exactly, for every nonempty shape and every mix of signed zeros, in all three semantics.</summary>
    [Property(MaxTest = 500)]
    [Trait(Docstring.Trait, Docstring.KlOfZerosIsZero)]
    public void Kl_of_zeros_is_exactly_positive_zero(SignedZeroInputs<T, TFormat> zeros)
    {
        T[] mu = zeros.Mu;
        T[] lv = zeros.Logvar;
        foreach (Semantics s in Enum.GetValues<Semantics>())
        {
            Assert.True(LawPredicates<T, TFormat>.KlOfZerosIsZero(s, mu, lv), $"{s}");
        }
    }

    /// <summary>
    /// Mean, not sum, exactly: the KL of <c>n</c> coordinates is the sum of the one-coordinate KLs (folded left from 0, as
    /// the mirror folds) divided by <c>n</c> with one rounding, bit for bit; for <c>n</c> a power of two, <c>n · KL</c> is that
    /// sum exactly. Scaling by powers of two commutes with rounding unless a value is subnormal, so inputs with a subnormal
    /// intermediate are checked only to within the subnormal quantum.
    /// </summary>
    [Property(MaxTest = 2000)]
    [Trait(Docstring.Trait, Docstring.KlIsMeanNotSum)]
    public void Kl_is_the_mean_of_the_coordinate_divergences(KlDomain<T, TFormat> input)
    {
        int n = input.Mu.Length;
        T sum = T.Zero;
        bool subnormal = false;
        for (int i = 0; i < n; i++)
        {
            T coordinate = Run<T, TFormat>.Kl(Semantics.Spec, [input.Mu[i]], [input.Logvar[i]]);
            sum += coordinate;
            subnormal |= IsTiny(coordinate) || IsTiny(sum);
        }

        T kl = Run<T, TFormat>.Kl(Semantics.Spec, input.Mu, input.Logvar);
        T mean = sum / T.CreateTruncating(n);
        subnormal |= IsTiny(mean);
        if (subnormal)
        {
            // Each halving of a subnormal rounds by at most q/2: n coordinates, the mean and the final halving.
            double q = FormatFacts<T, TFormat>.SubnormalQuantum;
            Assert.True(Math.Abs(double.CreateTruncating(kl) - double.CreateTruncating(mean)) <= (n + 4) * q / 2);
            return;
        }

        Assert.Equal(TFormat.ToBits(mean), TFormat.ToBits(kl));
        if (BitOperations.IsPow2(n))
        {
            Assert.Equal(TFormat.ToBits(sum), TFormat.ToBits(T.CreateTruncating(n) * kl));
        }
    }

    /// <summary>The guide's example in numbers: coordinate divergences 0.125 and 0.03125, sum 0.15625, mean 0.078125.</summary>
    [Fact]
    [Trait(Docstring.Trait, Docstring.KlIsMeanNotSum)]
    public void Guide_example_mean_is_half_the_sum()
    {
        T[] mu = [T.CreateTruncating(0.5), T.CreateTruncating(-0.25)], lv = [T.Zero, T.Zero];
        T first = Run<T, TFormat>.Kl(Semantics.Spec, [mu[0]], [lv[0]]);
        T second = Run<T, TFormat>.Kl(Semantics.Spec, [mu[1]], [lv[1]]);
        T mean = Run<T, TFormat>.Kl(Semantics.Spec, mu, lv);
        Assert.Equal(T.CreateTruncating(0.125), first);
        Assert.Equal(T.CreateTruncating(0.03125), second);
        Assert.Equal(T.CreateTruncating(0.15625), first + second);
        Assert.Equal(first + second, (T.One + T.One) * mean);
    }

    /// <summary>Nonzero values whose magnitude is below the smallest normal (scaling them by 1/2 can round).</summary>
    private static bool IsTiny(T value) => !T.IsZero(value) && T.IsSubnormal(value);
}

/// <summary>KL docstring laws in binary64.</summary>
public sealed class KlDocstringLawsF64 : KlDocstringLaws<double, Binary64>;

/// <summary>KL docstring laws in binary32.</summary>
public sealed class KlDocstringLawsF32 : KlDocstringLaws<float, Binary32>;

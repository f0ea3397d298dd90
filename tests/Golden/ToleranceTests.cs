using System;
using System.Collections.Generic;
using System.Linq;
using System.Numerics;
using Latent.Golden.Conformance;
using Latent.Golden.Model;
using Latent.Oracles;
using Latent.Golden.Tests.Support;
using Xunit;

namespace Latent.Golden.Tests;

/// <summary>
/// The tolerances accept faithful ports that differ from the spec-cr order (the platform's libm, an exp a few ulps off,
/// a fused multiply-add, another summation order), reject the exact-real port exactly where the spec's IEEE semantics
/// differ from the real limit, and are tight where the inputs are well conditioned.
/// </summary>
public sealed class ToleranceTests
{
    private static readonly Lazy<IReadOnlyList<CheckedFile>> Vectors = new(() => [.. SetIntegrity.Read(Repo.Vectors).Files.Where(f => f.Derivative == Derivative.None)]);

    [Fact]
    public void The_mirror_with_the_platform_libm_passes_its_own_vectors()
    {
        IReadOnlyList<FileVerdict> verdicts = Checker.Check(Vectors.Value, CSharpPort.Run(new MirrorPort(), "mirror"));
        Assert.All(verdicts, v => Assert.True(v.Failures.Count == 0, $"{v.FileName}: {string.Join("; ", v.Failures.Take(3))}"));
    }

    [Fact]
    public void An_independent_port_with_a_two_ulp_exp_fma_and_reversed_sums_passes()
    {
        IReadOnlyList<FileVerdict> verdicts = Checker.Check(Vectors.Value, CSharpPort.Run(new VariantPort(), "variant"));
        Assert.All(verdicts, v => Assert.True(v.Failures.Count == 0, $"{v.FileName}: {string.Join("; ", v.Failures.Take(3))}"));

        // It is really different: many results are not the spec-cr bits.
        Assert.Contains(verdicts, v => v.MaxUlps >= 2);
    }

    [Fact]
    public void Tolerances_are_a_few_ulps_on_well_conditioned_random_tests()
    {
        foreach (CheckedFile file in Vectors.Value)
        {
            double[] ulps = [.. file.Tests
                .Where(t => t.Flags.Contains("Random") && !t.Flags.Contains("IllConditioned"))
                .SelectMany(t => t.Expected)
                .Where(e => e.Default.Nan == NanRule.Forbidden)
                .Select(e => Latent.Ieee.BinaryFormats.Visit(file.Format, new ToleranceInUlps(e.Default.Tolerance, e.Exact)))
                .Where(double.IsFinite)
                .Order()];
            // binary16's random arguments overflow or underflow its exp more often: fewer finite elements remain there.
            Assert.True(ulps.Length > 300, $"{file.FileName}: {ulps.Length}");
            double median = ulps[ulps.Length / 2], max = ulps[^1];
            switch (file.Definition)
            {
                case Definition.HalfTensor or Definition.QuantizeAt:
                    Assert.Equal(0, max);
                    break;
                case Definition.ExpTensor:
                    // 3 ulps of exp plus the half ulp between the real value and 'exact'; the 3 ulps are counted at the larger of
                    // the true and the returned value, so just below a power of two they are 6 ulps of 'exact' (seen in the
                    // narrow formats, whose 1,000 random tests meet few binades).
                    Assert.Equal(3.5, median);
                    Assert.True(max is 3.5 or 6.5, $"{file.FileName}: {max}");
                    break;
                case Definition.ReparameterizeDiag:
                    Assert.InRange(median, 2, 4);
                    break;
                case Definition.DiagonalGaussianKlToStandard:
                    Assert.InRange(median, 4, 16);
                    break;
            }
        }
    }

    private readonly struct ToleranceInUlps(ulong tolerance, ulong exact) : Latent.Ieee.IFormatVisitor<double>
    {
        public double Visit<T, TFormat>()
            where T : IBinaryFloatingPointIeee754<T>
            where TFormat : Latent.Ieee.IBinaryFormat<T> => InUlps(TFormat.FromBits(tolerance), TFormat.FromBits(exact));
    }

    private static double InUlps<T>(T tolerance, T exact)
        where T : IFloatingPointIeee754<T>
    {
        T magnitude = T.Abs(exact);
        return T.IsZero(magnitude) || !T.IsFinite(magnitude) ? double.NaN : double.CreateTruncating(tolerance / (T.BitIncrement(magnitude) - magnitude));
    }

    /// <summary>The mirror itself, with <c>IeeeContext</c>: glibc's exp, the spec's order.</summary>
    private sealed class MirrorPort : ICSharpPort
    {
        public T[] Exp<T>(T[] x)
            where T : IFloatingPointIeee754<T>
        {
            var r = new T[x.Length];
            GenerativeLatent.ExpTensor<T>(x, r);
            return r;
        }

        public T[] Half<T>(T[] x)
            where T : IFloatingPointIeee754<T>
        {
            var r = new T[x.Length];
            GenerativeLatent.HalfTensor<T>(x, r);
            return r;
        }

        public T[] Reparameterize<T>(T[] mu, T[] logvar, T[] eps)
            where T : IFloatingPointIeee754<T>
        {
            var r = new T[mu.Length];
            GenerativeLatent.ReparameterizeDiag<T>(mu, logvar, eps, r);
            return r;
        }

        public T Kl<T>(T[] mu, T[] logvar, EmptyMeanConvention emptyMean)
            where T : IFloatingPointIeee754<T> =>
            GenerativeLatent.DiagonalGaussianKlToStandard<T>(mu, logvar, emptyMean);
    }

    /// <summary>
    /// Written independently of the mirror: its exp is the platform's pushed two ulps away (up or down by the input's last
    /// bit), reparameterize fuses the product and the sum, and the KL sums its terms backwards without a zero seed.
    /// </summary>
    private sealed class VariantPort : ICSharpPort
    {
        public T[] Exp<T>(T[] x)
            where T : IFloatingPointIeee754<T> =>
            Array.ConvertAll(x, Off);

        public T[] Half<T>(T[] x)
            where T : IFloatingPointIeee754<T> =>
            Array.ConvertAll(x, v => v / (T.One + T.One));

        public T[] Reparameterize<T>(T[] mu, T[] logvar, T[] eps)
            where T : IFloatingPointIeee754<T>
        {
            var z = new T[mu.Length];
            T half = T.One / (T.One + T.One);
            for (int i = 0; i < z.Length; i++)
            {
                z[i] = T.FusedMultiplyAdd(Off(logvar[i] * half), eps[i], mu[i]);
            }

            return z;
        }

        public T Kl<T>(T[] mu, T[] logvar, EmptyMeanConvention emptyMean)
            where T : IFloatingPointIeee754<T>
        {
            int n = mu.Length;
            if (n == 0)
            {
                return emptyMean == EmptyMeanConvention.V3 ? T.Zero : T.Zero / T.Zero * (T.One / (T.One + T.One));
            }

            T sum = Term(mu[n - 1], logvar[n - 1]);
            for (int i = n - 2; i >= 0; i--)
            {
                sum += Term(mu[i], logvar[i]);
            }

            return sum / T.CreateTruncating(n) / (T.One + T.One);
        }

        private static T Term<T>(T mu, T logvar)
            where T : IFloatingPointIeee754<T> =>
            T.FusedMultiplyAdd(mu, mu, Off(logvar)) - T.One - logvar;

        /// <summary>The platform's exp, then two ulps up or down (keeping 0, ∞, NaN and the largest finite value in range).</summary>
        private static T Off<T>(T x)
            where T : IFloatingPointIeee754<T>
        {
            T y = T.Exp(x);
            if (!T.IsFinite(y) || T.IsZero(y))
            {
                return y;
            }

            bool up = (BitConverter.DoubleToInt64Bits(double.CreateTruncating(x)) & 1) == 0;
            T moved = up ? T.BitIncrement(T.BitIncrement(y)) : T.BitDecrement(T.BitDecrement(y));
            return T.IsFinite(moved) && moved > T.Zero ? moved : y;
        }
    }
}

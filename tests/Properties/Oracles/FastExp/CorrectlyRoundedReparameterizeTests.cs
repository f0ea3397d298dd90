using System;
using Latent.Ieee;
using Latent.Oracles.Exact;
using Latent.Oracles.FastExp;
using Xunit;
using Xunit.Abstractions;

namespace Latent.Properties.Oracles.FastExp;

/// <summary>
/// The fast path of the exact <c>reparameterizeDiag</c> element against the MPFR Ziv computation, bit for bit, wherever the
/// fast path answers: random inputs of many magnitudes, and inputs built to cancel (<c>mu ≈ −exp(logvar/2)·eps</c>).
/// </summary>
public class CorrectlyRoundedReparameterizeTests(ITestOutputHelper output)
{
    [Fact]
    public void F64_fast_answers_equal_MPFR()
    {
        var random = new Random(1210);
        int answered = 0;
        const int N = 100_000;
        for (int i = 0; i < N; i++)
        {
            (double mu, double lv, double eps) = Draw(random, single: false);
            if (CorrectlyRoundedReparameterize.TryFast(mu, lv, eps, out double fast))
            {
                answered++;
                double slow = ExactOracle.ReparameterizeByZiv<double, Binary64>(mu, lv, eps);
                Assert.True(BitConverter.DoubleToInt64Bits(fast) == BitConverter.DoubleToInt64Bits(slow), $"mu {mu:R}, logvar {lv:R}, eps {eps:R}: fast {fast:R}, MPFR {slow:R}");
            }
        }

        output.WriteLine($"binary64: the fast path answered {answered} of {N}");
        Assert.True(answered > N / 2, $"answered {answered}"); // the exactly cancelling quarter of binary64 draws needs MPFR
    }

    [Fact]
    public void F32_fast_answers_equal_MPFR()
    {
        var random = new Random(1211);
        int answered = 0;
        const int N = 100_000;
        for (int i = 0; i < N; i++)
        {
            (double mu, double lv, double eps) = Draw(random, single: true);
            if (CorrectlyRoundedReparameterize.TryFast((float)mu, (float)lv, (float)eps, out float fast))
            {
                answered++;
                float slow = ExactOracle.ReparameterizeByZiv<float, Binary32>((float)mu, (float)lv, (float)eps);
                Assert.True(BitConverter.SingleToInt32Bits(fast) == BitConverter.SingleToInt32Bits(slow), $"mu {mu:R}, logvar {lv:R}, eps {eps:R}: fast {fast:R}, MPFR {slow:R}");
            }
        }

        output.WriteLine($"binary32: the fast path answered {answered} of {N}");
        Assert.True(answered > N / 2, $"answered {answered}"); // the exactly cancelling quarter of binary64 draws needs MPFR
    }

    [Fact]
    public void F32_saturated_products_equal_MPFR()
    {
        // exp(logvar/2)·eps far beyond binary32's range either way: the result is ±∞, mu, or a signed zero.
        var random = new Random(1212);
        for (int i = 0; i < 3000; i++)
        {
            float lv = (random.Next(2) == 0 ? 1 : -1) * BitConverter.Int32BitsToSingle(random.Next(0x42C80000, 0x7F800000)); // |logvar| ≥ 100
            float eps = BitConverter.Int32BitsToSingle(random.Next(int.MinValue, int.MaxValue));
            float mu = i % 3 == 0 ? (i % 2 == 0 ? 0f : -0f) : BitConverter.Int32BitsToSingle(random.Next(int.MinValue, int.MaxValue));
            if (!float.IsFinite(eps) || !float.IsFinite(mu) || eps == 0)
            {
                continue;
            }

            if (CorrectlyRoundedReparameterize.TryFast(mu, lv, eps, out float fast))
            {
                float slow = ExactOracle.ReparameterizeByZiv<float, Binary32>(mu, lv, eps);
                Assert.True(BitConverter.SingleToInt32Bits(fast) == BitConverter.SingleToInt32Bits(slow), $"mu {mu:R}, logvar {lv:R}, eps {eps:R}: fast {fast:R}, MPFR {slow:R}");
            }
        }
    }

    private static (double Mu, double Logvar, double Eps) Draw(Random random, bool single)
    {
        double Round(double v) => single ? (float)v : v;
        double lv = Round((random.NextDouble() - 0.5) * (single ? 170 : 1380) * Math.Pow(2, -random.Next(0, 30)));
        double eps = Round((random.NextDouble() - 0.5) * 8 * Math.Pow(2, random.Next(-20, 20)));
        double mu = (random.Next(4)) switch
        {
            // Built to cancel: mu within a few ulps of −exp(logvar/2)·eps, as computed in the format.
            0 => Round(-(Math.Exp(lv * 0.5) * eps)),
            1 => Round(-(Math.Exp(lv * 0.5) * eps) * (1 + ((random.NextDouble() - 0.5) * 1e-6))),
            _ => Round((random.NextDouble() - 0.5) * 8 * Math.Pow(2, random.Next(-30, 30))),
        };
        return (mu, lv, eps);
    }
}

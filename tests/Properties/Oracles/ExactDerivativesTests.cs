using System;
using Latent.Ieee;
using Latent.Oracles.Exact;
using Latent.Oracles.Mpfr;
using Xunit;

namespace Latent.Properties.Oracles;

/// <summary>
/// <see cref="ExactDerivatives"/> against a plain 200-bit MPFR evaluation of the closed forms (no enclosures, no Ziv loop)
/// rounded once: in binary64 the two must agree bit for bit; in binary32 the exact value must be the binary32 number
/// nearest to the 200-bit value (checked in binary64 arithmetic, 2^29 times finer than a binary32 half-ulp). The rational
/// and infinite cases are checked against their closed forms.
/// </summary>
public class ExactDerivativesTests
{
    private const int Cases = 3000;

    [Fact]
    public void Kl_gradient_is_the_rounded_closed_form()
    {
        var random = new Random(20261201);
        for (int c = 0; c < Cases; c++)
        {
            int n = 1 + random.Next(5);
            double[] mu = new double[n], logvar = new double[n];
            for (int i = 0; i < n; i++)
            {
                mu[i] = (random.NextDouble() - 0.5) * 20;
                logvar[i] = (random.NextDouble() - 0.5) * Math.Pow(10, random.Next(-9, 3));
            }

            var dMu = new double[n];
            var dLogvar = new double[n];
            ExactDerivatives.KlGradient<double, Binary64>(mu, logvar, dMu, dLogvar);
            float[] mu32 = Array.ConvertAll(mu, v => (float)v), logvar32 = Array.ConvertAll(logvar, v => (float)v);
            var dMu32 = new float[n];
            var dLogvar32 = new float[n];
            ExactDerivatives.KlGradient<float, Binary32>(mu32, logvar32, dMu32, dLogvar32);
            for (int i = 0; i < n; i++)
            {
                Assert.Equal(mu[i] / n, dMu[i]);
                Assert.Equal(Bits(Reference(logvar[i], 1, 1, 2 * n, expm1: true)), Bits(dLogvar[i]));
                AssertNearest(dLogvar32[i], Reference(logvar32[i], 1, 1, 2 * n, expm1: true));
            }
        }
    }

    [Fact]
    public void Reparameterization_vjp_is_the_rounded_closed_form()
    {
        var random = new Random(20261202);
        for (int c = 0; c < Cases; c++)
        {
            double l = (random.NextDouble() - 0.5) * 200, eps = (random.NextDouble() - 0.5) * 8, g = (random.NextDouble() - 0.5) * 6;
            var (dMu, dLogvar, dEps) = (new double[1], new double[1], new double[1]);
            ExactDerivatives.ReparameterizeVjp<double, Binary64>([l], [eps], [g], dMu, dLogvar, dEps);
            Assert.Equal(g, dMu[0]);
            Assert.Equal(Bits(Reference(l / 2, g * 1.0, eps, 2, expm1: false)), Bits(dLogvar[0]));
            Assert.Equal(Bits(Reference(l / 2, g, 1, 1, expm1: false)), Bits(dEps[0]));

            float l32 = (float)l, eps32 = (float)eps, g32 = (float)g;
            var (fMu, fLogvar, fEps) = (new float[1], new float[1], new float[1]);
            ExactDerivatives.ReparameterizeVjp<float, Binary32>([l32], [eps32], [g32], fMu, fLogvar, fEps);
            AssertNearest(fLogvar[0], Reference(l32 / 2.0, g32, eps32, 2, expm1: false));
            AssertNearest(fEps[0], Reference(l32 / 2.0, g32, 1, 1, expm1: false));
        }
    }

    [Fact]
    public void Rational_and_infinite_cases_take_their_closed_forms()
    {
        var (dMu, dLogvar) = (new double[3], new double[3]);
        ExactDerivatives.KlGradient<double, Binary64>([1, -0.0, 3], [0, double.NegativeInfinity, double.PositiveInfinity], dMu, dLogvar);
        Assert.Equal([1.0 / 3, -0.0 / 3, 1.0], dMu);
        Assert.Equal(0.0, dLogvar[0]);
        Assert.Equal(-1.0 / 6, dLogvar[1]);
        Assert.Equal(double.PositiveInfinity, dLogvar[2]);

        var (zMu, zLogvar, zEps) = (new double[4], new double[4], new double[4]);
        ExactDerivatives.ReparameterizeVjp<double, Binary64>(
            [0, 1, double.NegativeInfinity, 2], [3, -0.0, 5, double.PositiveInfinity], [0.5, 2, 1, 1], zMu, zLogvar, zEps);
        Assert.Equal(0.75, zLogvar[0]); // l = 0: g · eps / 2 exactly
        Assert.Equal(0.5, zEps[0]);
        Assert.Equal(Bits(-0.0), Bits(zLogvar[1])); // eps = −0: a signed zero
        Assert.Equal(0.0, zLogvar[2]); // e^{−∞/2} = 0
        Assert.Equal(0.0, zEps[2]);
        Assert.Equal(double.PositiveInfinity, zLogvar[3]); // eps = +∞
    }

    /// <summary>a · b · f(x) / d at 200 bits with f = expm1 or exp, rounded once to binary64.</summary>
    private static double Reference(double x, double a, double b, int d, bool expm1)
    {
        using var v = new MpfrNumber(200, x);
        using var r = new MpfrNumber(200);
        if (expm1)
        {
            MpfrNative.Expm1(r, v, MpfrRound.Nearest);
        }
        else
        {
            MpfrNative.Exp(r, v, MpfrRound.Nearest);
        }

        using var ma = new MpfrNumber(200, a);
        using var mb = new MpfrNumber(200, b);
        MpfrNative.Mul(r, r, ma, MpfrRound.Nearest);
        MpfrNative.Mul(r, r, mb, MpfrRound.Nearest);
        MpfrNative.DivUInt(r, r, (nuint)d, MpfrRound.Nearest);
        return MpfrNative.GetDouble(r, MpfrRound.Nearest);
    }

    /// <summary>The binary32 <paramref name="value"/> is the one nearest to <paramref name="reference"/>.</summary>
    private static void AssertNearest(float value, double reference)
    {
        if (reference == 0)
        {
            Assert.Equal(0f, value);
            return;
        }

        double below = MathF.BitDecrement(value), above = MathF.BitIncrement(value);
        Assert.True(
            Math.Abs(reference - value) <= Math.Abs(reference - below) && Math.Abs(reference - value) <= Math.Abs(reference - above),
            $"binary32 {value:R} is not the nearest to {reference:R}");
    }

    private static ulong Bits(double value) => BitConverter.DoubleToUInt64Bits(value);
}

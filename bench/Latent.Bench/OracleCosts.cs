using System;
using Latent.Ieee;
using Latent.Oracles;
using Latent.Oracles.Exact;
using Latent.Oracles.FastExp;

namespace Latent.Bench;

/// <summary>Per-call costs of the correctly rounded exp (fast path, old MPFR path, spec-cr through the mirror) and of the exact KL.</summary>
internal static class OracleCosts
{
    public sealed record Exp(double Glibc, double Fast, double Mpfr, double SpecCr, double FallbackRate);

    public static Exp ExpCosts(bool single)
    {
        var random = new Random(12);
        const int N = 100_000;
        var x = new double[N];
        var xf = new float[N];
        for (int i = 0; i < N; i++)
        {
            x[i] = (random.NextDouble() * 1400) - 700;
            xf[i] = (float)((random.NextDouble() * 190) - 100);
        }

        var z = new double[N];
        var zf = new float[N];
        double[] xSmall = x[..5_000];
        float[] xfSmall = xf[..5_000];
        long fallbacks = 0;
        for (int i = 0; i < N; i++)
        {
            fallbacks += (single ? CorrectlyRoundedExp.TryFast(xf[i], out _) : CorrectlyRoundedExp.TryFast(x[i], out _)) ? 0 : 1;
        }

        double[] fast = single
            ? SideBySide.Measure(N,
                () => { for (int i = 0; i < N; i++) { zf[i] = MathF.Exp(xf[i]); } },
                () => { for (int i = 0; i < N; i++) { zf[i] = CorrectlyRoundedExp.Exp(xf[i]); } },
                () => GenerativeLatent.ExpTensor<float, CorrectlyRoundedContext<float, Binary32>>(xf, zf))
            : SideBySide.Measure(N,
                () => { for (int i = 0; i < N; i++) { z[i] = Math.Exp(x[i]); } },
                () => { for (int i = 0; i < N; i++) { z[i] = CorrectlyRoundedExp.Exp(x[i]); } },
                () => GenerativeLatent.ExpTensor<double, CorrectlyRoundedContext<double, Binary64>>(x, z));
        double mpfr = single
            ? SideBySide.Measure(xfSmall.Length, () => { foreach (float v in xfSmall) { zf[0] = ExactOracle.Exp<float, Binary32>(v); } })[0]
            : SideBySide.Measure(xSmall.Length, () => { foreach (double v in xSmall) { z[0] = ExactOracle.Exp<double, Binary64>(v); } })[0];
        return new Exp(fast[0], fast[1], mpfr, fast[2], fallbacks / (double)N);
    }

    /// <summary>Exact KL, ns per element, on 16-element vectors: binary64 and binary32.</summary>
    public static (double F64, double F32) ExactKl()
    {
        var random = new Random(5);
        const int Vectors = 200, Length = 16;
        var mu = new double[Vectors][];
        var lv = new double[Vectors][];
        for (int v = 0; v < Vectors; v++)
        {
            mu[v] = new double[Length];
            lv[v] = new double[Length];
            for (int i = 0; i < Length; i++)
            {
                (mu[v][i], lv[v][i]) = ((random.NextDouble() - 0.5) * 4, (random.NextDouble() - 0.5) * 8);
            }
        }

        float[][] muF = Array.ConvertAll(mu, a => Array.ConvertAll(a, d => (float)d));
        float[][] lvF = Array.ConvertAll(lv, a => Array.ConvertAll(a, d => (float)d));
        double sink = 0;
        double[] t = SideBySide.Measure(Vectors * Length,
            () => { for (int v = 0; v < Vectors; v++) { sink += ExactOracle.DiagonalGaussianKlToStandard<double, Binary64>(mu[v], lv[v]); } },
            () => { for (int v = 0; v < Vectors; v++) { sink += ExactOracle.DiagonalGaussianKlToStandard<float, Binary32>(muF[v], lvF[v]); } });
        GC.KeepAlive(sink);
        return (t[0], t[1]);
    }
}

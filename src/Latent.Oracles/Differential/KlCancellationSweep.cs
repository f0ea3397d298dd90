using System;
using System.Collections.Generic;
using System.Globalization;
using System.Numerics;
using System.Text;
using Latent.Ieee;
using Latent.Oracles.Exact;

namespace Latent.Oracles.Differential;

/// <summary>One band of the sweep: logvar magnitudes in [2^Exponent, 2^(Exponent+1)).</summary>
/// <param name="Exponent">The band's binary exponent.</param>
/// <param name="Samples">Coordinates evaluated.</param>
/// <param name="Negative">Spec results below zero.</param>
/// <param name="Zero">Spec results exactly zero (the real KL is positive).</param>
/// <param name="MedianRelativeError">Median of |spec − exact| / exact.</param>
/// <param name="MaxRelativeError">Largest |spec − exact| / exact.</param>
public sealed record KlSweepBand(int Exponent, int Samples, int Negative, int Zero, double MedianRelativeError, double MaxRelativeError);

/// <summary>
/// Where the spec order of the KL loses accuracy: at <c>mu = 0</c> the per-coordinate term is <c>((e^l + 0) − 1) − l</c>,
/// which cancels as <c>|l|</c> shrinks while the real value is <c>≈ l²/2 &gt; 0</c>. The sweep evaluates one coordinate for
/// <c>|l|</c> in bands <c>[2^k, 2^(k+1))</c>, both signs, and compares with the exact value.
/// </summary>
public static class KlCancellationSweep
{
    /// <summary>Runs the sweep for bands from 2^<paramref name="highestExponent"/> down to 2^<paramref name="lowestExponent"/>, every <paramref name="step"/>.</summary>
    public static IReadOnlyList<KlSweepBand> Run<T, TFormat>(ulong seed, int samplesPerBand, int highestExponent, int lowestExponent, int step)
        where T : IBinaryFloatingPointIeee754<T>
        where TFormat : IBinaryFormat<T>
    {
        var bands = new List<KlSweepBand>();
        for (int k = highestExponent; k >= lowestExponent; k -= step)
        {
            var random = SplitMix64.ForItem(seed, (ulong)(k + 100_000));
            int negative = 0, zero = 0;
            var errors = new double[samplesPerBand];
            for (int i = 0; i < samplesPerBand; i++)
            {
                T l = T.CreateTruncating(Math.ScaleB(1.0 + random.NextUnit(), k) * (random.NextBool() ? -1 : 1));
                T spec = GenerativeLatent.DiagonalGaussianKlToStandard<T>([T.Zero], [l]);
                T exact = ExactOracle.DiagonalGaussianKlToStandard<T, TFormat>([T.Zero], [l]);
                negative += spec < T.Zero ? 1 : 0;
                zero += T.IsZero(spec) ? 1 : 0;
                double e = double.CreateTruncating(exact);
                errors[i] = Math.Abs(double.CreateTruncating(spec) - e) / e;
            }

            Array.Sort(errors);
            bands.Add(new KlSweepBand(k, samplesPerBand, negative, zero, errors[samplesPerBand / 2], errors[^1]));
        }

        return bands;
    }

    /// <summary>The sweep the reports use: 1,000 coordinates per band, bands 2^-1 down to 2^-61 (f64) or 2^-29 (f32).</summary>
    public static IReadOnlyList<KlSweepBand> Standard<T, TFormat>(ulong seed)
        where T : IBinaryFloatingPointIeee754<T>
        where TFormat : IBinaryFormat<T> =>
        TFormat.Precision > 24 ? Run<T, TFormat>(seed, 1000, -1, -61, 4) : Run<T, TFormat>(seed, 1000, -1, -29, 2);

    /// <summary>A markdown table of a sweep.</summary>
    public static string Markdown(string format, IReadOnlyList<KlSweepBand> bands)
    {
        ArgumentNullException.ThrowIfNull(bands);
        var md = new StringBuilder();
        md.Append(CultureInfo.InvariantCulture, $"\n#### KL at mu = 0, one coordinate, {format}: spec against exact by |logvar|\n\n");
        md.Append("| \\|logvar\\| in | samples | negative | zero | median relative error | max relative error |\n|---|--:|--:|--:|--:|--:|\n");
        foreach (KlSweepBand b in bands)
        {
            md.Append(CultureInfo.InvariantCulture, $"| [2^{b.Exponent}, 2^{b.Exponent + 1}) | {b.Samples} | {b.Negative} | {b.Zero} | {b.MedianRelativeError:0.###e+0} | {b.MaxRelativeError:0.###e+0} |\n");
        }

        return md.ToString();
    }
}

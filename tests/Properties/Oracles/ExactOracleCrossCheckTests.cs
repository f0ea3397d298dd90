using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Numerics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Latent.Ieee;
using Latent.Oracles.Exact;
using Xunit;

namespace Latent.Properties.Oracles;

/// <summary>
/// The MPFR exact oracle against an independent multi-precision computation (mpmath plus exact rational rounding, in
/// <c>mpmath_exact.py</c>), bit for bit, on random and adversarial inputs in both formats. Needs Debian's
/// <c>python3-mpmath</c>, which <c>.ci/run</c> installs.
/// </summary>
public class ExactOracleCrossCheckTests
{
    private sealed record Case(string Definition, Dictionary<string, double[]> Inputs, string EmptyMean = "v1");

    [Fact]
    public void F64_exact_oracle_agrees_with_mpmath() => CrossCheck<double, Binary64>(Cases(seed: 1, single: false));

    [Fact]
    public void F32_exact_oracle_agrees_with_mpmath() => CrossCheck<float, Binary32>(Cases(seed: 2, single: true));

    private static List<Case> Cases(int seed, bool single)
    {
        var random = new Random(seed);
        double Round(double v) => single ? (float)v : v;
        double Any() => single
            ? BitConverter.Int32BitsToSingle(random.Next(int.MinValue, int.MaxValue))
            : BitConverter.Int64BitsToDouble(random.NextInt64(long.MinValue, long.MaxValue));
        double Moderate() => Round((random.NextDouble() - 0.5) * Math.Pow(2, random.Next(-40, 10)));
        double Tiny() => Round(Math.Pow(2, -random.Next(1, single ? 149 : 1074)) * (random.Next(2) == 0 ? 1 : -1));
        double OverflowEdge() => Round((single ? 88.72283 : 709.782712893384) + ((random.NextDouble() - 0.5) * 1e-3));
        double[] Vec(int n, Func<double> f) => Enumerable.Range(0, n).Select(_ => f()).ToArray();

        var cases = new List<Case>();
        for (int k = 0; k < 60; k++)
        {
            Func<double> pick = (k % 4) switch { 0 => Moderate, 1 => Any, 2 => Tiny, _ => OverflowEdge };
            cases.Add(new("expTensor", new() { ["x"] = Vec(8, pick) }));
            cases.Add(new("expTensor", new() { ["x"] = Vec(8, () => Round(-random.NextDouble() * (single ? 110 : 760))) }));
            int n = random.Next(1, 9);
            cases.Add(new("reparameterizeDiag", new() { ["mu"] = Vec(n, pick), ["logvar"] = Vec(n, Moderate), ["eps"] = Vec(n, pick) }));

            // Near-cancellation: mu is minus the rounded product, so z is the product's rounding error.
            double[] lv = Vec(n, Moderate), eps = Vec(n, Moderate);
            double[] mu = lv.Select((l, i) => single ? -(double)((float)Math.Exp(l / 2) * (float)eps[i]) : -(Math.Exp(l / 2) * eps[i])).ToArray();
            cases.Add(new("reparameterizeDiag", new() { ["mu"] = mu, ["logvar"] = lv, ["eps"] = eps }));

            cases.Add(new("diagonalGaussianKlToStandard", new() { ["mu"] = Vec(n, Moderate), ["logvar"] = Vec(n, Moderate) }));
            cases.Add(new("diagonalGaussianKlToStandard", new() { ["mu"] = Vec(n, () => 0.0), ["logvar"] = Vec(n, Tiny) }));
            cases.Add(new("diagonalGaussianKlToStandard", new() { ["mu"] = Vec(n, Tiny), ["logvar"] = Vec(n, pick) }));
            cases.Add(new("diagonalGaussianKlToStandard", new() { ["mu"] = Vec(n, Moderate), ["logvar"] = Vec(n, () => 0.0) }));
        }

        // Ties of the rational path: an odd integer whose square has one bit more than the precision makes mu²/2 a midpoint.
        long lowest = single ? 4097 : 94906267;
        for (long m = lowest; m < lowest + 40; m += 2)
        {
            cases.Add(new("diagonalGaussianKlToStandard", new() { ["mu"] = [m], ["logvar"] = [0.0] }));
            cases.Add(new("diagonalGaussianKlToStandard", new() { ["mu"] = [m, 0, 0], ["logvar"] = [0.0, 0.0, 0.0] }));
        }

        // Special values and the empty shape in both conventions.
        double[] specials = [0, -0.0, double.PositiveInfinity, double.NegativeInfinity, double.NaN, 1, -1];
        foreach (double a in specials)
        {
            foreach (double b in specials)
            {
                cases.Add(new("reparameterizeDiag", new() { ["mu"] = [a, b, 1], ["logvar"] = [b, a, b], ["eps"] = [a, 2, b] }));
                cases.Add(new("diagonalGaussianKlToStandard", new() { ["mu"] = [a, 0.5], ["logvar"] = [b, 0] }));
            }
        }

        cases.Add(new("diagonalGaussianKlToStandard", new() { ["mu"] = [], ["logvar"] = [] }, "v1"));
        cases.Add(new("diagonalGaussianKlToStandard", new() { ["mu"] = [], ["logvar"] = [] }, "v3"));
        return cases;
    }

    private static void CrossCheck<T, TFormat>(List<Case> cases)
        where T : IBinaryFloatingPointIeee754<T>
        where TFormat : IBinaryFormat<T>
    {
        var request = new JsonArray();
        var ours = new List<T[]>();
        foreach (Case c in cases)
        {
            var json = new JsonObject { ["format"] = TFormat.Name, ["definition"] = c.Definition, ["emptyMean"] = c.EmptyMean };
            var values = new Dictionary<string, T[]>();
            foreach ((string name, double[] raw) in c.Inputs)
            {
                T[] v = raw.Select(T.CreateTruncating).ToArray();
                values[name] = v;
                json[name] = new JsonArray(v.Select(x => (JsonNode)IeeeText.FormatBits<T, TFormat>(x)).ToArray());
            }

            request.Add(json);
            ours.Add(c.Definition switch
            {
                "expTensor" => Apply<T>(values["x"].Length, d => ExactOracle.ExpTensor<T, TFormat>(values["x"], d)),
                "reparameterizeDiag" => Apply<T>(values["mu"].Length, d => ExactOracle.ReparameterizeDiag<T, TFormat>(values["mu"], values["logvar"], values["eps"], d)),
                _ => [ExactOracle.DiagonalGaussianKlToStandard<T, TFormat>(values["mu"], values["logvar"], c.EmptyMean == "v3" ? EmptyMeanConvention.V3 : EmptyMeanConvention.V1)],
            });
        }

        string[][] theirs = RunMpmath(request.ToJsonString());
        Assert.Equal(cases.Count, theirs.Length);
        var mismatches = new List<string>();
        int compared = 0;
        for (int k = 0; k < cases.Count; k++)
        {
            for (int i = 0; i < ours[k].Length; i++)
            {
                compared++;
                Assert.Null(IeeeText.TryParse<T, TFormat>(theirs[k][i], out T expected));
                T actual = ours[k][i];
                bool same = T.IsNaN(expected) ? T.IsNaN(actual) : TFormat.ToBits(expected) == TFormat.ToBits(actual);
                if (!same)
                {
                    mismatches.Add($"{cases[k].Definition} case {k} element {i}: mpmath {theirs[k][i]}, MPFR {IeeeText.FormatBits<T, TFormat>(actual)}, inputs {request[k]!.ToJsonString()}");
                }
            }
        }

        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches.Take(10)));
        Assert.True(compared > 1000, $"only {compared} values compared");
    }

    private static T[] Apply<T>(int length, Action<T[]> fill)
    {
        var result = new T[length];
        fill(result);
        return result;
    }

    private static string[][] RunMpmath(string input)
    {
        var start = new ProcessStartInfo("/usr/bin/python3")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Oracles", "mpmath_exact.py"));
        using Process python = Process.Start(start)!;
        var stdout = python.StandardOutput.ReadToEndAsync();
        var stderr = python.StandardError.ReadToEndAsync();
        python.StandardInput.Write(input);
        python.StandardInput.Close();
        python.WaitForExit();
        Assert.True(python.ExitCode == 0, "mpmath_exact.py failed (is python3-mpmath installed?): " + stderr.Result);
        return JsonSerializer.Deserialize<string[][]>(stdout.Result)!;
    }
}

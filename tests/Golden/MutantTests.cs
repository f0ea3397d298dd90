using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Latent.Golden.Tests.Support;
using Xunit;

namespace Latent.Golden.Tests;

/// <summary>
/// The NumPy port made wrong on purpose, one mistake at a time, fails <c>latent check</c> for the right reason: exactly
/// the definition it broke fails, and the failing tests are the ones that can see the mistake.
/// </summary>
public sealed partial class MutantTests
{
    /// <summary>The flags of tests whose expected result involves NaN.</summary>
    private static readonly string[] NaNFlags = ["NaN", "InfMinusInf", "ZeroTimesInf", "EmptyMeanV1", "NanPayload", "NanAllowed"];

    [Theory]
    [InlineData("kl-sum", "diagonalGaussianKlToStandard")]
    [InlineData("kl-missing-half", "diagonalGaussianKlToStandard")]
    [InlineData("std-exp-logvar", "reparameterizeDiag")]
    [InlineData("swap-logvar-eps", "reparameterizeDiag")]
    [InlineData("neighbour-code", "quantizeAt")]
    [InlineData("nan-dropped", "expTensor,halfTensor,reparameterizeDiag,diagonalGaussianKlToStandard,quantizeAt")]
    public void Mutant_fails_on_the_definition_it_breaks(string mutant, string brokenDefinitions)
    {
        List<(string Definition, string Format, int TcId, string[] Flags)> failures = RunMutant(mutant);
        string[] expected = brokenDefinitions.Split(',');
        Assert.Equal(expected.Order(), failures.Select(f => f.Definition).Distinct().Order());

        // Every format fails, each on many tests.
        foreach (string definition in expected)
        {
            foreach (string format in new[] { "f64", "f32", "f16", "bf16" })
            {
                Assert.True(failures.Count(f => f.Definition == definition && f.Format == format) >= 10, $"{mutant}: too few failures in {definition} {format}");
            }
        }

        switch (mutant)
        {
            case "kl-sum":
                // A sum equals the mean on one coordinate: no scalar test fails.
                Assert.DoesNotContain(failures, f => f.Flags.Contains("Scalar"));
                Assert.Contains(failures, f => f.Flags.Contains("GuideExample"));
                break;
            case "neighbour-code":
                Assert.DoesNotContain(failures, f => f.Flags.Contains("SingleCode") || f.Flags.Contains("EmptyShape"));
                Assert.Contains(failures, f => f.Flags.Contains("FirstCode"));
                Assert.Contains(failures, f => f.Flags.Contains("LastCode"));
                break;
            case "nan-dropped":
                Assert.All(failures, f => Assert.True(f.Flags.Intersect(NaNFlags).Any(), $"tcId {f.TcId} of {f.Definition} {f.Format} failed without a NaN flag: {string.Join(",", f.Flags)}"));
                break;
            default:
                Assert.Contains(failures, f => f.Flags.Contains("Random"));
                break;
        }
    }

    private static List<(string Definition, string Format, int TcId, string[] Flags)> RunMutant(string mutant)
    {
        using var folder = new TempFolder();
        string results = folder.File(mutant + ".json");
        Tool.Result port = Tool.RunPython("numpy_port.py", "--vectors", Repo.Vectors, "--out", results, "--mutant", mutant, "--self-check");
        // The self-check found the mutant's failures, so the port exits 1 like 'latent check' does.
        Assert.True(port.ExitCode == 1, port.ToString());
        Tool.Result check = Tool.Run("check", "--vectors", Repo.Vectors, "--results", results);
        Assert.True(check.ExitCode == 1, check.ToString());
        var failures = new List<(string, string, int, string[])>();
        foreach (string line in check.StdoutLines.Where(l => l.StartsWith("FAIL ", StringComparison.Ordinal)))
        {
            Match m = FailLine().Match(line);
            Assert.True(m.Success, line);
            failures.Add((m.Groups[1].Value, m.Groups[2].Value, int.Parse(m.Groups[3].Value, System.Globalization.CultureInfo.InvariantCulture), m.Groups[4].Value.Split(',', StringSplitOptions.RemoveEmptyEntries)));
        }

        Assert.Matches(@"^latent check: \d+ tests, \d+ passed, [1-9]\d* failed: \d+ of 28 files fail$", check.StdoutLines[^1]);

        // The acceptance rule applied in Python (ports/python/latent_vectors.py) fails exactly the same tests.
        string[] python = [.. port.StdoutLines.Where(l => l.StartsWith("self-check FAIL ", StringComparison.Ordinal)).Select(l => l["self-check FAIL ".Length..]).Order(StringComparer.Ordinal)];
        string[] csharp = [.. failures.Select(f => $"{f.Item1}.{f.Item2}.json tcId {f.Item3}").Order(StringComparer.Ordinal)];
        Assert.Equal(csharp, python);
        Assert.Equal(failures.Count, int.Parse(Regex.Match(check.StdoutLines[^1], @"(\d+) failed").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
        return failures;
    }

    [GeneratedRegex(@"^FAIL ([\w.]+) (f64|f32|f16|bf16) tcId (\d+) \[([^\]]*)\]: ")]
    private static partial Regex FailLine();
}

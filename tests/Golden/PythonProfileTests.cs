using System;
using System.Linq;
using System.Text.RegularExpressions;
using Latent.Golden.Tests.Support;
using Xunit;

namespace Latent.Golden.Tests;

/// <summary>
/// The acceptance function of <c>ports/python/latent_vectors.py</c> takes the profile too, and under every profile it fails
/// exactly the tests <c>latent check --profile</c> fails: shown with the NumPy port, which passes default and gpu but not
/// strict (NumPy's float32 exp is about 2 ulps off and its sums are pairwise), and with a mutant that fails under all three.
/// </summary>
public sealed partial class PythonProfileTests
{
    [Theory]
    [InlineData("strict", null, true)]
    [InlineData("gpu", null, false)]
    [InlineData("gpu", "kl-missing-half", true)]
    [InlineData("strict", "nan-dropped", true)]
    public void Python_and_csharp_fail_the_same_tests_under_a_profile(string profile, string? mutant, bool fails)
    {
        using var folder = new TempFolder();
        string results = folder.File("r.json");
        string[] args = ["--vectors", Repo.Vectors, "--out", results, "--self-check", "--profile", profile];
        Tool.Result port = Tool.RunPython("numpy_port.py", mutant is null ? args : [.. args, "--mutant", mutant]);
        Assert.True(port.ExitCode == (fails ? 1 : 0), port.ToString());
        Tool.Result check = Tool.Run("check", "--vectors", Repo.Vectors, "--results", results, "--profile", profile);
        Assert.True(check.ExitCode == (fails ? 1 : 0), check.ToString());
        Assert.Contains($", profile {profile}", check.StdoutLines[0], StringComparison.Ordinal);

        string[] python = [.. port.StdoutLines.Where(l => l.StartsWith("self-check FAIL ", StringComparison.Ordinal)).Select(l => l["self-check FAIL ".Length..]).Order(StringComparer.Ordinal)];
        string[] csharp = [.. check.StdoutLines.Select(l => FailLine().Match(l)).Where(m => m.Success).Select(m => $"{m.Groups[1].Value}.{m.Groups[2].Value}.json tcId {m.Groups[3].Value}").Order(StringComparer.Ordinal)];
        Assert.Equal(csharp, python);
        Assert.Equal(fails, csharp.Length > 0);
    }

    [GeneratedRegex(@"^FAIL ([\w.]+) (f64|f32|f16|bf16) tcId (\d+) ")]
    private static partial Regex FailLine();
}

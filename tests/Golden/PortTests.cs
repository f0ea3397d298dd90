using System;
using System.IO;
using Latent.Golden.Tests.Support;
using Xunit;

namespace Latent.Golden.Tests;

/// <summary>
/// The NumPy and PyTorch ports in <c>ports/python</c> (Debian's python3-numpy and python3-torch, which <c>.ci/run</c>
/// installs) read the committed vectors, compute in the file's format, and pass <c>latent check</c>: the definitions and
/// their derivatives (the PyTorch port's by <c>torch.autograd</c>, through <c>kl_divergence</c> and through the spec's expression).
/// </summary>
public sealed class PortTests
{
    [Theory]
    [InlineData("numpy_port.py", "numpy")]
    [InlineData("torch_port.py", "torch", "distributions")]
    [InlineData("torch_port.py", "torch", "spec")]
    public void Port_passes_every_test(string script, string name, string? klForm = null)
    {
        using var folder = new TempFolder();
        string results = folder.File(name + ".json");
        string[] args = ["--vectors", Repo.Vectors, "--out", results];
        Tool.Result port = Tool.RunPython(script, klForm is null ? args : [.. args, "--kl-form", klForm]);
        Assert.True(port.ExitCode == 0, port.ToString());

        Tool.Result check = Tool.Run("check", "--vectors", Repo.Vectors, "--results", results);
        Assert.True(check.ExitCode == 0, check.ToString());
        Assert.Contains($"(port: {name} ", check.Stdout, StringComparison.Ordinal);
        Assert.Matches(@"latent check: (\d+) tests, \1 passed, 0 failed: all pass", check.StdoutLines[^1]);

        // The table has one row per file: five definitions and two derivative files, in four formats.
        Assert.Equal(1 + 1 + 28 + 1, check.StdoutLines.Length);
        Assert.DoesNotContain("FAIL ", check.Stdout, StringComparison.Ordinal);
        Assert.True(new FileInfo(results).Length > 1000);
    }
}

using System;
using System.IO;
using Latent.Golden.Tests.Support;
using Xunit;

namespace Latent.Golden.Tests;

/// <summary>
/// The NumPy and PyTorch ports in <c>ports/python</c> (Debian's python3-numpy and python3-torch, which <c>.ci/run</c>
/// installs) read the committed vectors, compute in the file's format, and pass <c>latent check</c>.
/// </summary>
public sealed class PortTests
{
    [Theory]
    [InlineData("numpy_port.py", "numpy")]
    [InlineData("torch_port.py", "torch")]
    public void Port_passes_every_test(string script, string name)
    {
        using var folder = new TempFolder();
        string results = folder.File(name + ".json");
        Tool.Result port = Tool.RunPython(script, "--vectors", Repo.Vectors, "--out", results);
        Assert.True(port.ExitCode == 0, port.ToString());

        Tool.Result check = Tool.Run("check", "--vectors", Repo.Vectors, "--results", results);
        Assert.True(check.ExitCode == 0, check.ToString());
        Assert.Contains($"(port: {name} ", check.Stdout, StringComparison.Ordinal);
        Assert.Matches(@"latent check: (\d+) tests, \1 passed, 0 failed: all pass", check.StdoutLines[^1]);

        // The table has one row per definition and format.
        Assert.Equal(1 + 1 + 20 + 1, check.StdoutLines.Length);
        Assert.DoesNotContain("FAIL ", check.Stdout, StringComparison.Ordinal);
        Assert.True(new FileInfo(results).Length > 1000);
    }
}

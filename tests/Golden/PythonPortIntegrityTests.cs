using System;
using System.IO;
using Latent.Golden.Tests.Support;
using Xunit;

namespace Latent.Golden.Tests;

/// <summary>
/// The Python ports read a set the way <c>latent check</c> does: only as MANIFEST.json vouches for it; and
/// <c>--self-check</c> is a verdict, exit 1 when any test fails, 0 when all pass.
/// </summary>
public sealed class PythonPortIntegrityTests
{
    [Fact]
    public void A_tampered_file_is_refused_by_the_python_reader()
    {
        using var copy = new SetCopy();
        copy.Replace("expTensor.f64.json", "\"default\":{\"tolerance\":[\"0x3CCC000000000000\"]", "\"default\":{\"tolerance\":[\"0x3FCC000000000000\"]");
        using var results = new TempFolder();
        Tool.Result r = Tool.RunPython("numpy_port.py", "--vectors", copy.Path, "--out", results.File("r.json"));
        Assert.True(r.ExitCode == 2, r.ToString());
        Assert.Contains("expTensor.f64.json: SHA-256 differs from MANIFEST.json's", r.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(results.File("r.json")));
    }

    [Fact]
    public void An_unlisted_file_is_refused_by_the_python_reader()
    {
        using var copy = new SetCopy();
        File.Copy(copy.File("halfTensor.f64.json"), copy.File("halfTensor.f64 (copy).json"));
        using var results = new TempFolder();
        Tool.Result r = Tool.RunPython("numpy_port.py", "--vectors", copy.Path, "--out", results.File("r.json"));
        Assert.True(r.ExitCode == 2, r.ToString());
        Assert.Contains("'halfTensor.f64 (copy).json': not listed in MANIFEST.json", r.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Self_check_of_a_faithful_port_exits_0()
    {
        using var results = new TempFolder();
        Tool.Result r = Tool.RunPython("numpy_port.py", "--vectors", Repo.Vectors, "--out", results.File("r.json"), "--self-check");
        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.Contains("self-check: 0 failed", r.Stdout, StringComparison.Ordinal);
    }
}

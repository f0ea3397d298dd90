using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using Xunit;

namespace Latent.Cli.Tests;

/// <summary>
/// The install path the README shows gives a <c>latent</c> command: the tool is packed from the built project and
/// installed with <c>dotnet tool install --tool-path</c> into a fresh folder, whose <c>latent</c> then runs.
/// </summary>
public sealed class InstallTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "latent-install-" + Guid.NewGuid().ToString("N"));

    public InstallTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Pack_and_tool_install_give_a_latent_command()
    {
        // A version of its own, and a package folder of its own, so that no cached Latent.Tool of an earlier build is installed.
        string version = "0.0.0-install-test." + Guid.NewGuid().ToString("N");
        string project = Path.Combine(RepoRoot(), "src", "Latent.Cli", "Latent.Cli.csproj");
        string packages = Path.Combine(_folder, "pkg"), tools = Path.Combine(_folder, "tools");
        Run("dotnet", ["pack", project, "-c", Configuration(), "--no-build", "--no-restore", "-o", packages, "-p:PackageVersion=" + version, "--nologo"]);
        Run("dotnet", ["tool", "install", "--tool-path", tools, "--add-source", packages, "Latent.Tool", "--version", version]);

        string latent = Path.Combine(tools, "latent");
        (int code, string stdout, _) = Run(latent, ["--help"]);
        Assert.Equal(0, code);
        Assert.Contains("Usage:\n  latent [command] [options]", stdout, StringComparison.Ordinal);
        (int alone, _, string stderr) = Run(latent, [], check: false);
        Assert.Equal(2, alone);
        Assert.Contains("latent [command]", stderr, StringComparison.Ordinal);
    }

    private (int Code, string Stdout, string Stderr) Run(string file, IEnumerable<string> args, bool check = true)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = _folder };
        foreach (string a in args)
        {
            start.ArgumentList.Add(a);
        }

        start.Environment["NUGET_PACKAGES"] = Path.Combine(_folder, "nuget");
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        using Process process = Process.Start(start) ?? throw new InvalidOperationException("could not start " + file);
        var stdout = process.StandardOutput.ReadToEndAsync();
        string stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        string output = stdout.GetAwaiter().GetResult();
        Assert.True(!check || process.ExitCode == 0, $"{file} {string.Join(' ', args)}: exit {process.ExitCode}\n{output}\n{stderr}");
        return (process.ExitCode, output, stderr);
    }

    /// <summary>The configuration these tests were built in: the tool was built in the same one, so it can be packed without building.</summary>
    private static string Configuration() =>
        AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Debug{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Debug" : "Release";

    private static string RepoRoot()
    {
        for (DirectoryInfo? d = new(AppContext.BaseDirectory); d is not null; d = d.Parent)
        {
            if (File.Exists(Path.Combine(d.FullName, "Latent.sln")))
            {
                return d.FullName;
            }
        }

        throw new InvalidOperationException("Latent.sln not found above " + AppContext.BaseDirectory);
    }
}

using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace Latent.Analyzers.Tests.Support;

/// <summary>
/// A throw-away project in a temporary directory, built with the real <c>dotnet build</c> against the Latent.dll and
/// Latent.Analyzers.dll that sit beside the tests. Nothing is written inside the repository.
/// </summary>
internal sealed partial class ScratchProject : IDisposable
{
    private ScratchProject(string directory) => Directory = directory;

    public string Directory { get; }

    public static ScratchProject Create()
    {
        string directory = Path.Combine(Path.GetTempPath(), "latent-scratch-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(directory);
        var project = new ScratchProject(directory);

        // Empty Directory.Build.* files stop MSBuild from importing anything from the directories above.
        project.Write("Directory.Build.props", "<Project />");
        project.Write("Directory.Build.targets", "<Project />");
        project.Write("Scratch.csproj", $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>disable</ImplicitUsings>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                <EnableNETAnalyzers>false</EnableNETAnalyzers>
              </PropertyGroup>
              <ItemGroup>
                <Reference Include="Latent" HintPath="{Path.Combine(AppContext.BaseDirectory, "Latent.dll")}" />
                <Analyzer Include="{Path.Combine(AppContext.BaseDirectory, "Latent.Analyzers.dll")}" />
                <AdditionalFiles Include="spec/**/*.lean" />
              </ItemGroup>
            </Project>
            """);
        return project;
    }

    public void Write(string relativePath, string text)
    {
        string path = Path.Combine(Directory, relativePath);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    /// <summary>Runs <c>dotnet build</c> once and returns its exit code and the distinct error lines it printed.</summary>
    public BuildResult Build()
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = Directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in new[] { "build", "Scratch.csproj", "-nologo", "-clp:NoSummary", "--disable-build-servers", "-nodeReuse:false", "-p:UseSharedCompilation=false" })
        {
            start.ArgumentList.Add(argument);
        }

        // The test host's MSBuild variables would point the child build at the outer build's state.
        foreach (string key in start.Environment.Keys.Where(k => k.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(key);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using Process process = Process.Start(start) ?? throw new InvalidOperationException("could not start dotnet");
        var stderr = process.StandardError.ReadToEndAsync();
        string stdout = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("dotnet build of the scratch project took more than 5 minutes");
        }

        string output = stdout + stderr.GetAwaiter().GetResult();
        List<BuildError> errors = output.Split('\n')
            .Select(line => ErrorLine().Match(line.TrimEnd('\r')))
            .Where(m => m.Success)
            .Select(m => new BuildError(Path.GetFileName(m.Groups["file"].Value), int.Parse(m.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture), m.Groups["id"].Value, m.Groups["message"].Value))
            .Distinct()
            .ToList();
        return new BuildResult(process.ExitCode, errors, output);
    }

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A temporary directory left behind is harmless.
        }
    }

    [GeneratedRegex(@"^(?<file>[^\s(][^(]*)\((?<line>\d+),\d+\): error (?<id>[A-Z]+\d+): (?<message>.*?)(?: \(docs/rules/[A-Z0-9]+\.md\))? \[[^\]]*\]$")]
    private static partial Regex ErrorLine();
}

/// <summary>One <c>file(line,col): error ID: message</c> line of the build output.</summary>
internal sealed record BuildError(string File, int Line, string Id, string Message);

/// <summary>The exit code, the errors and the full output (for failure messages) of one build.</summary>
internal sealed record BuildResult(int ExitCode, IReadOnlyList<BuildError> Errors, string Output);

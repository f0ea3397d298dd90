using System;
using System.Diagnostics;
using System.IO;
using System.Text.RegularExpressions;

namespace Latent.Bench;

/// <summary>Wall times of the <c>latent</c> tool's jobs, run as real processes (startup and JIT included, as a user sees them).</summary>
internal static partial class Tools
{
    public static string Root { get; } = FindRoot();

    public static string Cli => Path.Combine(Root, "src", "Latent.Cli", "bin", "Release", "net10.0", "Latent.Cli.dll");

    public static (double Seconds, string Stdout) Run(string file, params string[] args)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Root };
        foreach (string a in args)
        {
            info.ArgumentList.Add(a);
        }

        // The peers' BLAS must not be steered by this shell's tuning variables (they only matter to OpenBLAS).
        info.Environment.Remove("OPENBLAS_CORETYPE");
        info.Environment.Remove("OPENBLAS_L2_SIZE");
        var clock = Stopwatch.StartNew();
        using Process p = Process.Start(info)!;
        string stdout = p.StandardOutput.ReadToEnd();
        string stderr = p.StandardError.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} exited {p.ExitCode}: {stderr}");
        }

        return (clock.Elapsed.TotalSeconds, stdout);
    }

    /// <summary><c>latent drt</c> cases per second over all definitions and both formats.</summary>
    public static (double CasesPerSecond, long Cases, double Seconds) Drt(long casesPerDefinitionAndFormat)
    {
        string cx = Path.Combine(Path.GetTempPath(), "latent-bench-drt.json");
        (double seconds, string stdout) = Run("dotnet", Cli, "drt", "--cases", casesPerDefinitionAndFormat.ToString(System.Globalization.CultureInfo.InvariantCulture), "--counterexamples", cx);
        long cases = long.Parse(DrtCases().Match(stdout).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        return (cases / seconds, cases, seconds);
    }

    public static double Golden()
    {
        string dir = Directory.CreateTempSubdirectory("latent-bench-golden-").FullName;
        try
        {
            return Run("dotnet", Cli, "golden", "--out", dir).Seconds;
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    public static double Check()
    {
        string results = Path.Combine(Path.GetTempPath(), "latent-bench-numpy.json");
        string vectors = Path.Combine(Root, "vectors", "v2");
        Run("/usr/bin/python3", Path.Combine(Root, "ports", "python", "numpy_port.py"), "--vectors", vectors, "--out", results);
        return Run("dotnet", Cli, "check", "--vectors", vectors, "--results", results).Seconds;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Latent.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Latent.sln not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"drt: (\d+) cases")]
    private static partial Regex DrtCases();
}

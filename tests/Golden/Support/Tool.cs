using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using Latent.Cli;

namespace Latent.Golden.Tests.Support;

/// <summary>Runs the <c>latent</c> tool in process or as a real process, and Debian's Python for the ports.</summary>
internal static class Tool
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr)
    {
        public string[] StdoutLines => Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);

        public string[] StderrLines => Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);

        public override string ToString() => $"exit {ExitCode}\nstdout:\n{Stdout}\nstderr:\n{Stderr}";
    }

    /// <summary>The Python that has Debian's python3-numpy and python3-torch.</summary>
    public const string Python = "/usr/bin/python3";

    public static Result Run(params string[] args)
    {
        using var stdout = new StringWriter { NewLine = "\n" };
        using var stderr = new StringWriter { NewLine = "\n" };
        int code = LatentApp.Run(args, stdout, stderr);
        return new Result(code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>Starts the built tool (<c>dotnet Latent.Cli.dll</c>, copied beside the tests) without waiting.</summary>
    public static Process Start(params string[] args)
    {
        var start = Info("dotnet", [Path.Combine(AppContext.BaseDirectory, "Latent.Cli.dll"), .. args], AppContext.BaseDirectory);
        return Process.Start(start) ?? throw new InvalidOperationException("could not start dotnet");
    }

    public static Result RunProcess(params string[] args) => Wait(Start(args));

    /// <summary>Runs the built tool with <paramref name="stdin"/> as its standard input.</summary>
    public static Result RunProcessWithInput(string stdin, params string[] args)
    {
        var start = Info("dotnet", [Path.Combine(AppContext.BaseDirectory, "Latent.Cli.dll"), .. args], AppContext.BaseDirectory);
        start.RedirectStandardInput = true;
        Process process = Process.Start(start) ?? throw new InvalidOperationException("could not start dotnet");
        process.StandardInput.Write(stdin);
        process.StandardInput.Close();
        return Wait(process);
    }

    /// <summary>Runs a script of <c>ports/python</c> with Debian's Python.</summary>
    public static Result RunPython(string script, params string[] args) =>
        Wait(Process.Start(Info(Python, [Path.Combine(Repo.Ports, script), .. args], Repo.Ports)) ?? throw new InvalidOperationException("could not start " + Python));

    public static Result Wait(Process process)
    {
        ArgumentNullException.ThrowIfNull(process);
        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            string stderr = process.StandardError.ReadToEnd();
            process.WaitForExit();
            return new Result(process.ExitCode, stdout.GetAwaiter().GetResult(), stderr);
        }
    }

    private static ProcessStartInfo Info(string file, IEnumerable<string> args, string workingDirectory)
    {
        var start = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        foreach (string a in args)
        {
            start.ArgumentList.Add(a);
        }

        return start;
    }
}

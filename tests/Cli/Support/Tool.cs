using System;
using System.Diagnostics;
using System.IO;

namespace Latent.Cli.Tests.Support;

/// <summary>Runs the <c>latent</c> command line, in process or as a real process, and captures what it prints.</summary>
internal static class Tool
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr)
    {
        public string[] StdoutLines => Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);

        public string[] StderrLines => Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    public static Result Run(params string[] args)
    {
        using var stdout = new StringWriter { NewLine = "\n" };
        using var stderr = new StringWriter { NewLine = "\n" };
        int code = LatentApp.Run(args, stdout, stderr);
        return new Result(code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>Starts the built tool (<c>dotnet Latent.Cli.dll</c>, copied beside the tests) as a separate process.</summary>
    public static Result RunProcess(params string[] args) => RunProcessIn(null, args);

    /// <summary>Runs the built tool as a process in <paramref name="workingDirectory"/> (the current one when null).</summary>
    public static Result RunProcessIn(string? workingDirectory, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? "",
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Latent.Cli.dll"));
        foreach (string a in args)
        {
            start.ArgumentList.Add(a);
        }

        using Process process = Process.Start(start) ?? throw new InvalidOperationException("could not start dotnet");
        var stdoutTask = process.StandardOutput.ReadToEndAsync();
        string stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return new Result(process.ExitCode, stdoutTask.GetAwaiter().GetResult(), stderr);
    }
}

using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using Latent.Golden.Generation;

namespace Latent.Cli.Golden;

/// <summary><c>latent golden --verify DIR</c>: prints each difference, then one summary line; exit 0, 1 (differences) or 2 (no or bad manifest).</summary>
internal static class GoldenVerifyRunner
{
    public static int Run(string directory, GoldenIo io)
    {
        string? folder = SetVerifier.FindSetFolder(directory) ?? throw new UsageException($"no MANIFEST.json in {directory} or {Path.Combine(directory, Latent.Golden.GoldenVersion.Folder)}");
        var clock = Stopwatch.StartNew();

        // A malformed manifest or an unreadable file is an InputErrorException: LatentApp prints it, exit 2.
        IReadOnlyList<string> problems = SetVerifier.Verify(folder, out Manifest manifest, done => io.Progress($"latent golden --verify: {done} tests re-derived"));
        io.EndProgress();
        foreach (string problem in problems)
        {
            io.Output.WriteLine(problem);
        }

        string verdict = problems.Count == 0 ? "identical" : $"{problems.Count} differences";
        io.Output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"latent golden --verify: {folder}: {manifest.Files.Count} files, {verdict} (re-derived in {clock.Elapsed.TotalSeconds:F1} s)"));
        return problems.Count == 0 ? ExitCodes.Success : ExitCodes.CheckFailed;
    }
}

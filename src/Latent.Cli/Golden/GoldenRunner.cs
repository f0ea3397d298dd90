using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Threading;
using Latent.Golden;
using Latent.Golden.Generation;
using Latent.Golden.Reading;
using Latent.Golden.Writing;

namespace Latent.Cli.Golden;

/// <summary>
/// Writes a set: checks the target first, builds every file and the manifest in a private staging folder, and renames
/// the finished folder into place (<see cref="SetPlacement"/>). SIGINT and SIGTERM stop the run and remove the staging
/// folder; the target is then untouched.
/// </summary>
internal static class GoldenRunner
{
    public static int Run(string outDir, GoldenOptions options, bool replace, GoldenIo io)
    {
        string target = Path.Combine(outDir, GoldenVersion.Folder);
        string shown = SafeText.Escape(target);
        string? staging = null;
        using var stop = new CancellationTokenSource();
        using PosixSignalRegistration interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using PosixSignalRegistration terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        void Stop(PosixSignalContext context)
        {
            context.Cancel = true;
            stop.Cancel();
        }

        var clock = Stopwatch.StartNew();
        int total = GoldenSet.TotalTests(options);
        int filesWritten = 0;
        IReadOnlyList<GeneratedFile> files;
        try
        {
            SetPlacement.CheckTarget(target, replace);
            staging = SetPlacement.CreateStaging(target);
            files = GoldenSet.Generate(
                options,
                onFileDone: file =>
                {
                    stop.Token.ThrowIfCancellationRequested();
                    AtomicFile.Write(Path.Combine(staging, file.FileName), file.Bytes);
                    Interlocked.Increment(ref filesWritten);
                },
                onTests: done => io.Progress($"latent golden: {done}/{total} tests, {Volatile.Read(ref filesWritten)} files written"),
                cancellation: stop.Token);
            stop.Token.ThrowIfCancellationRequested();
            AtomicFile.Write(Path.Combine(staging, ManifestWriter.FileName), ManifestWriter.Write(options, files));
            SetPlacement.Publish(staging, target, replace);
            staging = null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Abandon(staging, io);
            throw new UsageException($"cannot write the set to {shown}: {SafeText.Excerpt(e.Message)}", e);
        }
        catch (UsageException)
        {
            Abandon(staging, io);
            throw;
        }
        catch (OperationCanceledException)
        {
            Abandon(staging, io);
            io.Error.WriteLine($"latent: golden: interrupted after {filesWritten} files; {shown} was not changed");
            return ExitCodes.Interrupted;
        }

        io.EndProgress();
        long bytes = files.Sum(f => (long)f.Bytes.Length);
        io.Output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"latent golden: wrote {files.Count} files, {files.Sum(f => f.Tests)} tests, {bytes / 1e6:F1} MB and {ManifestWriter.FileName} to {shown} in {clock.Elapsed.TotalSeconds:F1} s (generator {GoldenVersion.Generator}, seed {SeedText.Format(options.Seed)}, count {options.Count})"));
        return MirrorCheck.Report(files, io.Error);
    }

    private static void Abandon(string? staging, GoldenIo io)
    {
        AtomicFile.RemovePending();
        io.EndProgress();
        try
        {
            SetPlacement.Discard(staging);
        }
        catch (IOException)
        {
            // Left behind: the next run removes staging folders of processes that are gone.
        }
    }
}

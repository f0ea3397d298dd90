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
using Latent.Golden.Writing;

namespace Latent.Cli.Golden;

/// <summary>
/// Writes a set: removes the old manifest (so a set with a manifest is always complete), writes each file atomically as
/// soon as it is built, then the manifest, atomically, last. SIGINT and SIGTERM stop the run and remove any temporary file.
/// </summary>
internal static class GoldenRunner
{
    public static int Run(string outDir, GoldenOptions options, GoldenIo io)
    {
        string folder = Path.Combine(outDir, GoldenVersion.Folder);
        try
        {
            Directory.CreateDirectory(folder);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"cannot create {folder}: {e.Message}", e);
        }

        AtomicFile.RemoveStale(folder);
        string manifestPath = Path.Combine(folder, ManifestWriter.FileName);
        if (File.Exists(manifestPath))
        {
            File.Delete(manifestPath);
        }

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
            files = GoldenSet.Generate(
                options,
                onFileDone: file =>
                {
                    stop.Token.ThrowIfCancellationRequested();
                    AtomicFile.Write(Path.Combine(folder, file.FileName), file.Bytes);
                    Interlocked.Increment(ref filesWritten);
                },
                onTests: done => io.Progress($"latent golden: {done}/{total} tests, {Volatile.Read(ref filesWritten)} files written"),
                cancellation: stop.Token);
            stop.Token.ThrowIfCancellationRequested();
            AtomicFile.Write(manifestPath, ManifestWriter.Write(options, files));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            AtomicFile.RemovePending();
            io.EndProgress();
            throw new UsageException($"cannot write the set to {folder}: {e.Message}", e);
        }
        catch (OperationCanceledException)
        {
            AtomicFile.RemovePending();
            io.EndProgress();
            io.Error.WriteLine($"latent: golden: interrupted after {filesWritten} complete files; no partial file and no manifest were left");
            return 130;
        }

        io.EndProgress();
        long bytes = files.Sum(f => (long)f.Bytes.Length);
        io.Output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"latent golden: wrote {files.Count} files, {files.Sum(f => f.Tests)} tests, {bytes / 1e6:F1} MB and {ManifestWriter.FileName} to {folder} in {clock.Elapsed.TotalSeconds:F1} s (generator {GoldenVersion.Generator}, seed 0x{options.Seed:X16}, count {options.Count})"));
        return MirrorCheck.Report(files, io.Error);
    }
}

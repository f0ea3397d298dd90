using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using Latent.Golden.Tests.Support;
using Xunit;

namespace Latent.Golden.Tests;

/// <summary>
/// A generation killed midway leaves the target folder untouched: the set is built in a staging folder beside it and
/// renamed into place only when complete. SIGTERM removes the staging folder; after SIGKILL the next run removes it.
/// </summary>
public sealed class InterruptTests
{
    /// <summary>Enough random tests that the run lasts several seconds after its first file is written.</summary>
    private const string LongCount = "6000";

    [Fact]
    public void Sigterm_midway_leaves_no_set_and_no_staging_folder()
    {
        using var folder = new TempFolder();
        string set = Path.Combine(folder.Path, GoldenVersion.Folder);
        using Process process = Tool.Start("golden", "--out", folder.Path, "--count", LongCount);
        WaitForFirstStagedFile(process, folder.Path);
        using (Process kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            kill.WaitForExit();
        }

        Tool.Result r = Tool.Wait(process);
        Assert.True(r.ExitCode == 130, r.ToString());
        Assert.Contains("interrupted after", r.Stderr, StringComparison.Ordinal);
        Assert.Contains("was not changed", r.Stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(set), "a set folder appeared although the run was interrupted");
        Assert.Empty(Directory.EnumerateFileSystemEntries(folder.Path));
    }

    [Fact]
    public void Sigterm_midway_keeps_the_previous_set_intact()
    {
        using var folder = new TempFolder();
        Assert.Equal(0, Tool.Run("golden", "--out", folder.Path, "--count", "2").ExitCode);
        using Process process = Tool.Start("golden", "--out", folder.Path, "--count", LongCount, "--replace");
        WaitForFirstStagedFile(process, folder.Path);
        using (Process kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            kill.WaitForExit();
        }

        Assert.Equal(130, Tool.Wait(process).ExitCode);
        Tool.Result verify = Tool.Run("golden", "--verify", folder.Path);
        Assert.True(verify.ExitCode == 0, verify.ToString());
        Assert.Equal(2, Latent.Golden.Generation.ManifestReader.Read(Path.Combine(folder.Path, GoldenVersion.Folder, "MANIFEST.json")).Options.Count);
    }

    [Fact]
    public void Sigkill_midway_leaves_no_set_and_the_next_run_removes_the_staging_folder()
    {
        using var folder = new TempFolder();
        string set = Path.Combine(folder.Path, GoldenVersion.Folder);
        using Process process = Tool.Start("golden", "--out", folder.Path, "--count", LongCount);
        WaitForFirstStagedFile(process, folder.Path);
        process.Kill();
        process.WaitForExit();
        Assert.NotEqual(0, process.ExitCode);
        Assert.False(Directory.Exists(set));
        Assert.Single(Directory.EnumerateDirectories(folder.Path, $".{GoldenVersion.Folder}.*.tmp"));

        // The next run removes the staging folder of the killed process and writes the whole set.
        Tool.Result again = Tool.Run("golden", "--out", folder.Path, "--count", "3");
        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Equal([set], Directory.EnumerateFileSystemEntries(folder.Path));
        Tool.Result verify = Tool.Run("golden", "--verify", folder.Path);
        Assert.True(verify.ExitCode == 0, verify.ToString());
    }

    private static void WaitForFirstStagedFile(Process process, string outDir)
    {
        var clock = Stopwatch.StartNew();
        while (!Directory.EnumerateDirectories(outDir, $".{GoldenVersion.Folder}.*.tmp").Any(d => Directory.EnumerateFiles(d, "*.json").Any()))
        {
            Assert.False(process.HasExited, "the generation ended before a file was written");
            Assert.True(clock.Elapsed < TimeSpan.FromMinutes(3), "no file was written within 3 minutes");
            Thread.Sleep(20);
        }

        Assert.False(process.HasExited, "the generation finished before it could be interrupted; raise LongCount");
    }
}

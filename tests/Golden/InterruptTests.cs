using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading;
using Latent.Golden.Tests.Support;
using Xunit;

namespace Latent.Golden.Tests;

/// <summary>
/// A generation killed midway leaves only complete files under their final names, and no manifest: files are written to a
/// temporary name, flushed and renamed, and MANIFEST.json comes last.
/// </summary>
public sealed class InterruptTests
{
    /// <summary>Enough random tests that the run lasts several seconds after its first file is written.</summary>
    private const string LongCount = "6000";

    [Fact]
    public void Sigterm_midway_leaves_complete_files_no_temporary_file_and_no_manifest()
    {
        using var folder = new TempFolder();
        string set = Path.Combine(folder.Path, GoldenVersion.Folder);
        using Process process = Tool.Start("golden", "--out", folder.Path, "--count", LongCount);
        WaitForFirstFile(process, set);
        using (Process kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            kill.WaitForExit();
        }

        Tool.Result r = Tool.Wait(process);
        Assert.True(r.ExitCode == 130, r.ToString());
        Assert.Contains("interrupted after", r.Stderr, StringComparison.Ordinal);
        AssertOnlyCompleteFiles(set);
        Assert.Empty(Directory.EnumerateFiles(set, "*.tmp", new EnumerationOptions { AttributesToSkip = 0 }));
    }

    [Fact]
    public void Sigkill_midway_leaves_complete_files_and_the_next_run_completes_the_set()
    {
        using var folder = new TempFolder();
        string set = Path.Combine(folder.Path, GoldenVersion.Folder);
        using Process process = Tool.Start("golden", "--out", folder.Path, "--count", LongCount);
        WaitForFirstFile(process, set);
        process.Kill();
        process.WaitForExit();
        Assert.NotEqual(0, process.ExitCode);
        AssertOnlyCompleteFiles(set);

        // The next run removes any temporary file a kill may have left and writes the whole set.
        Tool.Result again = Tool.Run("golden", "--out", folder.Path, "--count", "3");
        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Empty(Directory.EnumerateFiles(set, "*.tmp", new EnumerationOptions { AttributesToSkip = 0 }));
        Assert.Equal(0, Tool.Run("golden", "--verify", folder.Path).ExitCode);
    }

    private static void WaitForFirstFile(Process process, string set)
    {
        var clock = Stopwatch.StartNew();
        while (!(Directory.Exists(set) && Directory.EnumerateFiles(set, "*.json").Any()))
        {
            Assert.False(process.HasExited, "the generation ended before a file was written");
            Assert.True(clock.Elapsed < TimeSpan.FromMinutes(3), "no file was written within 3 minutes");
            Thread.Sleep(20);
        }

        Assert.False(process.HasExited, "the generation finished before it could be interrupted; raise LongCount");
    }

    /// <summary>Every file under a final name parses and holds as many tests as its header says; there is no manifest.</summary>
    private static void AssertOnlyCompleteFiles(string set)
    {
        Assert.False(File.Exists(Path.Combine(set, "MANIFEST.json")), "a manifest was written although the set is incomplete");
        string[] files = Directory.GetFiles(set, "*.json");
        Assert.NotEmpty(files);
        Assert.True(files.Length < 10, "every file was written: the run was not interrupted midway");
        foreach (string file in files)
        {
            using JsonDocument document = JsonDocument.Parse(File.ReadAllBytes(file));
            int declared = document.RootElement.GetProperty("numberOfTests").GetInt32();
            int present = document.RootElement.GetProperty("testGroups").EnumerateArray().Sum(g => g.GetProperty("tests").GetArrayLength());
            Assert.Equal(declared, present);
        }
    }
}

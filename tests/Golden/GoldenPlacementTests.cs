using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using Latent.Golden.Conformance;
using Latent.Golden.Tests.Support;
using Xunit;

namespace Latent.Golden.Tests;

/// <summary>
/// <c>latent golden</c> never mixes two sets in one folder: a folder that already holds files is refused unless
/// <c>--replace</c> is given, which replaces the set as a whole (no stale file survives), and two runs racing into one
/// folder leave one complete set that verifies, never a manifest whose hashes do not match the files.
/// </summary>
public sealed class GoldenPlacementTests
{
    private static readonly string[] Seeds = ["1", "2", "3", "4"];

    [Fact]
    public void A_folder_that_holds_a_set_is_refused_without_replace()
    {
        using var folder = new TempFolder();
        Assert.Equal(0, Tool.Run("golden", "--out", folder.Path, "--count", "1").ExitCode);
        byte[] manifest = File.ReadAllBytes(Path.Combine(folder.Path, GoldenVersion.Folder, "MANIFEST.json"));

        Tool.Result again = Tool.Run("golden", "--out", folder.Path, "--count", "2");
        Assert.True(again.ExitCode == 2, again.ToString());
        Assert.Contains("is not empty; pass --replace", Assert.Single(again.StderrLines), StringComparison.Ordinal);
        Assert.Equal(manifest, File.ReadAllBytes(Path.Combine(folder.Path, GoldenVersion.Folder, "MANIFEST.json")));
    }

    [Fact]
    public void Replace_leaves_no_stale_file_of_the_old_set()
    {
        using var folder = new TempFolder();
        string set = Path.Combine(folder.Path, GoldenVersion.Folder);
        Assert.Equal(0, Tool.Run("golden", "--out", folder.Path, "--count", "1").ExitCode);
        File.WriteAllText(Path.Combine(set, "notes.txt"), "a file of the old set");

        Tool.Result r = Tool.Run("golden", "--out", folder.Path, "--count", "1", "--format", "f64", "--replace");
        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.Empty(Directory.EnumerateFiles(set, "*.f32.json"));
        Assert.False(File.Exists(Path.Combine(set, "notes.txt")));
        Assert.Equal(8, Directory.EnumerateFiles(set).Count()); // five definitions, two derivative files, the manifest
        Assert.Equal(7, SetIntegrity.Read(set).Files.Count);
        Assert.Equal([set], Directory.EnumerateFileSystemEntries(folder.Path));
    }

    [Fact]
    public void An_empty_target_folder_is_filled()
    {
        using var folder = new TempFolder();
        Directory.CreateDirectory(Path.Combine(folder.Path, GoldenVersion.Folder));
        Assert.Equal(0, Tool.Run("golden", "--out", folder.Path, "--count", "1").ExitCode);
        Assert.Equal(28, SetIntegrity.Read(Path.Combine(folder.Path, GoldenVersion.Folder)).Files.Count);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Racing_runs_into_one_folder_leave_one_complete_set(bool replace)
    {
        using var folder = new TempFolder();
        string[] args(string seed) => replace
            ? ["golden", "--out", folder.Path, "--count", "40", "--seed", seed, "--replace"]
            : ["golden", "--out", folder.Path, "--count", "40", "--seed", seed];

        // Four processes with different seeds, started together: their files would differ if they interleaved.
        Process[] runs = [.. Seeds.Select(seed => Tool.Start(args(seed)))];
        Tool.Result[] results = [.. runs.Select(Tool.Wait)];

        Assert.All(results, r => Assert.True(r.ExitCode is 0 or 2, r.ToString()));
        if (replace)
        {
            Assert.All(results, r => Assert.True(r.ExitCode == 0, r.ToString()));
        }
        else
        {
            Assert.Single(results, r => r.ExitCode == 0);
            Assert.All(results.Where(r => r.ExitCode == 2), r => Assert.Contains("pass --replace", r.Stderr, StringComparison.Ordinal));
        }

        string set = Path.Combine(folder.Path, GoldenVersion.Folder);
        Assert.Equal(28, SetIntegrity.Read(set).Files.Count);
        Tool.Result verify = Tool.Run("golden", "--verify", folder.Path);
        Assert.True(verify.ExitCode == 0, verify.ToString());
        Assert.Equal([set], Directory.EnumerateFileSystemEntries(folder.Path));
    }
}

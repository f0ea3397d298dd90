using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using Latent.Golden.Generation;
using Latent.Golden.Tests.Support;
using Latent.Golden.Writing;
using Xunit;

namespace Latent.Golden.Tests;

/// <summary>
/// The released set is exactly what the generator makes: regenerated in memory, and by the main-job command run twice in
/// two folders, it is byte-identical to the committed files, whose hashes match the manifest.
/// </summary>
public sealed class RegenerationTests
{
    [Fact]
    public void Regenerated_set_is_byte_identical_to_the_committed_one()
    {
        IReadOnlyList<GeneratedFile> files = GoldenSet.Generate(GoldenOptions.Default);
        Manifest manifest = ManifestReader.Read(Path.Combine(Repo.Vectors, ManifestWriter.FileName));
        Assert.Equal(GoldenVersion.Generator, manifest.GeneratorVersion);
        Assert.Equal(files.Select(f => f.FileName), manifest.Files.Select(e => e.Path));
        foreach (GeneratedFile file in files)
        {
            byte[] committed = File.ReadAllBytes(Path.Combine(Repo.Vectors, file.FileName));
            Assert.True(committed.AsSpan().SequenceEqual(file.Bytes), $"{file.FileName} differs from the regenerated file: run the main-job command with --out vectors --replace");
            Assert.Equal(manifest.Files.Single(e => e.Path == file.FileName).Sha256, Convert.ToHexStringLower(SHA256.HashData(committed)));
        }

        Assert.Equal(ManifestWriter.Write(GoldenOptions.Default, files), File.ReadAllBytes(Path.Combine(Repo.Vectors, ManifestWriter.FileName)));
    }

    [Fact]
    public void Main_job_twice_in_two_folders_gives_the_committed_bytes()
    {
        using var first = new TempFolder();
        using var second = new TempFolder();
        Tool.Result a = Tool.RunProcess("golden", "--out", first.Path);
        Tool.Result b = Tool.Run("golden", "--out", second.Path);
        Assert.True(a.ExitCode == 0, a.ToString());
        Assert.True(b.ExitCode == 0, b.ToString());

        // One summary line, nothing else on standard output.
        Assert.Single(a.StdoutLines);
        Assert.StartsWith("latent golden: wrote 28 files, ", a.StdoutLines[0], StringComparison.Ordinal);
        foreach (string path in Directory.EnumerateFiles(Repo.Vectors))
        {
            string name = Path.GetFileName(path);
            byte[] committed = File.ReadAllBytes(path);
            Assert.Equal(committed, File.ReadAllBytes(Path.Combine(first.Path, GoldenVersion.Folder, name)));
            Assert.Equal(committed, File.ReadAllBytes(Path.Combine(second.Path, GoldenVersion.Folder, name)));
        }

        Assert.Equal(Directory.GetFiles(Repo.Vectors).Length, Directory.GetFiles(Path.Combine(first.Path, GoldenVersion.Folder)).Length);
    }

    [Fact]
    public void Verify_accepts_the_committed_set()
    {
        Tool.Result r = Tool.Run("golden", "--verify", Path.GetDirectoryName(Repo.Vectors)!);
        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.Contains("28 files, identical", r.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_reports_a_changed_file_a_stale_hash_a_missing_file_and_an_extra_file()
    {
        using var copy = new TempFolder();
        foreach (string path in Directory.EnumerateFiles(Repo.Vectors))
        {
            File.Copy(path, copy.File(Path.GetFileName(path)));
        }

        // One bit of one expected value changes in the KL file; the halfTensor file disappears; a stray file appears.
        string kl = copy.File("diagonalGaussianKlToStandard.f64.json");
        string text = File.ReadAllText(kl);
        int at = text.IndexOf("\"tcId\":7,", StringComparison.Ordinal);
        int bits = text.IndexOf("\"specCr\":{\"bits\":[\"0x", at, StringComparison.Ordinal) + "\"specCr\":{\"bits\":[\"0x".Length + 15;
        File.WriteAllText(kl, text[..bits] + (text[bits] == '0' ? '1' : '0') + text[(bits + 1)..]);
        File.Delete(copy.File("halfTensor.f32.json"));
        File.WriteAllText(copy.File("extra.json"), "{}");

        Tool.Result r = Tool.Run("golden", "--verify", copy.Path);
        Assert.True(r.ExitCode == 1, r.ToString());
        Assert.Contains("diagonalGaussianKlToStandard.f64.json: its SHA-256 differs from the manifest's", r.Stdout, StringComparison.Ordinal);
        Assert.Contains("diagonalGaussianKlToStandard.f64.json: differs from the regenerated file (first at line", r.Stdout, StringComparison.Ordinal);
        Assert.Contains(", tcId 7)", r.Stdout, StringComparison.Ordinal);
        Assert.Contains("halfTensor.f32.json: missing", r.Stdout, StringComparison.Ordinal);
        Assert.Contains("extra.json: not part of the set", r.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_without_a_manifest_is_bad_input()
    {
        using var empty = new TempFolder();
        Tool.Result r = Tool.Run("golden", "--verify", empty.Path);
        Assert.Equal(2, r.ExitCode);
        Assert.Single(r.StderrLines);
        Assert.Contains("no MANIFEST.json", r.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--seed", "12x")]
    [InlineData("--count", "-3")]
    [InlineData("--format", "f8")]
    public void Bad_generation_options_are_one_line_and_exit_2(string option, string value)
    {
        using var folder = new TempFolder();
        Tool.Result r = Tool.Run("golden", "--out", folder.Path, option, value);
        Assert.Equal(2, r.ExitCode);
        Assert.Single(r.StderrLines);
        Assert.Empty(Directory.EnumerateFileSystemEntries(folder.Path));
    }

    [Fact]
    public void A_write_failure_is_one_line_exit_2_and_leaves_nothing()
    {
        using var folder = new TempFolder();
        string notAFolder = folder.File("file");
        File.WriteAllText(notAFolder, "");
        Tool.Result r = Tool.Run("golden", "--out", Path.Combine(notAFolder, "sub"), "--count", "2");
        Assert.True(r.ExitCode == 2, r.ToString());
        Assert.Single(r.StderrLines);
        Assert.Contains("cannot write the set to", r.Stderr, StringComparison.Ordinal);
        Assert.Equal([notAFolder], Directory.EnumerateFileSystemEntries(folder.Path));
    }

    [Fact]
    public void Options_change_the_set_and_the_manifest_records_them()
    {
        using var folder = new TempFolder();
        Tool.Result r = Tool.Run("golden", "--out", folder.Path, "--seed", "0x2A", "--count", "5", "--format", "f32");
        Assert.True(r.ExitCode == 0, r.ToString());
        Manifest manifest = ManifestReader.Read(Path.Combine(folder.Path, GoldenVersion.Folder, ManifestWriter.FileName));
        Assert.Equal(0x2AUL, manifest.Options.Seed);
        Assert.Equal(5, manifest.Options.Count);
        Assert.Equal(["f32"], manifest.Options.Formats);
        Assert.All(manifest.Files, f => Assert.EndsWith(".f32.json", f.Path, StringComparison.Ordinal));
        Assert.NotEqual(
            File.ReadAllBytes(Path.Combine(Repo.Vectors, "expTensor.f32.json")),
            File.ReadAllBytes(Path.Combine(folder.Path, GoldenVersion.Folder, "expTensor.f32.json")));
        Assert.Equal(0, Tool.Run("golden", "--verify", folder.Path).ExitCode);
    }
}

using System;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Latent.Golden.Conformance;
using Latent.Golden.Tests.Support;
using Xunit;

namespace Latent.Golden.Tests;

/// <summary>
/// <c>latent check</c> checks a set only as its manifest vouches for it: a tampered value, a wrong manifest hash or size,
/// a missing file, a stale file or an extra copy is refused with exit 2 and one line naming the file, before any test is
/// judged; and the report ties the verdict to the set (generator version, manifest SHA-256).
/// </summary>
public sealed class SetIntegrityTests : IDisposable
{
    private const string ExpF64 = "expTensor.f64.json";

    /// <summary>Results files live apart from the set: beside it they would be unlisted *.json files themselves.</summary>
    private readonly TempFolder _results = new();

    public void Dispose() => _results.Dispose();

    [Fact]
    public void Widened_ranges_do_not_let_an_all_zero_port_pass()
    {
        using var copy = new SetCopy();
        string zeros = AllZeroResults(copy, ExpF64);

        // The real set fails such a port; with every lo/hi widened to -inf/+inf it would pass every test.
        Tool.Result honest = Tool.Run("check", "--vectors", copy.Path, "--results", zeros);
        Assert.True(honest.ExitCode == 1, honest.ToString());

        string text = File.ReadAllText(copy.File(ExpF64));
        text = Regex.Replace(text, "\"lo\":\\[\"0x[0-9A-F]{16}\"\\]", "\"lo\":[\"0xFFF0000000000000\"]");
        text = Regex.Replace(text, "\"hi\":\\[\"0x[0-9A-F]{16}\"\\]", "\"hi\":[\"0x7FF0000000000000\"]");
        File.WriteAllText(copy.File(ExpF64), text);

        AssertRefused(Tool.Run("check", "--vectors", copy.Path, "--results", zeros), ExpF64, "SHA-256");
    }

    [Fact]
    public void A_changed_tolerance_is_refused()
    {
        using var copy = new SetCopy();
        copy.Replace(ExpF64, "\"default\":{\"tolerance\":[\"0x3CCC000000000000\"]", "\"default\":{\"tolerance\":[\"0x3FCC000000000000\"]");
        AssertRefused(Tool.Run("check", "--vectors", copy.Path, "--results", EmptyResults()), ExpF64, "SHA-256");
    }

    [Fact]
    public void A_wrong_hash_in_the_manifest_is_refused()
    {
        using var copy = new SetCopy();
        string sha = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(copy.File(ExpF64))));
        copy.Replace("MANIFEST.json", sha, new string('0', 64));
        AssertRefused(Tool.Run("check", "--vectors", copy.Path, "--results", EmptyResults()), ExpF64, "MANIFEST.json lists 0000000000");
    }

    [Fact]
    public void A_wrong_size_in_the_manifest_is_refused()
    {
        using var copy = new SetCopy();
        long size = new FileInfo(copy.File(ExpF64)).Length;
        copy.Replace("MANIFEST.json", $"\"bytes\":{size},", $"\"bytes\":{size + 1},");
        AssertRefused(Tool.Run("check", "--vectors", copy.Path, "--results", EmptyResults()), ExpF64, $"{size} bytes, MANIFEST.json lists {size + 1}");
    }

    [Fact]
    public void A_wrong_test_count_in_the_manifest_is_refused()
    {
        using var copy = new SetCopy();
        copy.Replace("MANIFEST.json", "\"numberOfTests\":1034}", "\"numberOfTests\":1033}");
        AssertRefused(Tool.Run("check", "--vectors", copy.Path, "--results", EmptyResults()), ExpF64, "1034 tests, MANIFEST.json lists 1033");
    }

    [Fact]
    public void A_listed_file_that_is_missing_is_refused()
    {
        using var copy = new SetCopy();
        File.Delete(copy.File("quantizeAt.f32.json"));
        AssertRefused(Tool.Run("check", "--vectors", copy.Path, "--results", EmptyResults()), "quantizeAt.f32.json", "listed in MANIFEST.json but missing");
    }

    [Fact]
    public void A_set_without_a_manifest_is_refused()
    {
        using var copy = new SetCopy();
        File.Delete(copy.File("MANIFEST.json"));
        AssertRefused(Tool.Run("check", "--vectors", copy.Path, "--results", EmptyResults()), "no MANIFEST.json", "checked only against its manifest");
    }

    [Fact]
    public void A_stale_file_of_an_earlier_run_is_refused()
    {
        // A run with --format f64 into a folder where an earlier run also wrote f32 files.
        using var folder = new TempFolder();
        Tool.Result golden = Tool.Run("golden", "--out", folder.Path, "--format", "f64", "--count", "2");
        Assert.True(golden.ExitCode == 0, golden.ToString());
        string set = Path.Combine(folder.Path, GoldenVersion.Folder);
        File.Copy(Path.Combine(Repo.Vectors, "halfTensor.f32.json"), Path.Combine(set, "halfTensor.f32.json"));
        AssertRefused(Tool.Run("check", "--vectors", set, "--results", EmptyResults()), "halfTensor.f32.json", "not listed in MANIFEST.json");
    }

    [Theory]
    [InlineData("halfTensor.f64 (copy).json")]
    [InlineData("halfTensor.f64.JSON")]
    public void An_extra_copy_of_a_file_is_refused(string copyName)
    {
        using var copy = new SetCopy();
        File.Copy(copy.File("halfTensor.f64.json"), copy.File(copyName));
        AssertRefused(Tool.Run("check", "--vectors", copy.Path, "--results", EmptyResults()), copyName, "not listed in MANIFEST.json");
    }

    [Fact]
    public void The_report_names_the_generator_and_the_manifest_hash()
    {
        using var copy = new SetCopy();
        string sha = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(Path.Combine(Repo.Vectors, "MANIFEST.json"))));
        Tool.Result r = Tool.Run("check", "--vectors", Repo.Vectors, "--results", EmptyResults());
        Assert.True(r.ExitCode == 1, r.ToString());
        Assert.Contains($"(generator {GoldenVersion.Generator}, manifest sha256 {sha})", r.StdoutLines[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Every_reader_of_a_set_verifies_it_first()
    {
        using var copy = new SetCopy();
        copy.Replace(ExpF64, "\"default\":{\"tolerance\":[\"0x3CCC000000000000\"]", "\"default\":{\"tolerance\":[\"0x3FCC000000000000\"]");
        InputErrorException e = Assert.Throws<InputErrorException>(() => SetIntegrity.Read(copy.Path));
        Assert.StartsWith(ExpF64 + ": SHA-256 ", e.Message, StringComparison.Ordinal);
    }

    private static void AssertRefused(Tool.Result r, string file, string what)
    {
        Assert.True(r.ExitCode == 2, r.ToString());
        string line = Assert.Single(r.StderrLines);
        Assert.Empty(r.Stdout);
        Assert.Contains(file, line, StringComparison.Ordinal);
        Assert.Contains(what, line, StringComparison.Ordinal);
    }

    private string EmptyResults()
    {
        string path = _results.File("empty.json");
        File.WriteAllText(path, "{\"schema\":\"latent-results-v1\",\"files\":{}}");
        return path;
    }

    /// <summary>Results of a port that returns +0 for every element of <paramref name="file"/>.</summary>
    private string AllZeroResults(SetCopy copy, string file)
    {
        CheckedFile vectors = VectorReader.Read(copy.File(file));
        string zero = "\"0x" + new string('0', vectors.Format == "f64" ? 16 : 8) + "\"";
        var json = new StringBuilder("{\"schema\":\"latent-results-v1\",\"port\":\"zeros\",\"files\":{\"" + file + "\":{");
        json.AppendJoin(',', vectors.Tests.Select(t => $"\"{t.TcId}\":[{string.Join(',', Enumerable.Repeat(zero, t.Expected.Count))}]"));
        json.Append("}}}");
        string path = _results.File("zeros.json");
        File.WriteAllText(path, json.ToString());
        return path;
    }
}

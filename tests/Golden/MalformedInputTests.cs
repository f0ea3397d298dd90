using System;
using System.IO;
using System.Linq;
using System.Text;
using Latent.Golden.Tests.Support;
using Xunit;

namespace Latent.Golden.Tests;

/// <summary>
/// <c>latent check</c> never trusts its input: every malformed results or vector file is one line naming the file and the
/// JSON path, and exit code 2, never a crash or a stack trace.
/// </summary>
public sealed class MalformedInputTests
{
    private const string Head = "{\"schema\":\"latent-results-v1\",\"port\":\"t\",\"files\":{\"halfTensor.f64.json\":";
    private const string Zero = "\"0x0000000000000000\"";

    [Theory]
    [InlineData("not json", "$ (line 1")]
    [InlineData("", "$ (line 1")]
    [InlineData(Head + "{\"1\":[" + Zero + "]}", "$.files (line 1")] // truncated after the file's object
    [InlineData("[1, 2]", "$: expected an object")]
    [InlineData("{\"port\":\"t\",\"files\":{}}", "$.schema: missing")]
    [InlineData("{\"schema\":\"latent-results-v2\",\"files\":{}}", "$.schema: expected \"latent-results-v1\"")]
    [InlineData("{\"schema\":\"latent-results-v1\"}", "$.files: missing")]
    [InlineData("{\"schema\":\"latent-results-v1\",\"files\":{},\"extra\":1}", "$.extra: unknown property")]
    [InlineData("{\"schema\":\"latent-results-v1\",\"schema\":\"latent-results-v1\",\"files\":{}}", "$.schema: duplicate property")]
    [InlineData("{\"schema\":\"latent-results-v1\",\"files\":{\"nope.f64.json\":{}}}", "$.files[\"nope.f64.json\"]: not a vector file")]
    [InlineData(Head + "{},\"halfTensor.f64.json\":{}}}", "$.files[\"halfTensor.f64.json\"]: duplicate file")]
    [InlineData(Head + "{\"1\":[" + Zero + "],\"1\":[" + Zero + "]}}}", "$.files[\"halfTensor.f64.json\"][\"1\"]: duplicate tcId 1")]
    [InlineData(Head + "{\"999999\":[" + Zero + "]}}}", "[\"999999\"]: unknown tcId 999999")]
    [InlineData(Head + "{\"x1\":[" + Zero + "]}}}", "[\"x1\"]: a tcId must be a decimal integer")]
    [InlineData(Head + "{\"-1\":[" + Zero + "]}}}", "[\"-1\"]: a tcId must be a decimal integer")]
    [InlineData(Head + "{\"1\":[\"0xZZ00000000000000\"]}}}", "[\"1\"][0]: '0xZZ00000000000000' is not 0x and 16 hex digits")]
    [InlineData(Head + "{\"1\":[\"0x00000000\"]}}}", "[\"1\"][0]: '0x00000000' is not 0x and 16 hex digits")]
    [InlineData(Head + "{\"1\":[0]}}}", "[\"1\"][0]: expected a string, found a number")]
    [InlineData(Head + "{\"1\":[]}}}", "[\"1\"]: 0 result elements, but tcId 1 has 1")]
    [InlineData(Head + "{\"1\":" + Zero + "}}}", "[\"1\"]: expected an array of bit patterns, found a string")]
    [InlineData(Head + "[]}}", "$.files[\"halfTensor.f64.json\"]: expected an object of tcIds, found an array")]
    public void Malformed_results_are_exit_2_with_the_file_and_the_json_path(string results, string where)
    {
        using var folder = new TempFolder();
        string path = folder.File("port-results.json");
        File.WriteAllText(path, results, new UTF8Encoding(false));
        AssertBadInput(Tool.Run("check", "--vectors", Repo.Vectors, "--results", path), "port-results.json", where);
    }

    [Fact]
    public void A_huge_array_is_rejected_at_its_first_extra_element()
    {
        using var folder = new TempFolder();
        string path = folder.File("huge.json");
        File.WriteAllText(path, Head + "{\"1\":[" + string.Join(",", Enumerable.Repeat(Zero, 200_000)) + "]}}}");
        AssertBadInput(Tool.Run("check", "--vectors", Repo.Vectors, "--results", path), "huge.json", "[\"1\"][1]: more than the 1 result elements of tcId 1");
    }

    [Fact]
    public void Deep_nesting_is_rejected_not_followed()
    {
        using var folder = new TempFolder();
        string path = folder.File("deep.json");
        File.WriteAllText(path, Head + "{\"1\":" + new string('[', 100_000) + new string(']', 100_000) + "}}}");
        AssertBadInput(Tool.Run("check", "--vectors", Repo.Vectors, "--results", path), "deep.json", "[\"1\"][0]: expected a string, found an array");
    }

    [Fact]
    public void Nesting_beyond_the_depth_limit_is_a_json_error_with_a_path()
    {
        using var folder = new TempFolder();
        string path = folder.File("deeper.json");
        File.WriteAllText(path, "{\"schema\":\"latent-results-v1\",\"port\":" + new string('[', 50) + "}");
        AssertBadInput(Tool.Run("check", "--vectors", Repo.Vectors, "--results", path), "deeper.json", "$.port");
    }

    [Fact]
    public void A_results_file_over_the_size_limit_is_refused_before_reading()
    {
        using var folder = new TempFolder();
        string path = folder.File("big.json");
        using (var stream = new FileStream(path, FileMode.Create))
        {
            stream.SetLength(Latent.Golden.Conformance.ResultsReader.MaxBytes + 1); // sparse: no disk is used
        }

        AssertBadInput(Tool.Run("check", "--vectors", Repo.Vectors, "--results", path), "big.json", "more than the limit of 268435456 bytes");
    }

    [Fact]
    public void Missing_results_file_is_bad_input()
    {
        AssertBadInput(Tool.Run("check", "--vectors", Repo.Vectors, "--results", "/nonexistent/results.json"), "/nonexistent/results.json", "no such file");
    }

    [Fact]
    public void Results_for_some_tests_only_are_failures_not_errors()
    {
        using var folder = new TempFolder();
        string path = folder.File("partial.json");
        File.WriteAllText(path, Head + "{\"1\":[" + Zero + "]}}}");
        Tool.Result r = Tool.Run("check", "--vectors", Repo.Vectors, "--results", path, "--definition", "halfTensor", "--format", "f64");
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("FAIL halfTensor f64 tcId 2 [", r.Stdout, StringComparison.Ordinal);
        Assert.Contains("missing: no result for this tcId", r.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("tcId 1 [", r.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"tcId\":5,", "\"tcId\":4,", "duplicate tcId 4")]
    [InlineData("\"lo\":[\"0x", "\"lo\":[\"0xZ", "is not|expected 0x and 16 hex digits")]
    [InlineData("\"strict\":{\"tolerance\":", "\"strict\":{\"toleranc\":", "profiles.strict.tolerance: missing")]
    [InlineData("\"schema\": \"latent-golden-v2\"", "\"schema\": \"latent-golden-v9\"", "$.schema: expected \"latent-golden-v2\"")]
    [InlineData("\"schema\": \"latent-golden-v2\"", "\"schema\": \"latent-golden-v1\"", "is the previous major version")]
    [InlineData("\"testGroups\": [", "\"testGroups\": {", "not valid JSON")]
    public void Malformed_vector_files_are_bad_input_too(string original, string damaged, string what)
    {
        // The manifest is resealed, as by an attacker who edits it too: the integrity check passes and the parser must refuse.
        using var copy = new SetCopy();
        copy.Replace("halfTensor.f64.json", original, damaged);
        copy.Reseal("halfTensor.f64.json");
        using var results = new TempFolder();
        string empty = results.File("r.json");
        File.WriteAllText(empty, "{\"schema\":\"latent-results-v1\",\"files\":{}}");
        Tool.Result r = Tool.Run("check", "--vectors", copy.Path, "--results", empty);
        Assert.Equal(2, r.ExitCode);
        Assert.Single(r.StderrLines);
        Assert.Contains("halfTensor.f64.json: $", r.Stderr, StringComparison.Ordinal);
        Assert.Matches(what.Replace("$", "\\$", StringComparison.Ordinal).Replace("(", "\\(", StringComparison.Ordinal), r.Stderr);
    }

    private static void AssertBadInput(Tool.Result r, string file, string where)
    {
        Assert.True(r.ExitCode == 2, r.ToString());
        Assert.Single(r.StderrLines);
        Assert.Empty(r.Stdout);
        Assert.StartsWith("latent: ", r.Stderr, StringComparison.Ordinal);
        Assert.Contains(file, r.Stderr, StringComparison.Ordinal);
        Assert.Contains(where, r.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", r.Stderr, StringComparison.Ordinal);
    }
}

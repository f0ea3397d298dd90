using System;
using System.IO;
using System.Linq;
using System.Text;
using Latent.Golden.Conformance;
using Latent.Golden.Tests.Support;
using Xunit;

namespace Latent.Golden.Tests;

/// <summary>
/// Input an attacker or an accident supplies: devices and endless streams behind a path, garbage with terminal escape
/// sequences, data after the JSON value, a byte-order mark, standard input. Every read is bounded, every message is one
/// short escaped line, and nothing is accepted that is not exactly one results object.
/// </summary>
public sealed class HostileInputTests : IDisposable
{
    private const string Head = "{\"schema\":\"latent-results-v1\",\"port\":\"t\",\"files\":{\"halfTensor.f64.json\":";
    private const string OneResult = Head + "{\"1\":[\"0x0000000000000000\"]}}}";

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Results_from_dev_zero_are_refused_at_the_limit()
    {
        Tool.Result r = Tool.Run("check", "--vectors", Repo.Vectors, "--results", "/dev/zero");
        AssertOneLine(r, "/dev/zero: more than the limit of 268435456 bytes");
    }

    /// <summary>Set files are files on disk: a device, or a FIFO (whose open would block until someone writes), is refused before it is opened.</summary>
    [Theory]
    [InlineData("halfTensor.f64.json", "/dev/zero")]
    [InlineData("MANIFEST.json", "/dev/zero")]
    [InlineData("halfTensor.f64.json", "fifo")]
    [InlineData("MANIFEST.json", "fifo")]
    public void A_set_file_that_is_a_device_or_a_fifo_is_refused_unopened(string name, string kind)
    {
        using var copy = new SetCopy();
        File.Delete(copy.File(name));
        if (kind == "fifo")
        {
            using System.Diagnostics.Process mkfifo = System.Diagnostics.Process.Start("mkfifo", [copy.File(name)]);
            mkfifo.WaitForExit();
        }
        else
        {
            File.CreateSymbolicLink(copy.File(name), kind);
        }

        string expected = $"{name}: not a regular file (a pipe, a device or a socket)";
        AssertOneLine(Tool.Run("check", "--vectors", copy.Path, "--results", Write("r.json", OneResult)), expected);
        AssertOneLine(Tool.Run("golden", "--verify", copy.Path), expected);
    }

    /// <summary>Where ten megabytes of text with escape sequences go; {0} is the garbage, a JSON string.</summary>
    public static TheoryData<string, string> GarbagePlaces => new()
    {
        { "results", "{{\"schema\":{0}}}" },
        { "results", "{{\"schema\":\"latent-results-v1\",{0}:1}}" },
        { "results", "{{\"schema\":\"latent-results-v1\",\"files\":{{{0}:{{}}}}}}" },
        { "results", "{{\"schema\":\"latent-results-v1\",\"files\":{{\"halfTensor.f64.json\":{{\"1\":[{0}]}}}}}}" },
        { "results", "{{\"schema\":\"latent-results-v1\",\"files\":{{}}}} {0}" },
        { "results", "{0}" },
        { "manifest", "{{\"schema\":\"latent-golden-manifest-v1\",\"generatorVersion\":{0}}}" },
        { "manifest", "{{\"schema\":\"latent-golden-manifest-v1\",\"generatorVersion\":\"1.0.0\",\"seed\":{0}}}" },
        { "manifest", "{{\"schema\":\"latent-golden-manifest-v1\",\"generatorVersion\":\"1.0.0\",\"seed\":\"0x1\",\"count\":1,\"formats\":[{0}]}}" },
        { "manifest", "{{\"schema\":{0}}}" },
        { "manifest", "[{0}" },
    };

    [Theory]
    [MemberData(nameof(GarbagePlaces))]
    public void Garbage_is_not_echoed_back(string which, string template)
    {
        // Ten megabytes of text with escape sequences: the message quotes at most a short, escaped excerpt.
        string garbage = "\"" + string.Concat(Enumerable.Repeat("\u001b[31mred\u001b]0;title\u0007", 400_000)) + "\"";
        string content = string.Format(System.Globalization.CultureInfo.InvariantCulture, template, garbage);
        Tool.Result r;
        if (which == "results")
        {
            r = Tool.Run("check", "--vectors", Repo.Vectors, "--results", Write("garbage.json", content));
        }
        else
        {
            using var copy = new SetCopy();
            File.WriteAllText(copy.File("MANIFEST.json"), content);
            r = Tool.Run("check", "--vectors", copy.Path, "--results", Write("r.json", OneResult));
        }

        Assert.True(r.ExitCode == 2, $"exit {r.ExitCode}");
        string line = Assert.Single(r.StderrLines);
        Assert.True(line.Length < 600, $"{line.Length} characters: {line[..Math.Min(600, line.Length)]}");
        Assert.DoesNotContain('\u001b', r.Stderr);
        Assert.DoesNotContain('\u0007', r.Stderr);
        Assert.True(r.Stdout.Length == 0, "something on standard output");
    }

    [Fact]
    public void Malformed_json_with_escape_characters_is_quoted_escaped()
    {
        Tool.Result r = Tool.Run("check", "--vectors", Repo.Vectors, "--results", Write("esc.json", "{\"schema\":\u001b[2J}"));
        string line = AssertOneLine(r, "esc.json");
        Assert.DoesNotContain('\u001b', line);
    }

    [Fact]
    public void A_port_name_with_control_characters_is_printed_escaped()
    {
        string results = "{\"schema\":\"latent-results-v1\",\"port\":\"evil\\u001b[2J\\r\\u0007 port\",\"files\":{}}";
        Tool.Result r = Tool.Run("check", "--vectors", Repo.Vectors, "--results", Write("port.json", results));
        Assert.True(r.ExitCode == 1, r.ToString());
        Assert.Contains("(port: evil\\x1B[2J\\x0D\\x07 port)", r.StdoutLines[0], StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', r.Stdout);
        Assert.DoesNotContain('\r', r.Stdout);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData(" garbage")]
    [InlineData("\n{\"schema\":\"latent-results-v1\",\"files\":{}}")]
    [InlineData("]")]
    public void Data_after_the_results_object_is_refused(string trailer)
    {
        Tool.Result r = Tool.Run("check", "--vectors", Repo.Vectors, "--results", Write("trailing.json", OneResult + trailer), "--definition", "halfTensor", "--format", "f64");
        AssertOneLine(r, "trailing.json: $");
    }

    [Fact]
    public void Trailing_white_space_is_fine()
    {
        Tool.Result r = Tool.Run("check", "--vectors", Repo.Vectors, "--results", Write("ws.json", OneResult + " \n\t\r\n"), "--definition", "halfTensor", "--format", "f64");
        Assert.True(r.ExitCode == 1, r.ToString()); // tcId 2 and on are missing: a verdict, not an input error
    }

    [Fact]
    public void A_results_file_with_a_byte_order_mark_is_read()
    {
        string path = _folder.File("bom.json");
        File.WriteAllText(path, OneResult, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        Assert.Equal(0xEF, File.ReadAllBytes(path)[0]);
        Tool.Result r = Tool.Run("check", "--vectors", Repo.Vectors, "--results", path, "--definition", "halfTensor", "--format", "f64");
        Assert.True(r.ExitCode == 1, r.ToString());
        Assert.Contains("FAIL halfTensor f64 tcId 2 [", r.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void A_vector_file_and_a_manifest_with_a_byte_order_mark_are_read()
    {
        byte[] bom = [0xEF, 0xBB, 0xBF];
        byte[] vector = File.ReadAllBytes(Path.Combine(Repo.Vectors, "halfTensor.f64.json"));
        Assert.Equal(1027, VectorReader.Parse((byte[])[.. bom, .. vector], "halfTensor.f64.json").Tests.Count);
        byte[] manifest = File.ReadAllBytes(Path.Combine(Repo.Vectors, "MANIFEST.json"));
        Assert.Equal(28, Latent.Golden.Generation.ManifestReader.Parse((byte[])[.. bom, .. manifest], "MANIFEST.json").Files.Count);
    }

    [Fact]
    public void Invalid_utf8_is_an_input_error_naming_the_offset()
    {
        byte[] bytes = [.. Encoding.UTF8.GetBytes("{\"schema\":\"latent-results-v1\",\"port\":\""), 0xFF, .. Encoding.UTF8.GetBytes("\",\"files\":{}}")];
        string path = _folder.File("latin1.json");
        File.WriteAllBytes(path, bytes);
        AssertOneLine(Tool.Run("check", "--vectors", Repo.Vectors, "--results", path), "latin1.json: not UTF-8 (first bad byte at offset 38)");
    }

    /// <summary>
    /// A key given twice would be read differently by different JSON parsers (first or last wins): the C# checker and a
    /// Python port could then disagree about one hashed file. Every reader refuses duplicates.
    /// </summary>
    [Fact]
    public void Duplicate_keys_in_a_vector_file_or_a_manifest_are_refused()
    {
        byte[] vector = File.ReadAllBytes(Path.Combine(Repo.Vectors, "halfTensor.f64.json"));
        byte[] duplicated = [.. Encoding.UTF8.GetBytes("{\"format\":\"f32\","), .. vector[1..]];
        Assert.Contains("format", Assert.Throws<InputErrorException>(() => VectorReader.Parse(duplicated, "halfTensor.f64.json")).Message, StringComparison.Ordinal);
        byte[] manifest = File.ReadAllBytes(Path.Combine(Repo.Vectors, "MANIFEST.json"));
        byte[] twice = [.. Encoding.UTF8.GetBytes("{\"files\":[],"), .. manifest[1..]];
        Assert.Throws<InputErrorException>(() => Latent.Golden.Generation.ManifestReader.Parse(twice, "MANIFEST.json"));
    }

    [Fact]
    public void A_dash_reads_the_results_from_standard_input()
    {
        Tool.Result r = Tool.RunProcessWithInput(OneResult, "check", "--vectors", Repo.Vectors, "--results", "-", "--definition", "halfTensor", "--format", "f64");
        Assert.True(r.ExitCode == 1, r.ToString());
        Assert.Contains("results standard input (port: t)", r.StdoutLines[0], StringComparison.Ordinal);
    }

    [Fact]
    public void A_folder_given_as_results_is_an_input_error()
    {
        AssertOneLine(Tool.Run("check", "--vectors", Repo.Vectors, "--results", _folder.Path), "is a folder, not a file");
    }

    private string Write(string name, string content)
    {
        string path = _folder.File(name);
        File.WriteAllText(path, content, new UTF8Encoding(false));
        return path;
    }

    private static string AssertOneLine(Tool.Result r, string expected)
    {
        Assert.True(r.ExitCode == 2, r.ToString());
        string line = Assert.Single(r.StderrLines);
        Assert.StartsWith("latent: ", line, StringComparison.Ordinal);
        Assert.Contains(expected, line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", r.Stderr, StringComparison.Ordinal);
        return line;
    }
}

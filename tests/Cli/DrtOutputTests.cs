using System;
using System.IO;
using Latent.Cli.Tests.Support;
using Xunit;

namespace Latent.Cli.Tests;

/// <summary>
/// <c>latent drt</c> writes files only when asked, and checks the paths it was asked to write before it runs a case:
/// a typo in a folder name is exit 2 at once, not an internal error after the whole run.
/// </summary>
public sealed class DrtOutputTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "latent-drt-" + Guid.NewGuid().ToString("N"));

    public DrtOutputTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [InlineData("--counterexamples")]
    [InlineData("--markdown")]
    public void An_output_file_in_a_missing_folder_fails_before_any_case(string option)
    {
        string path = Path.Combine(_folder, "no-such-folder", "out");

        // The default volume would take minutes: an answer without the report shows that no case ran.
        Tool.Result r = Tool.Run("drt", option, path);
        Assert.Equal(2, r.ExitCode);
        Assert.Empty(r.Stdout);
        string line = Assert.Single(r.StderrLines);
        Assert.Contains($"{option} {path}: the folder {Path.GetDirectoryName(path)} does not exist", line, StringComparison.Ordinal);
    }

    [Fact]
    public void An_output_path_that_is_a_folder_fails_before_any_case()
    {
        Tool.Result r = Tool.Run("drt", "--counterexamples", _folder);
        Assert.Equal(2, r.ExitCode);
        Assert.Empty(r.Stdout);
        Assert.Contains("is a folder; give a file name", Assert.Single(r.StderrLines), StringComparison.Ordinal);
    }

    [Fact]
    public void A_markdown_document_that_cannot_be_read_fails_before_any_case()
    {
        // The document whose generated block would be replaced is read through the bounded reader, before the run.
        Tool.Result r = Tool.Run("drt", "--markdown", "/dev/zero");
        Assert.Equal(2, r.ExitCode);
        Assert.Empty(r.Stdout);
        Assert.Contains("--markdown /dev/zero: more than the limit of 16777216 bytes", Assert.Single(r.StderrLines), StringComparison.Ordinal);
    }

    [Fact]
    public void Without_output_options_no_file_is_written()
    {
        Tool.Result r = Tool.RunProcessIn(_folder, "drt", "--cases", "20", "--definition", "halfTensor", "--format", "f64");
        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.Empty(Directory.EnumerateFileSystemEntries(_folder));
        Assert.DoesNotContain("counterexamples in", r.Stdout, StringComparison.Ordinal);
    }
}

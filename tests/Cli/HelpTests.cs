using System;
using Latent.Cli.Tests.Support;
using Xunit;

namespace Latent.Cli.Tests;

/// <summary>The help a new user meets: it says <c>latent</c>, lists the exit codes of every command, and answers a missing or unknown command.</summary>
public sealed class HelpTests
{
    [Fact]
    public void Latent_alone_prints_the_help_and_exits_2()
    {
        Tool.Result r = Tool.Run();
        Assert.Equal(2, r.ExitCode);
        Assert.Empty(r.Stdout);
        Assert.Contains("Usage:\n  latent [command] [options]", r.Stderr, StringComparison.Ordinal);
        Assert.Contains("check", r.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_command_names_it_then_prints_the_help_and_exits_2()
    {
        Tool.Result r = Tool.Run("frobnicate");
        Assert.Equal(2, r.ExitCode);
        Assert.Empty(r.Stdout);
        Assert.StartsWith("latent: Unrecognized command or argument 'frobnicate'", r.StderrLines[0], StringComparison.Ordinal);
        Assert.Contains("Usage:\n  latent [command] [options]", r.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("eval")]
    [InlineData("drt")]
    [InlineData("golden")]
    [InlineData("check")]
    public void Every_command_help_says_latent_and_lists_its_exit_codes(string command)
    {
        // A real process: under 'dotnet Latent.Cli.dll' the executable's name would show if the help used it.
        Tool.Result r = Tool.RunProcess(command, "--help");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains($"Usage:\n  latent {command}", r.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("Latent.Cli", r.Stdout, StringComparison.Ordinal);
        Assert.Contains("Exit codes: 0 ", r.Stdout, StringComparison.Ordinal);
        Assert.Contains("; 2 bad input", r.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("golden", "--verify <DIR>")]
    [InlineData("golden", "--seed <S>")]
    [InlineData("check", "--results <FILE>")]
    [InlineData("drt", "--counterexamples <FILE>")]
    public void Option_values_have_meaningful_names(string command, string shown)
    {
        Assert.Contains(shown, Tool.Run(command, "--help").Stdout, StringComparison.Ordinal);
    }
}

using System;
using System.IO;
using Latent.Cli.Tests.Support;
using Xunit;

namespace Latent.Cli.Tests;

/// <summary>One seed syntax everywhere: <c>drt</c> and <c>golden</c> take the same decimal or 0x-hex seed and refuse the same bad ones.</summary>
public sealed class SeedSyntaxTests
{
    [Fact]
    public void Drt_takes_the_hex_seed_golden_takes_and_it_means_the_same_number()
    {
        string[] run = ["drt", "--cases", "30", "--definition", "expTensor", "--format", "f32"];
        Tool.Result hex = Tool.Run([.. run, "--seed", "0x2A"]);
        Tool.Result dec = Tool.Run([.. run, "--seed", "42"]);
        Assert.True(hex.ExitCode == 0, hex.Stderr);
        Assert.Equal(dec.Stdout, hex.Stdout);
    }

    [Theory]
    [InlineData("0x")]
    [InlineData("-1")]
    [InlineData("1.5")]
    [InlineData("0x1FFFFFFFFFFFFFFFF")]
    [InlineData("18446744073709551616")]
    public void Drt_and_golden_refuse_the_same_bad_seed_with_the_same_message(string seed)
    {
        Tool.Result drt = Tool.Run("drt", "--seed", seed);
        string folder = Path.Combine(Path.GetTempPath(), "latent-seed-" + Guid.NewGuid().ToString("N"));
        Tool.Result golden = Tool.Run("golden", "--out", folder, "--seed", seed);
        Assert.False(Directory.Exists(folder));
        Assert.Equal(2, drt.ExitCode);
        Assert.Equal(2, golden.ExitCode);
        Assert.Equal(Assert.Single(drt.StderrLines), Assert.Single(golden.StderrLines));
        Assert.DoesNotContain("System.", drt.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Out_of_range_seeds_say_so()
    {
        Assert.Contains("is out of range", Tool.Run("drt", "--seed", "18446744073709551616").Stderr, StringComparison.Ordinal);
    }
}

using Latent.Cli.Tests.Support;
using Xunit;

namespace Latent.Cli.Tests;

/// <summary>Every kind of bad input prints exactly one line naming the problem, nothing on stdout, and exits 2.</summary>
public class BadInputTests
{
    public static TheoryData<string[], string> Cases => new()
    {
        { ["eval", "foo"], "unknown definition 'foo'" },
        { ["eval", "expTensor", "--x", "1,abc"], "'abc' is not a number" },
        { ["eval", "expTensor", "--x", "0x123456789ABCDEF01"], "not a f64 bit pattern" },
        { ["eval", "expTensor", "--format", "f32", "--x", "0x123456789"], "not a f32 bit pattern" },
        { ["eval", "reparameterizeDiag", "--mu", "0,1", "--logvar", "0", "--eps", "1,1"], "--logvar has 1 values but the shape [2] holds 2" },
        { ["eval", "diagonalGaussianKlToStandard", "--shape", "2,2", "--mu", "1,2,3", "--logvar", "0,0,0,0"], "--mu has 3 values but the shape [2, 2] holds 4" },
        { ["eval", "quantizeAt", "--codebook", "0,0;1,1;-1,0.5", "--index", "3"], "out of range: Code index 3 is outside [0, 3)" },
        { ["eval", "expTensor", "--shape", "99999999999", "--x", "1"], "--shape: dimension 99999999999 is out of range: at most 2147483647" },
        { ["golden", "--count", "2000000"], "--count 2000000 is out of range: expected 0 to 1000000" },
        { ["eval", "quantizeAt", "--codebook", "0,0;1,1;-1,0.5", "--index", "-1"], "Code index -1 is outside [0, 3)" },
        { ["eval", "quantizeAt", "--codebook", "0,0;1", "--index", "0"], "code 1 has 1 values but the shape [2] holds 2" },
        { ["eval", "quantizeAt", "--codebook", "0,0", "--index", "x"], "--index: 'x' is not an integer" },
        { ["eval", "quantizeAt", "--codebook", "0,0", "--index", "99999999999"], "--index: '99999999999' is out of range (the codebook has 1 codes)" },
        { ["eval", "expTensor", "--x", "1", "--mu", "2"], "--mu is not an input of expTensor" },
        { ["eval", "reparameterizeDiag", "--mu", "1", "--logvar", "0", "--eps", "0", "--empty-mean", "v3"], "--empty-mean is not an input of reparameterizeDiag" },
        { ["eval", "reparameterizeDiag", "--mu", "1", "--logvar", "0"], "--eps is required" },
        { ["eval", "expTensor", "--format", "f8", "--x", "1"], "f8" },
        { ["eval", "expTensor", "--shape", "2,-1", "--x", "1"], "not a shape" },
        { ["eval", "expTensor", "--x", "1", "--bogus"], "--bogus" },
        { ["eval"], "Required argument missing" },
        { ["eval", "expTensor", "--x", "1", "--x", "2"], "--x" },
        { ["eval", "expTensor", "--x", "0x3F800000"], "'0x3F800000' is not a f64 bit pattern: it has 8 hex digits, a f64 pattern has exactly 16" },
        { ["eval", "expTensor", "--format", "f32", "--x", "0x3FF0000000000000"], "is not a f32 bit pattern: it has 16 hex digits" },
        { ["eval", "expTensor", "--x", "1,-0x3F80"], "'-0x3F80' is not a f64 bit pattern" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Bad_input_prints_one_line_and_exits_2(string[] args, string expected)
    {
        Tool.Result r = Tool.Run(args);
        Assert.Equal(2, r.ExitCode);
        Assert.Equal("", r.Stdout);
        string line = Assert.Single(r.StderrLines);
        Assert.StartsWith("latent: ", line, System.StringComparison.Ordinal);
        Assert.Contains(expected, line, System.StringComparison.Ordinal);
    }

    [Fact]
    public void The_real_process_prints_no_stack_trace()
    {
        Tool.Result r = Tool.RunProcess("eval", "quantizeAt", "--codebook", "1;2", "--index", "7");
        Assert.Equal(2, r.ExitCode);
        string line = Assert.Single(r.StderrLines);
        Assert.Contains("Code index 7 is outside [0, 2)", line, System.StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", r.Stderr, System.StringComparison.Ordinal);
    }

    [Fact]
    public void The_real_process_reports_parse_errors_in_one_line()
    {
        Tool.Result r = Tool.RunProcess("eval", "nope", "--x", "1");
        Assert.Equal(2, r.ExitCode);
        Assert.Single(r.StderrLines);
        Assert.Equal("", r.Stdout);
    }

    [Fact]
    public void Help_exits_0()
    {
        Tool.Result r = Tool.Run("eval", "--help");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("--empty-mean", r.Stdout, System.StringComparison.Ordinal);
    }
}

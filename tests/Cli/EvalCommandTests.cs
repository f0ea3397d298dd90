using System;
using System.Linq;
using System.Text.Json;
using Latent.Cli.Tests.Support;
using Xunit;

namespace Latent.Cli.Tests;

/// <summary><c>latent eval</c>: results as bit patterns and shortest decimals, text or JSON.</summary>
public class EvalCommandTests
{
    [Fact]
    public void Kl_of_the_guide_example_is_0_078125()
    {
        Tool.Result r = Tool.Run("eval", "diagonalGaussianKlToStandard", "--mu", "0.5,-0.25", "--logvar", "0,0");
        Assert.Equal(0, r.ExitCode);
        Assert.Equal("", r.Stderr);
        Assert.Equal(["0x3FB4000000000000 0.078125"], r.StdoutLines);
    }

    [Fact]
    public void Reparameterize_with_minus_infinite_logvar_is_mu()
    {
        Tool.Result r = Tool.Run("eval", "reparameterizeDiag", "--mu", "0", "--logvar", "-inf", "--eps", "5");
        Assert.Equal(0, r.ExitCode);
        Assert.Equal(["0x0000000000000000 0"], r.StdoutLines);
    }

    [Fact]
    public void Empty_shape_kl_is_nan_in_v1_and_positive_zero_in_v3()
    {
        Tool.Result v1 = Tool.Run("eval", "diagonalGaussianKlToStandard", "--shape", "3,0", "--mu", "", "--logvar", "");
        Assert.Equal(0, v1.ExitCode);
        Assert.EndsWith(" nan", v1.StdoutLines[0], System.StringComparison.Ordinal);
        Tool.Result v3 = Tool.Run("eval", "diagonalGaussianKlToStandard", "--shape", "0", "--mu", "", "--logvar", "", "--empty-mean", "v3");
        Assert.Equal(["0x0000000000000000 0"], v3.StdoutLines);
    }

    [Fact]
    public void F32_prints_32_bit_patterns_and_float_shortest_decimals()
    {
        Tool.Result r = Tool.Run("eval", "halfTensor", "--format", "f32", "--x", "0.1,-0,0x00000001,inf");
        Assert.Equal(["0x3D4CCCCD 0.05", "0x80000000 -0", "0x00000000 0", "0x7F800000 inf"], r.StdoutLines);
    }

    [Fact]
    public void F16_and_bf16_print_16_bit_patterns_and_round_every_operation_into_the_format()
    {
        // halfTensor of the least binary16 subnormal rounds to +0 (ties to even); 65504 is binary16's largest value; 32752 prints as its shortest decimal, 32750.
        Tool.Result h = Tool.Run("eval", "halfTensor", "--format", "f16", "--x", "0x0001,0x0003,65504,-0");
        Assert.Equal(["0x0000 0", "0x0002 1E-07", "0x77FF 32750", "0x8000 -0"], h.StdoutLines);

        // exp is binary32's expf rounded once into the format (the platform's expf, found here at test time).
        Tool.Result e = Tool.Run("eval", "expTensor", "--format", "bf16", "--x", "1,-100");
        string Bits(float v) => "0x" + ((BitConverter.SingleToUInt32Bits(v) + 0x7FFF + ((BitConverter.SingleToUInt32Bits(v) >> 16) & 1)) >> 16).ToString("X4", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal([Bits(MathF.Exp(1)), Bits(MathF.Exp(-100))], e.StdoutLines.Select(l => l.Split(' ')[0]));

        Tool.Result kl = Tool.Run("eval", "diagonalGaussianKlToStandard", "--format", "f16", "--mu", "0.5,-0.25", "--logvar", "0,0", "--semantics", "exact");
        Assert.Equal(["0x2D00 0.0781"], kl.StdoutLines);
    }

    [Fact]
    public void Dual_semantics_prints_the_value_and_the_tangent_of_each_element()
    {
        // d KL / d logvar_0 = (e^0.1 - 1) / (2n) with n = 2; the value is the ordinary evaluation's, bit for bit.
        Tool.Result dual = Tool.Run("eval", "diagonalGaussianKlToStandard", "--mu", "0.5,-0.25", "--logvar", "0.1,0", "--dlogvar", "1,0", "--semantics", "dual");
        Tool.Result plain = Tool.Run("eval", "diagonalGaussianKlToStandard", "--mu", "0.5,-0.25", "--logvar", "0.1,0");
        Assert.True(dual.ExitCode == 0, dual.ToString());
        string[] parts = dual.StdoutLines[0].Split(' ');
        Assert.Equal(plain.StdoutLines[0], parts[0] + " " + parts[1]);
        double tangent = BitConverter.UInt64BitsToDouble(Convert.ToUInt64(parts[2][2..], 16));
        Assert.Equal(double.ExpM1(0.1) / 4, tangent, 1e-15);

        // dual-cr is the Lean text over dual numbers with correctly rounded primitives; a tangent of mu gives mu / n.
        Tool.Result cr = Tool.Run("eval", "diagonalGaussianKlToStandard", "--mu", "0.5,-0.25", "--logvar", "0,0", "--dmu", "0,1", "--semantics", "dual-cr", "--json");
        using JsonDocument doc = JsonDocument.Parse(cr.Stdout);
        Assert.Equal("-0.125", doc.RootElement.GetProperty("result")[0].GetProperty("tangent").GetProperty("value").GetString());

        // A tangent without a dual semantics, and a dual lookup, are bad input.
        Assert.Equal(2, Tool.Run("eval", "expTensor", "--x", "1", "--dx", "1").ExitCode);
        Assert.Equal(2, Tool.Run("eval", "quantizeAt", "--codebook", "0;1", "--index", "0", "--semantics", "dual").ExitCode);
    }

    [Fact]
    public void Json_has_definition_format_result_shape_and_elements()
    {
        Tool.Result r = Tool.Run("eval", "reparameterizeDiag", "--shape", "2,1", "--mu", "1,2", "--logvar", "0,0", "--eps", "0.5,-0", "--json");
        Assert.Equal(0, r.ExitCode);
        using JsonDocument doc = JsonDocument.Parse(r.Stdout);
        JsonElement root = doc.RootElement;
        Assert.Equal("reparameterizeDiag", root.GetProperty("definition").GetString());
        Assert.Equal("f64", root.GetProperty("format").GetString());
        Assert.Equal("[2,1]", root.GetProperty("shape").GetRawText());
        JsonElement[] result = [.. root.GetProperty("result").EnumerateArray()];
        Assert.Equal("0x3FF8000000000000", result[0].GetProperty("bits").GetString());
        Assert.Equal("1.5", result[0].GetProperty("value").GetString());
        Assert.Equal("2", result[1].GetProperty("value").GetString());
    }

    [Fact]
    public void Kl_json_reports_the_scalar_result_shape()
    {
        Tool.Result r = Tool.Run("eval", "diagonalGaussianKlToStandard", "--mu", "0.5,-0.25", "--logvar", "0x0000000000000000,0", "--json");
        Assert.Equal(
            """{"definition":"diagonalGaussianKlToStandard","format":"f64","shape":[],"result":[{"bits":"0x3FB4000000000000","value":"0.078125"}]}""",
            r.Stdout.Trim());
    }

    [Fact]
    public void QuantizeAt_returns_the_selected_code_and_accepts_the_qualified_name()
    {
        Tool.Result r = Tool.Run("eval", "Generative.Latent.quantizeAt", "--codebook", "0,0;1,1;-1,0.5", "--index", "2");
        Assert.Equal(["0xBFF0000000000000 -1", "0x3FE0000000000000 0.5"], r.StdoutLines);
    }

    [Fact]
    public void Scalar_shape_is_accepted()
    {
        Tool.Result r = Tool.Run("eval", "diagonalGaussianKlToStandard", "--shape", "scalar", "--mu", "1", "--logvar", "0");
        Assert.Equal(["0x3FE0000000000000 0.5"], r.StdoutLines);
    }

    [Fact]
    public void ExpTensor_uses_the_platform_exp()
    {
        Tool.Result r = Tool.Run("eval", "expTensor", "--x", "0,-inf,1");
        Assert.Equal(["0x3FF0000000000000 1", "0x0000000000000000 0", "0x4005BF0A8B145769 2.718281828459045"], r.StdoutLines);
    }
}

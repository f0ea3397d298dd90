using System;
using Latent.Ieee;
using Xunit;

namespace Latent.Properties;

/// <summary>Bit patterns and shortest round-trip decimals, the text forms of the CLI and the vector files.</summary>
public class IeeeTextTests
{
    [Theory]
    [InlineData("0.078125", 0x3FB4000000000000UL)]
    [InlineData("-0", 0x8000000000000000UL)]
    [InlineData("0", 0UL)]
    [InlineData("inf", 0x7FF0000000000000UL)]
    [InlineData("-INF", 0xFFF0000000000000UL)]
    [InlineData("nan", 0x7FF8000000000000UL)]
    [InlineData("-nan", 0xFFF8000000000000UL)]
    [InlineData("0x1", 1UL)]
    [InlineData("0x7ff4000000000123", 0x7FF4000000000123UL)]
    [InlineData("4.9e-324", 1UL)]
    [InlineData("1e400", 0x7FF0000000000000UL)]
    [InlineData(" 1.5 ", 0x3FF8000000000000UL)]
    public void Parses_f64(string text, ulong bits)
    {
        Assert.Null(IeeeText.TryParse<double, Binary64>(text, out double value));
        Assert.Equal(bits, BitConverter.DoubleToUInt64Bits(value));
    }

    [Theory]
    [InlineData("0.1", 0x3DCCCCCDU)]
    [InlineData("16777217", 0x4B800000U)]
    [InlineData("nan", 0x7FC00000U)]
    [InlineData("0x80000000", 0x80000000U)]
    public void Parses_f32_with_one_rounding(string text, uint bits)
    {
        Assert.Null(IeeeText.TryParse<float, Binary32>(text, out float value));
        Assert.Equal(bits, BitConverter.SingleToUInt32Bits(value));
    }

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("1,5")]
    [InlineData("0x")]
    [InlineData("0x1234567890ABCDEF0")]
    [InlineData("0xZZ")]
    [InlineData("Infinity1")]
    [InlineData("1_000")]
    [InlineData("∞")]
    public void Rejects_non_numbers(string text)
    {
        Assert.NotNull(IeeeText.TryParse<double, Binary64>(text, out _));
    }

    [Fact]
    public void Rejects_f32_patterns_wider_than_32_bits()
    {
        Assert.NotNull(IeeeText.TryParse<float, Binary32>("0x100000000", out _));
    }

    [Theory]
    [InlineData(0x3FB4000000000000UL, "0x3FB4000000000000", "0.078125")]
    [InlineData(0x8000000000000000UL, "0x8000000000000000", "-0")]
    [InlineData(0x7FF0000000000000UL, "0x7FF0000000000000", "inf")]
    [InlineData(0xFFF0000000000000UL, "0xFFF0000000000000", "-inf")]
    [InlineData(0x7FF4000000000123UL, "0x7FF4000000000123", "nan")]
    [InlineData(0x3FB999999999999AUL, "0x3FB999999999999A", "0.1")]
    public void Formats_f64_bits_and_shortest_decimal(ulong bits, string hex, string dec)
    {
        double v = BitConverter.UInt64BitsToDouble(bits);
        Assert.Equal(hex, IeeeText.FormatBits<double, Binary64>(v));
        Assert.Equal(dec, IeeeText.FormatDecimal(v));
    }

    [Fact]
    public void Shortest_decimals_round_trip_on_random_bits()
    {
        var random = new Random(7);
        for (int i = 0; i < 100_000; i++)
        {
            double v = BitConverter.Int64BitsToDouble(random.NextInt64(long.MinValue, long.MaxValue));
            if (double.IsNaN(v))
            {
                continue;
            }

            Assert.Null(IeeeText.TryParse<double, Binary64>(IeeeText.FormatDecimal(v), out double back));
            Assert.Equal(BitConverter.DoubleToUInt64Bits(v), BitConverter.DoubleToUInt64Bits(back));

            float f = BitConverter.Int32BitsToSingle(random.Next(int.MinValue, int.MaxValue));
            if (!float.IsNaN(f))
            {
                Assert.Null(IeeeText.TryParse<float, Binary32>(IeeeText.FormatDecimal(f), out float fb));
                Assert.Equal(BitConverter.SingleToUInt32Bits(f), BitConverter.SingleToUInt32Bits(fb));
            }
        }
    }
}

using System;
using FsCheck.Xunit;
using Latent.Ieee;
using Latent.Oracles;
using MathNet.Numerics;
using Xunit;

namespace Latent.Properties.Oracles;

/// <summary>
/// <see cref="UlpDistance"/> on the values where MathNet's <c>Precision.NumbersBetween</c> throws (NaN, ±∞) and where ULP
/// counting is easy to get wrong (±0, subnormals, the sign change), and agreement with MathNet on every pair of finite values.
/// </summary>
public class UlpDistanceTests
{
    private static ulong D64(double a, double b) => UlpDistance.Between<double, Binary64>(a, b);

    private static ulong D32(float a, float b) => UlpDistance.Between<float, Binary32>(a, b);

    [Fact]
    public void Signed_zeros_are_zero_apart()
    {
        Assert.Equal(0UL, D64(0.0, -0.0));
        Assert.Equal(0UL, D32(-0f, 0f));
    }

    [Fact]
    public void The_largest_finite_value_and_infinity_are_one_apart()
    {
        Assert.Equal(1UL, D64(double.MaxValue, double.PositiveInfinity));
        Assert.Equal(1UL, D64(double.NegativeInfinity, double.MinValue));
        Assert.Equal(1UL, D32(float.MaxValue, float.PositiveInfinity));
        Assert.Equal(2 * BitConverter.DoubleToUInt64Bits(double.PositiveInfinity), D64(double.NegativeInfinity, double.PositiveInfinity));
    }

    [Fact]
    public void Nan_is_zero_from_nan_and_unbounded_from_any_number()
    {
        double otherNan = BitConverter.UInt64BitsToDouble(0xFFF4_0000_0000_0001);
        Assert.Equal(0UL, D64(double.NaN, otherNan));
        Assert.Equal(UlpDistance.Unbounded, D64(double.NaN, 1.0));
        Assert.Equal(UlpDistance.Unbounded, D64(double.PositiveInfinity, double.NaN));
        Assert.Equal(UlpDistance.Unbounded, D32(float.NaN, 0f));
    }

    [Fact]
    public void Subnormals_are_counted_one_quantum_at_a_time()
    {
        Assert.Equal(1UL, D64(0.0, double.Epsilon));
        Assert.Equal(1UL, D64(-0.0, double.Epsilon));
        Assert.Equal(1UL, D64(BitConverter.UInt64BitsToDouble(0x000F_FFFF_FFFF_FFFF), BitConverter.UInt64BitsToDouble(0x0010_0000_0000_0000)));
        Assert.Equal(1UL, D32(float.Epsilon, 0f));
    }

    [Fact]
    public void Crossing_zero_counts_both_sides()
    {
        Assert.Equal(2UL, D64(-double.Epsilon, double.Epsilon));
        Assert.Equal(2 * BitConverter.DoubleToUInt64Bits(1.0), D64(-1.0, 1.0));
        Assert.Equal(2UL * BitConverter.SingleToUInt32Bits(1f), D32(1f, -1f));
        Assert.Equal(D64(-3.5, 2.0), D64(2.0, -3.5));
    }

    [Fact]
    public void MathNet_throws_where_ulp_distance_answers()
    {
        Assert.ThrowsAny<ArgumentException>(() => Precision.NumbersBetween(double.NaN, 1.0));
        Assert.ThrowsAny<ArgumentException>(() => Precision.NumbersBetween(double.MaxValue, double.PositiveInfinity));
        Assert.Equal(1UL, D64(double.MaxValue, double.PositiveInfinity));
    }

    /// <summary>On finite binary64 values (every class from bit patterns, signed zeros and subnormals included) the distance is
    /// MathNet's <c>NumbersBetween</c>.</summary>
    [Property(MaxTest = 5000)]
    public void Agrees_with_MathNet_on_finite_doubles(double a, double b)
    {
        if (double.IsFinite(a) && double.IsFinite(b))
        {
            Assert.Equal(Precision.NumbersBetween(a, b), D64(a, b));
        }
    }

    /// <summary>On finite binary32 values, MathNet's <c>AlmostEqualNumbersBetween(a, b, k)</c> holds exactly for k at least
    /// the distance (MathNet has no float <c>NumbersBetween</c>).</summary>
    [Property(MaxTest = 5000)]
    public void Agrees_with_MathNet_on_finite_floats(float a, float b)
    {
        if (!float.IsFinite(a) || !float.IsFinite(b))
        {
            return;
        }

        ulong d = D32(a, b);
        if (d < int.MaxValue)
        {
            Assert.True(Precision.AlmostEqualNumbersBetween(a, b, (int)Math.Max(d, 1)));
        }

        if (d >= 2 && d - 1 <= int.MaxValue)
        {
            Assert.False(Precision.AlmostEqualNumbersBetween(a, b, (int)(d - 1)));
        }
    }
}

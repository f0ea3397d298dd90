using System;
using Xunit;

namespace Latent.Properties;

/// <summary><see cref="Tensor{T}"/> holds row-major values of one shape and cannot be changed by callers.</summary>
public class TensorTests
{
    [Fact]
    public void Create_copies_the_values()
    {
        double[] values = [1, 2, 3, 4, 5, 6];
        Tensor<double> t = Tensor<double>.Create(Shape.Of(2, 3), values);
        values[0] = 99;
        Assert.Equal(1, t[0]);
        double[] copy = t.ToArray();
        copy[1] = 99;
        Assert.Equal(2, t[1]);
        Assert.Equal(6, t[Shape.Of(2, 3).OffsetOf(1, 2)]);
    }

    [Fact]
    public void Create_rejects_a_wrong_number_of_values()
    {
        var e = Assert.Throws<ArgumentException>(() => Tensor<double>.Create(Shape.Of(2, 3), new double[5]));
        Assert.Equal("values", e.ParamName);
        Assert.Contains("[2, 3]", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Scalar_and_vector_factories_set_the_shape()
    {
        Assert.Equal(Shape.Scalar, Tensor<float>.FromScalar(2f).Shape);
        Assert.Equal(Shape.Of(3), Tensor<float>.FromVector(1f, 2f, 3f).Shape);
        Assert.Equal(Shape.Of(0), Tensor<float>.FromVector().Shape);
    }
}

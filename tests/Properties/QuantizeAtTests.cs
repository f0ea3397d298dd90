using System;
using Latent.Properties.Support;
using Xunit;

namespace Latent.Properties;

/// <summary>quantizeAt is a lookup: it returns the embedding of the given code, bit for bit.</summary>
public class QuantizeAtTests
{
    private static readonly double OddNaN = BitConverter.UInt64BitsToDouble(0x7FF4_0000_0000_0123);

    private static Codebook<double> GuideBook() =>
        new(3, Shape.Of(2), [0, 0, 1, 1, -1, 0.5]);

    [Theory]
    [InlineData(0, 0.0, 0.0)]
    [InlineData(1, 1.0, 1.0)]
    [InlineData(2, -1.0, 0.5)]
    public void Returns_the_embedding_of_each_code_including_first_and_last(int idx, double a, double b)
    {
        Tensor<double> q = GenerativeLatent.QuantizeAt(GuideBook(), idx);
        Assert.Equal(Shape.Of(2), q.Shape);
        Same.Values([a, b], q.Span);
    }

    [Fact]
    public void Copies_every_bit_including_nan_payloads_and_negative_zero()
    {
        var book = new Codebook<double>(2, Shape.Of(2, 1), [1, 2, OddNaN, -0.0]);
        var destination = new double[2];
        GenerativeLatent.QuantizeAt(book, 1, destination);
        Assert.Equal(0x7FF4_0000_0000_0123UL, BitConverter.DoubleToUInt64Bits(destination[0]));
        Assert.Equal(0x8000_0000_0000_0000UL, BitConverter.DoubleToUInt64Bits(destination[1]));
    }

    [Fact]
    public void Works_for_scalar_and_empty_latent_shapes_and_float()
    {
        var scalarBook = new Codebook<float>(2, Shape.Scalar, [1.5f, -2.5f]);
        Tensor<float> q = GenerativeLatent.QuantizeAt(scalarBook, 1);
        Assert.Equal(Shape.Scalar, q.Shape);
        Assert.Equal(-2.5f, q[0]);

        var emptyBook = new Codebook<float>(4, Shape.Of(3, 0), []);
        Assert.Equal(0, GenerativeLatent.QuantizeAt(emptyBook, 3).Span.Length);
    }

    [Fact]
    public void The_codebook_keeps_its_own_copy()
    {
        double[] values = [1, 2];
        var book = new Codebook<double>(1, Shape.Of(2), values);
        values[0] = 99;
        Assert.Equal(1.0, book.Embedding(0)[0]);
    }
}

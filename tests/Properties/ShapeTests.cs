using System;
using Xunit;

namespace Latent.Properties;

/// <summary><see cref="Shape"/> mirrors Spec.Shape: scalar or a dimension over a shape, size the product, row-major layout.</summary>
public class ShapeTests
{
    [Fact]
    public void Scalar_has_size_one_and_rank_zero()
    {
        Assert.Equal(1, Shape.Scalar.Size);
        Assert.Equal(0, Shape.Scalar.Rank);
        Assert.Equal("[]", Shape.Scalar.ToString());
        Assert.Same(Shape.Scalar, Shape.Of());
    }

    [Fact]
    public void Dim_builds_outermost_first_like_of_list()
    {
        Shape built = Shape.Dim(2, Shape.Dim(3, Shape.Scalar));
        Assert.Equal(Shape.Of(2, 3), built);
        Assert.Equal(6, built.Size);
        Assert.Equal([2, 3], built.Dimensions);
        Assert.Equal("[2, 3]", built.ToString());
        Assert.True(built == Shape.Of(2, 3));
        Assert.True(built != Shape.Of(3, 2));
        Assert.Equal(built.GetHashCode(), Shape.Of(2, 3).GetHashCode());
    }

    [Fact]
    public void A_zero_dimension_makes_the_size_zero_even_beside_huge_dimensions()
    {
        Assert.Equal(0, Shape.Of(0).Size);
        Assert.Equal(0, Shape.Of(int.MaxValue, 0, int.MaxValue).Size);
    }

    [Fact]
    public void Offsets_are_row_major_with_the_last_dimension_fastest()
    {
        Shape s = Shape.Of(2, 3, 4);
        Assert.Equal(0, s.OffsetOf(0, 0, 0));
        Assert.Equal(1, s.OffsetOf(0, 0, 1));
        Assert.Equal(4, s.OffsetOf(0, 1, 0));
        Assert.Equal(12, s.OffsetOf(1, 0, 0));
        Assert.Equal(23, s.OffsetOf(1, 2, 3));
        Assert.Equal(0, Shape.Scalar.OffsetOf());
    }

    [Fact]
    public void Bad_shapes_and_indices_are_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Shape.Of(2, -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => Shape.Dim(-3, Shape.Scalar));
        Assert.Throws<ArgumentOutOfRangeException>(() => Shape.Of(65536, 65536));
        Assert.Throws<ArgumentException>(() => Shape.Of(2, 3).OffsetOf(1));
        Assert.Throws<ArgumentOutOfRangeException>(() => Shape.Of(2, 3).OffsetOf(1, 3));
    }
}

using System.Numerics;
using Latent.Properties.Support;
using Xunit;

namespace Latent.Properties;

/// <summary>
/// Every row of spec-facts §7.1 (check values derived by hand from the Lean order, exact in binary64 and binary32 and
/// independent of the C library, since they need only exp(±0) = 1, exp(+∞) = +∞ and exp(−∞) = +0), run in both formats.
/// </summary>
public abstract class SpecFactsTableTests<T>
    where T : IFloatingPointIeee754<T>
{
    private static T V(double value) => T.CreateChecked(value);

    private static T[] Vs(params double[] values) => System.Array.ConvertAll(values, V);

    private static T[] Reparameterize(T[] mu, T[] logvar, T[] eps)
    {
        var z = new T[mu.Length];
        GenerativeLatent.ReparameterizeDiag<T>(mu, logvar, eps, z);
        return z;
    }

    private static T Kl(T[] mu, T[] logvar, EmptyMeanConvention emptyMean = EmptyMeanConvention.V1) =>
        GenerativeLatent.DiagonalGaussianKlToStandard<T>(mu, logvar, emptyMean);

    [Fact]
    public void Guide_golden_mu_half_and_quarter_zero_noise()
    {
        Same.Values(Vs(0.5, -0.25), Reparameterize(Vs(0.5, -0.25), Vs(0, 0), Vs(0, 0)));
        Same.Value(V(0.078125), Kl(Vs(0.5, -0.25), Vs(0, 0)));
    }

    [Fact]
    public void Guide_golden_with_half_noise()
    {
        Same.Values(Vs(1.0, 0.25), Reparameterize(Vs(0.5, -0.25), Vs(0, 0), Vs(0.5, 0.5)));
        Same.Value(V(0.078125), Kl(Vs(0.5, -0.25), Vs(0, 0)));
    }

    [Fact]
    public void Standard_normal_posterior_returns_the_noise_and_zero_kl()
    {
        T[] eps = Vs(0.75, -3.5);
        Same.Values(eps, Reparameterize(Vs(0, 0), Vs(0, 0), eps));
        Same.Value(V(0.0), Kl(Vs(0, 0), Vs(0, 0)));
    }

    [Fact]
    public void Scalar_shape_mu_one()
    {
        Tensor<T> mu = Tensor<T>.FromScalar(V(1.0));
        Tensor<T> logvar = Tensor<T>.FromScalar(V(0.0));
        Tensor<T> z = GenerativeLatent.ReparameterizeDiag(mu, logvar, Tensor<T>.FromScalar(V(0.25)));
        Assert.Equal(Shape.Scalar, z.Shape);
        Same.Value(V(1.25), z[0]);
        Same.Value(V(0.5), GenerativeLatent.DiagonalGaussianKlToStandard(mu, logvar));
    }

    [Fact]
    public void Negative_zeros_stay_negative_in_z_but_the_fold_seed_makes_kl_positive_zero()
    {
        Same.Values(Vs(-0.0), Reparameterize(Vs(-0.0), Vs(0), Vs(-0.0)));
        Same.Value(V(0.0), Kl(Vs(-0.0), Vs(0)));
    }

    [Fact]
    public void Infinite_logvar_scales_the_noise_to_infinity_and_makes_kl_nan()
    {
        T inf = T.PositiveInfinity;
        Same.Values([inf, T.NegativeInfinity, T.NaN], Reparameterize(Vs(0, 0, 0), [inf, inf, inf], Vs(2, -2, 0)));
        Assert.True(T.IsNaN(Kl(Vs(0), [inf])));
    }

    [Fact]
    public void Minus_infinite_logvar_removes_the_noise_and_makes_kl_infinite()
    {
        T ninf = T.NegativeInfinity;
        Same.Values(Vs(0.0, -0.0, 3.0), Reparameterize(Vs(0, -0.0, 3), [ninf, ninf, ninf], Vs(5, -5, 7)));
        Same.Value(T.PositiveInfinity, Kl(Vs(0), [ninf]));
    }

    [Theory]
    [InlineData(new[] { 0 })]
    [InlineData(new[] { 3, 0 })]
    [InlineData(new[] { 0, 5, 2 })]
    public void Empty_shape_gives_an_empty_tensor_and_kl_nan_in_v1_and_positive_zero_in_v3(int[] dims)
    {
        Shape shape = Shape.Of(dims);
        Tensor<T> empty = Tensor<T>.Create(shape, []);
        Tensor<T> z = GenerativeLatent.ReparameterizeDiag(empty, empty, empty);
        Assert.Equal(shape, z.Shape);
        Assert.Equal(0, z.Span.Length);
        Assert.True(T.IsNaN(GenerativeLatent.DiagonalGaussianKlToStandard(empty, empty)));
        Assert.True(T.IsNaN(GenerativeLatent.DiagonalGaussianKlToStandard(empty, empty, EmptyMeanConvention.V1)));
        Same.Value(V(0.0), GenerativeLatent.DiagonalGaussianKlToStandard(empty, empty, EmptyMeanConvention.V3));
    }

    [Fact]
    public void V3_convention_changes_nothing_on_a_non_empty_shape()
    {
        T[] mu = Vs(0.5, -0.25, 3);
        T[] lv = Vs(0, 0, 0);
        Same.Value(Kl(mu, lv, EmptyMeanConvention.V1), Kl(mu, lv, EmptyMeanConvention.V3));
    }
}

/// <summary>spec-facts §7.1 in binary64 (Lean <c>Float</c>).</summary>
public sealed class SpecFactsTableF64Tests : SpecFactsTableTests<double>
{
}

/// <summary>spec-facts §7.1 in binary32 (Lean <c>Float32</c>).</summary>
public sealed class SpecFactsTableF32Tests : SpecFactsTableTests<float>
{
}

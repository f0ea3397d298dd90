using System;
using System.Numerics;
using Latent.Properties.Support;
using Xunit;

namespace Latent.Properties;

/// <summary>Special values of expTensor and halfTensor, signed zeros, and in-place use, in both formats.</summary>
public abstract class ElementwiseTests<T>
    where T : IFloatingPointIeee754<T>
{
    private static T[] Half(params T[] x)
    {
        var z = new T[x.Length];
        GenerativeLatent.HalfTensor<T>(x, z);
        return z;
    }

    private static T[] Exp(params T[] x)
    {
        var z = new T[x.Length];
        GenerativeLatent.ExpTensor<T>(x, z);
        return z;
    }

    [Fact]
    public void Half_keeps_signs_of_zeros_and_infinities()
    {
        Same.Values([T.Zero, T.NegativeZero, T.PositiveInfinity, T.NegativeInfinity], Half(T.Zero, T.NegativeZero, T.PositiveInfinity, T.NegativeInfinity));
        Assert.True(T.IsNaN(Half(T.NaN)[0]));
    }

    [Fact]
    public void Half_rounds_subnormal_results_to_nearest_even()
    {
        T tiny = T.Epsilon;                       // the smallest subnormal: its half is a tie between 0 and tiny
        T threeTiny = tiny + tiny + tiny;          // 1.5 tiny is a tie between tiny and 2 tiny: even is 2 tiny
        Same.Values([T.Zero, T.NegativeZero, tiny + tiny], Half(tiny, -tiny, threeTiny));
    }

    [Fact]
    public void Half_is_exact_on_normal_values()
    {
        Same.Values([T.CreateChecked(0.25), T.CreateChecked(-3.0), T.CreateChecked(Math.ScaleB(1.0, 99))], Half(T.CreateChecked(0.5), T.CreateChecked(-6.0), T.CreateChecked(Math.ScaleB(1.0, 100))));
    }

    [Fact]
    public void Exp_special_values_follow_annex_f()
    {
        Same.Values([T.One, T.One, T.PositiveInfinity, T.Zero], Exp(T.Zero, T.NegativeZero, T.PositiveInfinity, T.NegativeInfinity));
        Assert.True(T.IsNaN(Exp(T.NaN)[0]));
    }

    [Fact]
    public void Exp_overflows_to_infinity_and_underflows_to_zero()
    {
        T[] z = Exp(T.CreateChecked(1000.0), T.CreateChecked(-1000.0));
        Same.Values([T.PositiveInfinity, T.Zero], z);
    }

    [Fact]
    public void Kernels_may_write_over_their_own_input()
    {
        T[] x = [T.CreateChecked(1.5), T.CreateChecked(-2.0), T.NegativeZero];
        T[] expected = Half(x);
        GenerativeLatent.HalfTensor<T>(x, x);
        Same.Values(expected, x);

        T[] mu = [T.CreateChecked(0.5), T.CreateChecked(-1.0)];
        T[] lv = [T.CreateChecked(0.25), T.CreateChecked(-3.0)];
        T[] eps = [T.CreateChecked(1.5), T.CreateChecked(0.125)];
        var z = new T[2];
        GenerativeLatent.ReparameterizeDiag<T>(mu, lv, eps, z);
        foreach (T[] alias in new[] { mu, lv, eps })
        {
            T[] m = (T[])mu.Clone(), l = (T[])lv.Clone(), e = (T[])eps.Clone();
            T[] target = alias == mu ? m : alias == lv ? l : e;
            GenerativeLatent.ReparameterizeDiag<T>(m, l, e, target);
            Same.Values(z, target);
        }
    }

    [Fact]
    public void Longer_destination_receives_only_the_result_elements()
    {
        T sentinel = T.CreateChecked(42.0);
        T[] destination = [sentinel, sentinel, sentinel];
        GenerativeLatent.ExpTensor<T>([T.Zero], destination);
        Same.Values([T.One, sentinel, sentinel], destination);
    }

    [Fact]
    public void Tensor_forms_keep_the_shape_and_match_the_span_forms()
    {
        Shape shape = Shape.Of(2, 1, 2);
        T[] values = [T.CreateChecked(0.5), T.NegativeZero, T.CreateChecked(-7.25), T.CreateChecked(3.0)];
        Tensor<T> x = Tensor<T>.Create(shape, values);
        Tensor<T> e = GenerativeLatent.ExpTensor(x);
        Tensor<T> h = GenerativeLatent.HalfTensor(x);
        Assert.Equal(shape, e.Shape);
        Assert.Equal(shape, h.Shape);
        Same.Values<T>(Exp(values), e.Span);
        Same.Values<T>(Half(values), h.Span);
    }
}

/// <summary>Elementwise definitions in binary64.</summary>
public sealed class ElementwiseF64Tests : ElementwiseTests<double>
{
}

/// <summary>Elementwise definitions in binary32.</summary>
public sealed class ElementwiseF32Tests : ElementwiseTests<float>
{
}

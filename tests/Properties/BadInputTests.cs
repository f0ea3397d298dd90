using System;
using Xunit;

namespace Latent.Properties;

/// <summary>
/// Bad input fails loudly and names what is wrong: the parameter, both lengths or shapes, or the index and numCodes.
/// </summary>
public class BadInputTests
{
    private static void AssertMessageHas(Exception e, params string[] parts)
    {
        foreach (string part in parts)
        {
            Assert.Contains(part, e.Message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(3, 2, 3, "logvar", "2", "3")]
    [InlineData(3, 3, 4, "eps", "4", "3")]
    [InlineData(0, 1, 0, "logvar", "1", "0")]
    public void Reparameterize_rejects_inputs_of_different_lengths(int nMu, int nLogvar, int nEps, string param, string got, string want)
    {
        var e = Assert.Throws<ArgumentException>(() =>
            GenerativeLatent.ReparameterizeDiag<double>(new double[nMu], new double[nLogvar], new double[nEps], new double[8]));
        Assert.Equal(param, e.ParamName);
        AssertMessageHas(e, "reparameterizeDiag", $"{param} has {got} elements", $"mu has {want}");
    }

    [Fact]
    public void Kl_rejects_inputs_of_different_lengths()
    {
        var e = Assert.Throws<ArgumentException>(() => GenerativeLatent.DiagonalGaussianKlToStandard<float>(new float[2], new float[5]));
        Assert.Equal("logvar", e.ParamName);
        AssertMessageHas(e, "diagonalGaussianKlToStandard", "logvar has 5 elements", "mu has 2");
    }

    [Fact]
    public void Tensor_forms_reject_different_shapes_of_equal_size_and_name_both_shapes()
    {
        Tensor<double> a = Tensor<double>.Create(Shape.Of(2, 3), new double[6]);
        Tensor<double> b = Tensor<double>.Create(Shape.Of(3, 2), new double[6]);
        var e = Assert.Throws<ArgumentException>(() => GenerativeLatent.ReparameterizeDiag(a, a, b));
        Assert.Equal("eps", e.ParamName);
        AssertMessageHas(e, "eps has shape [3, 2]", "mu has shape [2, 3]");

        var k = Assert.Throws<ArgumentException>(() => GenerativeLatent.DiagonalGaussianKlToStandard(a, b));
        Assert.Equal("logvar", k.ParamName);
        AssertMessageHas(k, "logvar has shape [3, 2]", "mu has shape [2, 3]");

        Tensor<double> s = Tensor<double>.FromScalar(1);
        Tensor<double> v = Tensor<double>.FromVector(1);
        var sv = Assert.Throws<ArgumentException>(() => GenerativeLatent.DiagonalGaussianKlToStandard(s, v));
        AssertMessageHas(sv, "logvar has shape [1]", "mu has shape []");
    }

    [Fact]
    public void Every_kernel_rejects_a_too_short_destination()
    {
        double[] three = [1, 2, 3];
        var book = new Codebook<double>(1, Shape.Of(3), three);
        Action[] calls =
        [
            () => GenerativeLatent.ExpTensor<double>(three, new double[2]),
            () => GenerativeLatent.HalfTensor<double>(three, new double[2]),
            () => GenerativeLatent.ReparameterizeDiag<double>(three, three, three, new double[2]),
            () => GenerativeLatent.QuantizeAt(book, 0, new double[2]),
        ];
        foreach (Action call in calls)
        {
            var e = Assert.Throws<ArgumentException>(call);
            Assert.Equal("destination", e.ParamName);
            AssertMessageHas(e, "destination has 2 elements", "the result has 3");
        }
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 0)]
    [InlineData(2, 0)]
    public void Every_kernel_rejects_a_partially_overlapping_destination(int inputStart, int destinationStart)
    {
        double[] buffer = [0.5, 1, 2, 3, 4, 5, 6];
        ReadOnlySpan<double> Input() => buffer.AsSpan(inputStart, 4);
        Span<double> Destination() => buffer.AsSpan(destinationStart, 4);
        double[] other = [1, 1, 1, 1];

        Assert.Equal("destination", Assert.Throws<ArgumentException>(() => GenerativeLatent.ExpTensor<double>(Input(), Destination())).ParamName);
        Assert.Equal("destination", Assert.Throws<ArgumentException>(() => GenerativeLatent.HalfTensor<double>(Input(), Destination())).ParamName);
        var mu = Assert.Throws<ArgumentException>(() => GenerativeLatent.ReparameterizeDiag<double>(Input(), other, other, Destination()));
        AssertMessageHas(mu, "partially overlaps mu");
        var lv = Assert.Throws<ArgumentException>(() => GenerativeLatent.ReparameterizeDiag<double>(other, Input(), other, Destination()));
        AssertMessageHas(lv, "partially overlaps logvar");
        var eps = Assert.Throws<ArgumentException>(() => GenerativeLatent.ReparameterizeDiag<double>(other, other, Input(), Destination()));
        AssertMessageHas(eps, "partially overlaps eps");
    }

    [Fact]
    public void Partial_overlap_is_detected_before_anything_is_written()
    {
        double[] buffer = [0, 1, 2, 3, 4];
        Assert.Throws<ArgumentException>(() => GenerativeLatent.ExpTensor<double>(buffer.AsSpan(0, 4), buffer.AsSpan(1, 4)));
        Assert.Equal([0.0, 1, 2, 3, 4], buffer);
    }

    [Theory]
    [InlineData(-1, 3)]
    [InlineData(3, 3)]
    [InlineData(int.MaxValue, 3)]
    [InlineData(0, 0)]
    public void QuantizeAt_rejects_an_index_outside_the_codebook_and_names_index_and_num_codes(int idx, int numCodes)
    {
        var book = new Codebook<double>(numCodes, Shape.Of(2), new double[numCodes * 2]);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => GenerativeLatent.QuantizeAt(book, idx));
        Assert.Equal("idx", e.ParamName);
        Assert.Equal(idx, e.ActualValue);
        AssertMessageHas(e, $"Code index {idx}", $"[0, {numCodes})", $"numCodes = {numCodes}");
        Assert.Throws<ArgumentOutOfRangeException>(() => GenerativeLatent.QuantizeAt(book, idx, new double[2]));
    }

    [Fact]
    public void Codebook_rejects_a_wrong_number_of_values_and_negative_num_codes()
    {
        var e = Assert.Throws<ArgumentException>(() => new Codebook<double>(3, Shape.Of(2), new double[5]));
        Assert.Equal("embeddings", e.ParamName);
        AssertMessageHas(e, "3 codes of shape [2]", "holds 6 values", "5 were given");
        Assert.Throws<ArgumentOutOfRangeException>(() => new Codebook<double>(-1, Shape.Of(2), []));
    }

    [Fact]
    public void An_undefined_empty_mean_convention_is_rejected()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => GenerativeLatent.DiagonalGaussianKlToStandard<double>([1.0], [0.0], (EmptyMeanConvention)2));
        Assert.Equal("emptyMean", e.ParamName);
    }

    [Fact]
    public void Null_tensors_are_rejected_by_name()
    {
        Tensor<double> t = Tensor<double>.FromVector(1);
        Assert.Equal("logvar", Assert.Throws<ArgumentNullException>(() => GenerativeLatent.ReparameterizeDiag(t, null!, t)).ParamName);
        Assert.Equal("book", Assert.Throws<ArgumentNullException>(() => GenerativeLatent.QuantizeAt<double>(null!, 0)).ParamName);
    }
}

using Latent.Properties.Support;
using Xunit;

namespace Latent.Properties;

/// <summary>
/// The order of operations of each mirror, read off with <see cref="SymbolicContext"/> and compared with the Lean
/// bodies (spec-facts §1.3): left operands, left-associated sums, the zero-seeded row-major fold, one division, the
/// half applied last.
/// </summary>
public class EvaluationOrderTests
{
    [Fact]
    public void ExpTensor_is_exp_of_each_element()
    {
        var z = new string[2];
        GenerativeLatent.ExpTensor<string, SymbolicContext>(["x0", "x1"], z);
        Assert.Equal(["exp(x0)", "exp(x1)"], z);
    }

    [Fact]
    public void HalfTensor_multiplies_the_element_on_the_left_by_pointfive()
    {
        var z = new string[1];
        GenerativeLatent.HalfTensor<string, SymbolicContext>(["x0"], z);
        Assert.Equal("(x0 * 0.5)", z[0]);
    }

    [Fact]
    public void ReparameterizeDiag_is_mu_plus_exp_of_half_logvar_times_eps()
    {
        var z = new string[2];
        GenerativeLatent.ReparameterizeDiag<string, SymbolicContext>(["m0", "m1"], ["l0", "l1"], ["e0", "e1"], z);
        Assert.Equal(["(m0 + (exp((l0 * 0.5)) * e0))", "(m1 + (exp((l1 * 0.5)) * e1))"], z);
    }

    [Fact]
    public void Kl_folds_left_from_zero_then_divides_once_then_halves()
    {
        string kl = GenerativeLatent.DiagonalGaussianKlToStandard<string, SymbolicContext>(["m0", "m1", "m2"], ["l0", "l1", "l2"]);
        const string Per0 = "(((exp(l0) + (m0 * m0)) - 1) - l0)";
        const string Per1 = "(((exp(l1) + (m1 * m1)) - 1) - l1)";
        const string Per2 = "(((exp(l2) + (m2 * m2)) - 1) - l2)";
        Assert.Equal($"(0.5 * ((((0 + {Per0}) + {Per1}) + {Per2}) / 3))", kl);
    }

    [Fact]
    public void Kl_of_a_scalar_shape_still_adds_the_zero_seed()
    {
        string kl = GenerativeLatent.DiagonalGaussianKlToStandard<string, SymbolicContext>(["m"], ["l"]);
        Assert.Equal("(0.5 * ((0 + (((exp(l) + (m * m)) - 1) - l)) / 1))", kl);
    }

    [Fact]
    public void Kl_of_an_empty_shape_divides_the_seed_by_zero_in_v1_and_by_one_in_v3()
    {
        Assert.Equal("(0.5 * (0 / 0))", GenerativeLatent.DiagonalGaussianKlToStandard<string, SymbolicContext>([], [], EmptyMeanConvention.V1));
        Assert.Equal("(0.5 * (0 / 1))", GenerativeLatent.DiagonalGaussianKlToStandard<string, SymbolicContext>([], [], EmptyMeanConvention.V3));
    }

    [Fact]
    public void Kl_sums_in_row_major_order_of_a_rank_two_tensor()
    {
        Tensor<string> mu = Tensor<string>.Create(Shape.Of(2, 2), ["a", "b", "c", "d"]);
        Tensor<string> lv = Tensor<string>.Create(Shape.Of(2, 2), ["p", "q", "r", "s"]);
        string kl = GenerativeLatent.DiagonalGaussianKlToStandard<string, SymbolicContext>(mu, lv);
        int a = kl.IndexOf("(a * a)", System.StringComparison.Ordinal);
        int b = kl.IndexOf("(b * b)", System.StringComparison.Ordinal);
        int c = kl.IndexOf("(c * c)", System.StringComparison.Ordinal);
        int d = kl.IndexOf("(d * d)", System.StringComparison.Ordinal);
        Assert.True(a < b && b < c && c < d, kl);
        Assert.EndsWith("/ 4))", kl, System.StringComparison.Ordinal);
    }
}

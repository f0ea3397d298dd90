using System;
using System.Linq;
using System.Numerics;
using Latent.Ieee;
using Latent.Oracles;
using Latent.Oracles.Differential;
using Latent.Properties.Support;
using Latent.Oracles.Mpfr;
using Xunit;

namespace Latent.Properties.Dual;

/// <summary>
/// <see cref="DualContext{T, TContext}"/>, the mirror of TorchLean's <c>Context (Dual α)</c>: its operand order pinned with the
/// symbolic context against the upstream rules (spec-facts §8), the mirror and the Lean text differentiated by the same
/// context bit for bit, and the tangents against closed-form derivatives computed independently (plain
/// binary64 formulas, MPFR for expm1), within bounds derived below.
/// </summary>
public class DualContextTests
{
    private static Dual<string> D(string re, string du) => new(re, du);

    [Fact]
    public void Each_rule_has_the_upstream_operand_order()
    {
        Dual<string> x = D("x", "dx"), y = D("y", "dy");
        Assert.Equal(("(x + y)", "(dx + dy)"), Parts(DualContext<string, SymbolicContext>.Add(x, y)));
        Assert.Equal(("(x - y)", "(dx - dy)"), Parts(DualContext<string, SymbolicContext>.Sub(x, y)));
        Assert.Equal(("(x * y)", "((dx * y) + (x * dy))"), Parts(DualContext<string, SymbolicContext>.Mul(x, y)));
        Assert.Equal(("(x / y)", "(((dx * y) - (x * dy)) / (y * y))"), Parts(DualContext<string, SymbolicContext>.Div(x, y)));
        Assert.Equal(("exp(x)", "(exp(x) * dx)"), Parts(DualContext<string, SymbolicContext>.Exp(x)));
        Assert.Equal(("0.5", "0"), Parts(DualContext<string, SymbolicContext>.PointFive));
        Assert.Equal(("3", "0"), Parts(DualContext<string, SymbolicContext>.NatCast(3)));
        Assert.Equal(("1", "0"), Parts(DualContext<string, SymbolicContext>.One));
    }

    [Fact]
    public void The_tangent_of_exp_multiplies_the_rounded_primal()
    {
        // exp x = let ex := exp x.re; ⟨ex, ex * x.du⟩: the tangent reuses the primal's bits, not a second exp.
        Dual<double> e = DualContext<double, IeeeContext<double>>.Exp(new Dual<double>(0.75, 3));
        Assert.Equal(BitConverter.DoubleToUInt64Bits(Math.Exp(0.75) * 3), BitConverter.DoubleToUInt64Bits(e.Du));
    }

    [Theory]
    [InlineData(Definition.ExpTensor)]
    [InlineData(Definition.HalfTensor)]
    [InlineData(Definition.ReparameterizeDiag)]
    [InlineData(Definition.DiagonalGaussianKlToStandard)]
    [InlineData(Definition.QuantizeAt)]
    public void The_mirror_and_the_lean_text_differentiate_alike(Definition definition)
    {
        // Symbolically (the whole tangent tree) and in binary64 on differential cases with seeded tangents.
        Invocation<string> symbolic = SpecText.SpecTraceTests.SymbolicCall(definition, Shape.Of(2), EmptyMeanConvention.V1);
        Invocation<Dual<string>> symbolicDual = Lift(symbolic, (v, i) => new Dual<string>(v, "d" + v));
        Assert.Equal(symbolicDual.Spec<DualContext<string, SymbolicContext>>().Select(Parts), symbolicDual.Mirror<DualContext<string, SymbolicContext>>().Select(Parts));

        for (long index = 0; index < 2000; index++)
        {
            Invocation<double> call = CaseGenerator<double, Binary64>.Generate(definition, 20261201, index).ToInvocation(v => v);
            Invocation<Dual<double>> dual = Lift(call, (v, i) => new Dual<double>(v, ((i * 7919) % 13) - 6.5));
            Dual<double>[] text = dual.Spec<DualContext<double, IeeeContext<double>>>();
            Dual<double>[] mirror = dual.Mirror<DualContext<double, IeeeContext<double>>>();
            Assert.Equal(text.Length, mirror.Length);
            for (int k = 0; k < text.Length; k++)
            {
                Assert.True(SameClass(text[k].Re, mirror[k].Re) && SameClass(text[k].Du, mirror[k].Du), $"{definition} case {index}[{k}]: text {text[k]}, mirror {mirror[k]}");
            }
        }
    }

    [Theory]
    [InlineData(1e-8)]
    [InlineData(-3e-5)]
    [InlineData(0.25)]
    [InlineData(-4.0)]
    [InlineData(20.0)]
    public void Kl_tangent_in_logvar_is_half_of_expm1_over_n(double l)
    {
        // One direction: dlogvar = e_1 (the second of n = 3 coordinates). Closed form ∂KL/∂l_1 = (e^l − 1) / (2n).
        // Dual evaluation: du = fl(fl(fl(fl(e^l) − 1) · n) / n²) · 0.5, with fl(e^l) within one ulp E of e^l (the C library's
        // exp, under 0.52 ulp for glibc), so |du − (e^l − 1)/(2n)| ≤ (E + 3u(|e^l − 1| + E)) / (2n), u = 2^-53.
        const int N = 3;
        double[] mu = [0.5, 0, -1], logvar = [0.1, l, -0.2];
        Dual<double> kl = GenerativeLatent.DiagonalGaussianKlToStandard<Dual<double>, DualContext<double, IeeeContext<double>>>(
            mu.Select(m => new Dual<double>(m, 0)).ToArray(),
            logvar.Select((v, i) => new Dual<double>(v, i == 1 ? 1 : 0)).ToArray());
        double exact = HalfExpm1Over(l, N);
        double e = Math.Exp(l), ulp = Math.BitIncrement(e) - e, u = Math.Pow(2, -53);
        double bound = (ulp + (3 * u * (Math.Abs(e - 1) + ulp))) / (2 * N);
        Assert.True(Math.Abs(kl.Du - exact) <= bound + (4 * u * Math.Abs(exact)), $"tangent {kl.Du:R}, closed form {exact:R}, bound {bound:R}");
    }

    [Theory]
    [InlineData(0.5, 1)]
    [InlineData(-3.0, 4)]
    [InlineData(1e-300, 2)]
    [InlineData(123.25, 7)]
    public void Kl_tangent_in_mu_is_mu_over_n(double m, int n)
    {
        // ∂KL/∂mu_0 = mu_0 / n. Dual: the tangent of mu·mu is 1·mu + mu·1 = 2mu exactly, the fold and the subtractions of
        // zero tangents are exact, then two roundings (· n, / n²) and an exact halving: within 2u relative, plus u for the
        // binary64 reference m / n.
        double[] mu = [.. Enumerable.Range(0, n).Select(i => i == 0 ? m : 0.25 * i)];
        Dual<double> kl = GenerativeLatent.DiagonalGaussianKlToStandard<Dual<double>, DualContext<double, IeeeContext<double>>>(
            mu.Select((v, i) => new Dual<double>(v, i == 0 ? 1 : 0)).ToArray(),
            mu.Select(_ => new Dual<double>(0, 0)).ToArray());
        double reference = m / n, u = Math.Pow(2, -53);
        Assert.True(Math.Abs(kl.Du - reference) <= 3 * u * Math.Abs(reference), $"tangent {kl.Du:R}, mu/n {reference:R}");
    }

    [Theory]
    [InlineData(0.0, 1.0)]
    [InlineData(-2.5, 0.75)]
    [InlineData(6.0, -3.0)]
    [InlineData(-30.0, 1e10)]
    public void Reparameterization_tangents_are_the_closed_forms(double l, double eps)
    {
        // ∂z/∂logvar = 0.5 e^{l/2} eps: dual du = fl(fl(s · 0.5) · eps) with s = fl(e^{l/2}) within one ulp (2u relative):
        // within 3u relative of the real value, and the binary64 reference 0.5·exp(l/2)·eps is within 3u of it too.
        // ∂z/∂eps = e^{l/2}: du = fl(s · 1) = s. ∂z/∂mu = 1 exactly.
        const double Mu = 0.125;
        double u = Math.Pow(2, -53);
        Dual<double> byLogvar = Z(new(Mu, 0), new(l, 1), new(eps, 0));
        double reference = 0.5 * Math.Exp(l / 2) * eps;
        Assert.True(Math.Abs(byLogvar.Du - reference) <= 6 * u * Math.Abs(reference), $"∂z/∂logvar {byLogvar.Du:R}, closed form {reference:R}");
        Assert.Equal(Math.Exp(l * 0.5), Z(new(Mu, 0), new(l, 0), new(eps, 1)).Du);
        Assert.Equal(1.0, Z(new(Mu, 1), new(l, 0), new(eps, 0)).Du);
    }

    /// <summary>(e^l − 1) / (2n) from MPFR at 200 bits, rounded once to binary64 (MathNet's Expm1 is a truncated series, 1e-10 off at 3e-5).</summary>
    private static double HalfExpm1Over(double l, int n)
    {
        using var x = new MpfrNumber(200, l);
        using var r = new MpfrNumber(200);
        MpfrNative.Expm1(r, x, MpfrRound.Nearest);
        MpfrNative.DivUInt(r, r, (nuint)(2 * n), MpfrRound.Nearest);
        return MpfrNative.GetDouble(r, MpfrRound.Nearest);
    }

    private static Dual<double> Z(Dual<double> mu, Dual<double> logvar, Dual<double> eps)
    {
        var z = new Dual<double>[1];
        GenerativeLatent.ReparameterizeDiag<Dual<double>, DualContext<double, IeeeContext<double>>>([mu], [logvar], [eps], z);
        return z[0];
    }

    private static (string Re, string Du) Parts(Dual<string> d) => (d.Re, d.Du);

    private static bool SameClass(double a, double b) =>
        double.IsNaN(a) ? double.IsNaN(b) : BitConverter.DoubleToUInt64Bits(a) == BitConverter.DoubleToUInt64Bits(b);

    /// <summary>The call with every input lifted to a dual number (value, position) → ⟨value, tangent⟩.</summary>
    private static Invocation<Dual<T>> Lift<T>(Invocation<T> call, Func<T, int, Dual<T>> lift)
    {
        var tensors = call.Tensors.ToDictionary(kv => kv.Key, kv => kv.Value.Select((v, i) => lift(v, i)).ToArray(), StringComparer.Ordinal);
        Codebook<Dual<T>>? book = null;
        if (call.Book is { } b)
        {
            var codes = new Dual<T>[b.NumCodes * b.Latent.Size];
            for (int c = 0; c < b.NumCodes; c++)
            {
                ReadOnlySpan<T> e = b.Embedding(c);
                for (int i = 0; i < e.Length; i++)
                {
                    codes[(c * e.Length) + i] = lift(e[i], (c * e.Length) + i);
                }
            }

            book = new Codebook<Dual<T>>(b.NumCodes, b.Latent, codes);
        }

        return new Invocation<Dual<T>>(call.Definition, call.Shape, tensors, book, call.Index, call.EmptyMean);
    }
}

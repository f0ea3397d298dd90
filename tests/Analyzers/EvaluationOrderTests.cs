using System.Threading.Tasks;
using Latent.Analyzers.Rules;
using Latent.Analyzers.Tests.Support;
using Microsoft.CodeAnalysis.Testing;
using Xunit;

namespace Latent.Analyzers.Tests;

/// <summary>LAT0006: the spec's rounding steps are kept.</summary>
public sealed class EvaluationOrderTests
{
    private static Task Check(string source, params DiagnosticResult[] expected) => Verify.Analyzer<EvaluationOrderAnalyzer>(source, expected);

    [Fact]
    public Task Math_and_MathF_fused_multiply_add_trigger() => Check("""
        using System;
        namespace Latent;
        public static class M
        {
            [Mirrors("T.f")]
            public static double F(double a, double b, double c) => {|LAT0006:Math.FusedMultiplyAdd(a, b, c)|};

            [Mirrors("T.g")]
            public static float G(float a, float b, float c) => {|LAT0006:MathF.FusedMultiplyAdd(a, b, c)|};
        }
        """);

    [Fact]
    public Task Generic_T_FusedMultiplyAdd_in_a_helper_triggers() => Check("""
        using System;
        using System.Diagnostics.Contracts;
        using System.Numerics;
        namespace Latent;
        public static class M
        {
            [Mirrors("T.f")]
            public static void F<T>(ReadOnlySpan<T> mu, ReadOnlySpan<T> eps, Span<T> destination) where T : IFloatingPointIeee754<T>
            {
                for (int i = 0; i < mu.Length; i++)
                {
                    destination[i] = Step(mu[i], eps[i]);
                }
            }

            [Pure]
            private static T Step<T>(T mu, T eps) where T : IFloatingPointIeee754<T> => {|LAT0006:T.FusedMultiplyAdd(eps, T.One, mu)|};
        }
        """);

    [Fact]
    public Task Conversions_between_float_and_double_trigger() => Check("""
        using System;
        using System.Numerics;
        namespace Latent;
        public static class M
        {
            [Mirrors("T.f")]
            public static float F(float x) => {|LAT0006:(float)Math.Exp(x)|};

            [Mirrors("T.g")]
            public static T G<T>(T x) where T : IFloatingPointIeee754<T> => x * {|LAT0006:T.CreateChecked(0.5)|};

            [Mirrors("T.h")]
            public static double H(float x) => {|LAT0006:Convert.ToDouble(x)|};
        }
        """);

    [Fact]
    public Task Vector_and_parallel_math_in_a_lambda_and_local_function_trigger() => Check("""
        using System;
        using System.Numerics;
        using System.Threading.Tasks;
        namespace Latent;
        public static class M
        {
            [Mirrors("T.f")]
            public static double F(double[] x)
            {
                double total = 0;
                {|LAT0006:Parallel.For(0, x.Length, i => total += x[i])|};
                return total + Dot();

                double Dot() => {|LAT0006:Vector.Dot(new Vector<double>(x), Vector<double>.One)|};
            }
        }
        """);

    [Fact]
    public Task Separate_product_and_sum_do_not_trigger() => Check("""
        using System;
        namespace Latent;
        public static class M
        {
            [Mirrors("T.f")]
            public static double F(double a, double b, double c) => (a * b) + c;
        }
        """);

    [Fact]
    public Task Single_format_math_does_not_trigger() => Check("""
        using System;
        using System.Numerics;
        namespace Latent;
        public static class M
        {
            [Mirrors("T.f")]
            public static float F(float x) => MathF.Exp(x) * 0.5f;

            [Mirrors("T.g")]
            public static double G(double x) => Math.Exp(x) * 0.5;

            [Mirrors("T.h")]
            public static T H<T>(T x, int n) where T : IFloatingPointIeee754<T> => x / T.CreateChecked(n) + T.Exp(x);
        }
        """);

    [Fact]
    public Task Integer_conversions_and_context_arithmetic_do_not_trigger() => Check("""
        using System;
        namespace Latent;
        public static class M
        {
            [Mirrors("T.f")]
            public static T F<T, TContext>(ReadOnlySpan<T> x) where TContext : IContext<T>
            {
                long count = x.Length;
                return TContext.Mul(TContext.NatCast((int)count), TContext.Exp(x[0]));
            }
        }
        """);

    [Fact]
    public Task Fused_math_outside_mirrors_does_not_trigger() => Check("""
        using System;
        namespace Latent;
        public static class M
        {
            [Mirrors("T.f")]
            public static double F(double a, double b) => a * b;

            public static double Fast(double a, double b, double c) => Math.FusedMultiplyAdd(a, b, c);
        }
        """);
}

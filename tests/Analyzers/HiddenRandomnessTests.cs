using System.Threading.Tasks;
using Latent.Analyzers.Rules;
using Latent.Analyzers.Tests.Support;
using Microsoft.CodeAnalysis.Testing;
using Xunit;

namespace Latent.Analyzers.Tests;

/// <summary>LAT0002: no hidden randomness or time in mirrors and the helpers they reach.</summary>
public sealed class HiddenRandomnessTests
{
    private static Task Check(string source, params DiagnosticResult[] expected) => Verify.Analyzer<HiddenRandomnessAnalyzer>(source, expected);

    [Fact]
    public Task Random_shared_in_a_generic_mirror_triggers() => Check("""
        using System;
        namespace Latent;
        public static class M
        {
            [Mirrors("T.noisy")]
            public static void Noisy<T, TContext>(ReadOnlySpan<T> x, Span<T> destination) where TContext : IContext<T>
            {
                for (int i = 0; i < x.Length; i++)
                {
                    destination[i] = TContext.Add(x[i], TContext.NatCast({|LAT0002:Random.Shared.Next(3)|}));
                }
            }
        }
        """);

    [Fact]
    public Task New_random_in_a_helper_reached_through_a_local_function_triggers() => Check("""
        using System;
        using System.Diagnostics.Contracts;
        namespace Latent;
        public static class M
        {
            [Mirrors("T.f")]
            public static double F(double x)
            {
                return Twice(x);
                double Twice(double y) => y + Noise();
            }

            [Pure]
            private static double Noise() => {|LAT0002:new Random(42).NextDouble()|};
        }
        """);

    [Fact]
    public Task Guid_inside_a_lambda_triggers() => Check("""
        using System;
        namespace Latent;
        public static class M
        {
            [Mirrors("T.f")]
            public static int F(int x)
            {
                Func<int> salt = () => {|LAT0002:Guid.NewGuid()|}.GetHashCode();
                return x + salt();
            }
        }
        """);

    [Fact]
    public Task Clock_in_a_property_getter_of_a_partial_class_triggers() => Check("""
        using System;
        using System.Diagnostics.Contracts;
        namespace Latent;
        public static partial class M
        {
            [Mirrors("T.f")]
            public static long F(long x) => x + Ticks;
        }

        public static partial class M
        {
            [Pure]
            private static long Ticks => {|LAT0002:DateTime.UtcNow|}.Ticks + {|LAT0002:Environment.TickCount64|};
        }
        """);

    [Fact]
    public Task Randomness_captured_by_a_static_readonly_initializer_triggers() => Check("""
        using System;
        namespace Latent;
        public static class M
        {
            private static readonly double Seed = {|LAT0002:Random.Shared.NextDouble()|};

            [Mirrors("T.f")]
            public static double F(double x) => x * Seed;
        }
        """);

    [Fact]
    public Task Stopwatch_hashcode_and_string_hash_in_an_expression_bodied_helper_trigger() => Check("""
        using System;
        using System.Diagnostics;
        using System.Diagnostics.Contracts;
        namespace Latent;
        public static class M
        {
            [Mirrors("T.f")]
            public static long F(long x, string name) => x + Salt(name);

            [Pure]
            private static long Salt(string name) =>
                {|LAT0002:Stopwatch.GetTimestamp()|} + {|LAT0002:HashCode.Combine(1, 2)|} + {|LAT0002:name.GetHashCode()|};
        }
        """);

    [Fact]
    public Task Noise_passed_as_a_parameter_does_not_trigger() => Check("""
        using System;
        namespace Latent;
        public static class M
        {
            [Mirrors("T.reparameterize")]
            public static void Reparameterize<T, TContext>(ReadOnlySpan<T> mu, ReadOnlySpan<T> eps, Span<T> destination)
                where TContext : IContext<T>
            {
                for (int i = 0; i < mu.Length; i++)
                {
                    destination[i] = TContext.Add(mu[i], eps[i]);
                }
            }
        }
        """);

    [Fact]
    public Task Randomness_in_a_caller_of_a_mirror_does_not_trigger() => Check("""
        using System;
        namespace Latent;
        public static class M
        {
            [Mirrors("T.f")]
            public static double F(double x, double eps) => x + eps;

            // Drawing the noise is the caller's business: this method is not a mirror and no mirror calls it.
            public static double Sample(double x) => F(x, Random.Shared.NextDouble());
        }
        """);

    [Fact]
    public Task A_source_type_named_Random_does_not_trigger() => Check("""
        using System.Diagnostics.Contracts;
        namespace Latent;
        [Pure]
        public static class Random
        {
            public static double Fixed(double x) => x * 0.5;
        }

        public static class M
        {
            [Mirrors("T.f")]
            public static double F(double x) => Random.Fixed(x);
        }
        """);

    [Fact]
    public Task Deterministic_math_in_helpers_and_lambdas_does_not_trigger() => Check("""
        using System;
        using System.Diagnostics.Contracts;
        namespace Latent;
        public static class M
        {
            private static readonly double[] Table = [1.0, 2.0];

            [Mirrors("T.f")]
            public static double F(double x)
            {
                Func<double, double> square = y => y * y;
                return Math.Exp(Helper(x)) + square(x) + Table.Length;
            }

            [Pure]
            private static double Helper(double x) => Math.Sqrt(x) + double.Pi;
        }
        """);
}

using System.Threading.Tasks;
using Latent.Analyzers.Rules;
using Latent.Analyzers.Tests.Support;
using Microsoft.CodeAnalysis.Testing;
using Xunit;

namespace Latent.Analyzers.Tests;

/// <summary>LAT0003: mirrors and their helpers are pure.</summary>
public sealed class ImpurityTests
{
    private static Task Check(string source, params DiagnosticResult[] expected) => Verify.Analyzer<ImpurityAnalyzer>(source, expected);

    [Fact]
    public Task Writing_and_reading_mutable_static_state_triggers() => Check("""
        using System;
        namespace Latent;
        public static class M
        {
            private static int _calls;

            public static double Scale { get; set; } = 1.0;

            [Mirrors("T.f")]
            public static double F(double x)
            {
                {|LAT0003:_calls|}++;
                return x * {|LAT0003:Scale|};
            }
        }
        """);

    [Fact]
    public Task Contents_of_a_static_readonly_array_in_a_generic_helper_trigger() => Check("""
        using System;
        using System.Diagnostics.Contracts;
        namespace Latent;
        public static class M
        {
            private static readonly double[] Weights = [0.5, 0.25];

            [Mirrors("T.f")]
            public static double F(double x) => Weighted<double>(x, 0);

            [Pure]
            private static double Weighted<T>(double x, int i) => x * {|LAT0003:Weights|}[i] + Weights.Length;
        }
        """);

    [Fact]
    public Task Console_output_and_a_lock_in_a_local_function_trigger() => Check("""
        using System;
        namespace Latent;
        public static class M
        {
            private static readonly object Gate = new();

            [Mirrors("T.f")]
            public static double F(double x)
            {
                Log(x);
                return x;

                static void Log(double value)
                {
                    {|LAT0003:lock (Gate)
                    {
                        Console.WriteLine(value);
                    }|}
                }
            }
        }
        """);

    [Fact]
    public Task Calling_an_unmarked_helper_of_a_partial_class_triggers() => Check("""
        using System;
        namespace Latent;
        public static partial class M
        {
            [Mirrors("T.f")]
            public static double F(double x) => {|LAT0003:Half(x)|};
        }

        public static partial class M
        {
            private static double Half(double x) => x * 0.5;
        }
        """);

    [Fact]
    public Task Threading_files_delegates_and_virtual_calls_in_a_lambda_trigger() => Check("""
        using System;
        using System.IO;
        using System.Threading;
        namespace Latent;
        public abstract class Shape
        {
            public abstract int Size { get; }
        }

        public static class M
        {
            private static int _count;

            [Mirrors("T.f")]
            public static int F(Shape shape, Func<int, int> step)
            {
                Func<int> body = () => {|LAT0003:Interlocked.Increment(ref _count)|} + {|LAT0003:File.ReadAllText("x")|}.Length;
                return {|LAT0003:body()|} + {|LAT0003:step(1)|} + {|LAT0003:shape.Size|};
            }
        }
        """);

    [Fact]
    public Task Pure_helpers_context_calls_and_generic_math_do_not_trigger() => Check("""
        using System;
        using System.Diagnostics.CodeAnalysis;
        using System.Diagnostics.Contracts;
        using System.Numerics;
        namespace Latent;
        public static class M
        {
            private const int Count = 2;
            private static readonly double Half = 0.5;

            [Mirrors("T.f")]
            public static T F<T, TContext>(ReadOnlySpan<T> x)
                where TContext : IContext<T>
                where T : IFloatingPointIeee754<T>
            {
                T sum = TContext.Zero;
                foreach (T v in x.Slice(0, Math.Min(Count, x.Length)))
                {
                    sum = TContext.Add(sum, Element<T, TContext>(v));
                }

                return T.Exp(sum) * T.CreateChecked(x.Length) + T.One;
            }

            [Pure]
            private static T Element<T, TContext>(T v) where TContext : IContext<T> => TContext.Mul(v, TContext.PointFive);

            [Mirrors("T.g")]
            public static double G(double x) => x < 0 ? Fail() : Math.Sqrt(x) * Half;

            [DoesNotReturn]
            private static double Fail() => throw new ArgumentOutOfRangeException("x", "negative");
        }
        """);

    [Fact]
    public Task Members_of_a_structure_mirror_and_auto_properties_do_not_trigger() => Check("""
        using System;
        namespace Latent;
        [Mirrors("T.Book")]
        public sealed class Book
        {
            private readonly double[] _values;

            public Book(ReadOnlySpan<double> values)
            {
                ArgumentOutOfRangeException.ThrowIfZero(values.Length);
                _values = values.ToArray();
                Count = values.Length;
            }

            public int Count { get; }

            public ReadOnlySpan<double> Entry(int i) => _values.AsSpan(i, 1);
        }

        public static class M
        {
            [Mirrors("T.at")]
            public static void At(Book book, int idx, Span<double> destination)
            {
                ArgumentNullException.ThrowIfNull(book);
                book.Entry(idx % book.Count).CopyTo(destination);
            }
        }
        """);

    [Fact]
    public Task A_pure_span_table_and_a_pragma_suppression_do_not_trigger() => Check("""
        using System;
        using System.Diagnostics.Contracts;
        namespace Latent;
        public static class M
        {
            private static int _calls;

            [Pure]
            private static ReadOnlySpan<double> Table => [0.5, 0.25];

            [Mirrors("T.f")]
            public static double F(int i)
            {
        #pragma warning disable LAT0003 // counted for a benchmark, audited
                _calls++;
        #pragma warning restore LAT0003
                return Table[i];
            }
        }
        """);

    [Fact]
    public Task Impurity_outside_mirrors_and_their_helpers_does_not_trigger() => Check("""
        using System;
        namespace Latent;
        public static class M
        {
            private static int _calls;

            [Mirrors("T.f")]
            public static double F(double x) => x * 2;

            public static double Logged(double x)
            {
                _calls++;
                Console.WriteLine(x);
                return F(x);
            }
        }
        """);

    [Fact]
    public Task Expression_bodied_pure_property_getter_and_readonly_statics_do_not_trigger() => Check("""
        using System;
        using System.Diagnostics.Contracts;
        namespace Latent;
        public sealed class Grid
        {
            private readonly int[] _dims = [2, 3];

            public static Grid Unit { get; } = new();

            [Pure]
            public int Size => _dims[0] * _dims[1];
        }

        public static class M
        {
            [Mirrors("T.f")]
            public static int F(int x) => x * Grid.Unit.Size;
        }
        """);
}

using System.Threading.Tasks;
using Latent.Analyzers.Rules;
using Latent.Analyzers.Tests.Support;
using Microsoft.CodeAnalysis.Testing;
using Xunit;

namespace Latent.Analyzers.Tests;

/// <summary>LAT0005: kernels allocate nothing; [AllocatesResult] members allocate their result only.</summary>
public sealed class HiddenAllocationTests
{
    private static Task Check(string source, params DiagnosticResult[] expected) => Verify.Analyzer<HiddenAllocationAnalyzer>(source, expected);

    [Fact]
    public Task Arrays_collections_and_large_stackalloc_in_a_generic_mirror_trigger() => Check("""
        using System;
        using System.Collections.Generic;
        namespace Latent;
        public static class M
        {
            [Mirrors("T.f")]
            public static void F<T>(ReadOnlySpan<T> x, Span<T> destination)
            {
                T[] copy = {|LAT0005:new T[x.Length]|};
                List<T> list = {|LAT0005:[.. x]|};
                Span<int> scratch = {|LAT0005:stackalloc int[1000]|};
                Span<int> sized = {|LAT0005:stackalloc int[x.Length]|};
                destination[0] = copy.Length + list.Count + scratch.Length + sized.Length > 0 ? x[0] : x[1];
            }
        }
        """);

    [Fact]
    public Task Lambdas_linq_and_boxing_in_a_local_function_trigger() => Check("""
        using System;
        using System.Linq;
        namespace Latent;
        public static class M
        {
            [Mirrors("T.f")]
            public static double F(double[] x, int k)
            {
                return Sum() + Describe(k);

                double Sum() => {|LAT0005:x.Select(v => v * k).Sum()|};

                static int Describe(int n)
                {
                    object boxed = {|LAT0005:n|};
                    return boxed.GetHashCode();
                }
            }
        }
        """);

    [Fact]
    public Task String_building_and_params_arrays_in_a_helper_of_a_partial_class_trigger() => Check("""
        using System;
        using System.Diagnostics.Contracts;
        namespace Latent;
        public static partial class M
        {
            [Mirrors("T.f")]
            public static int F(int x) => Label(x).Length + {|LAT0005:Total(1, 2, 3)|};
        }

        public static partial class M
        {
            [Pure]
            private static string Label(int x) => {|LAT0005:"x = " + x + $"{x}"|};

            [Pure]
            private static int Total(params int[] values) => values.Length;
        }
        """);

    [Fact]
    public Task A_property_getter_that_allocates_triggers() => Check("""
        using System;
        using System.Diagnostics.Contracts;
        namespace Latent;
        public sealed class Shape
        {
            private readonly int[] _dims = [2, 3];

            [Pure]
            public int[] Dims => (int[]){|LAT0005:_dims.Clone()|};
        }

        public static class M
        {
            [Mirrors("T.f")]
            public static int F(Shape shape) => shape.Dims.Length;
        }
        """);

    [Fact]
    public Task An_AllocatesResult_member_allocating_more_than_its_result_triggers() => Check("""
        using System;
        namespace Latent;
        public sealed class Tensor
        {
            public Tensor(double[] data) => Data = data;

            public double[] Data { get; }
        }

        public static class M
        {
            [Mirrors("T.f")]
            public static void F(ReadOnlySpan<double> x, Span<double> destination) => x.CopyTo(destination);

            [AllocatesResult]
            public static Tensor F(Tensor x)
            {
                var result = new double[x.Data.Length];
                var scratch = {|LAT0005:new double[x.Data.Length]|};
                F(x.Data, scratch);
                F(scratch, result);
                return new Tensor(result);
            }
        }
        """);

    [Fact]
    public Task Exception_paths_do_not_trigger() => Check("""
        using System;
        using System.Diagnostics.CodeAnalysis;
        namespace Latent;
        public static class M
        {
            [Mirrors("T.f")]
            public static double F(ReadOnlySpan<double> x, int idx)
            {
                if (idx < 0)
                {
                    throw new ArgumentOutOfRangeException(nameof(idx), idx, $"Index {idx} of {x.Length} is negative.");
                }

                return idx < x.Length ? x[idx] : Fail(idx, x.Length);
            }

            [DoesNotReturn]
            private static double Fail(int idx, int length) =>
                throw new ArgumentException(string.Join(", ", new[] { idx, length }) + " out of range");
        }
        """);

    [Fact]
    public Task An_AllocatesResult_member_and_a_structure_constructor_allocating_their_result_do_not_trigger() => Check("""
        using System;
        namespace Latent;
        public sealed class Tensor
        {
            public Tensor(double[] data) => Data = data;

            public double[] Data { get; }
        }

        [Mirrors("T.Book")]
        public sealed class Book
        {
            private readonly double[] _values;

            public Book(ReadOnlySpan<double> values) => _values = values.ToArray();

            public ReadOnlySpan<double> Values => _values;
        }

        public static class M
        {
            [Mirrors("T.f")]
            public static void F(ReadOnlySpan<double> x, Span<double> destination) => x.CopyTo(destination);

            [AllocatesResult]
            public static Tensor F(Tensor x)
            {
                var result = new double[x.Data.Length];
                F(x.Data, result);
                return new Tensor(result);
            }
        }
        """);

    [Fact]
    public Task Stack_data_structs_local_functions_and_constants_do_not_trigger() => Check("""
        using System;
        namespace Latent;
        public static class M
        {
            private const string Name = "f" + "x";

            private static readonly int[] Table = [1, 2, 3];

            [Mirrors("T.f")]
            public static double F(ReadOnlySpan<double> x)
            {
                Span<double> scratch = stackalloc double[16];
                ReadOnlySpan<int> weights = [1, 2, 3];
                (double, int) pair = (x[0], weights[0]);
                return Scale(pair.Item1, weights[1]) + scratch.Length + Name.Length + Table.Length + Count(1, 2, 3);

                static double Scale(double v, int w) => v * w;
            }

            [System.Diagnostics.Contracts.Pure]
            private static int Count(params ReadOnlySpan<int> values) => values.Length;
        }
        """);

    [Fact]
    public Task Allocation_outside_kernels_does_not_trigger() => Check("""
        using System;
        using System.Linq;
        namespace Latent;
        public static class M
        {
            [Mirrors("T.f")]
            public static double F(double x) => x;

            public static double[] Many(int n) => Enumerable.Range(0, n).Select(i => F(i)).ToArray();
        }
        """);
}

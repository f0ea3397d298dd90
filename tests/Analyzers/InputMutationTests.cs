using System.Threading.Tasks;
using Latent.Analyzers.Rules;
using Latent.Analyzers.Tests.Support;
using Microsoft.CodeAnalysis.Testing;
using Xunit;

namespace Latent.Analyzers.Tests;

/// <summary>LAT0004: only the destination span is written.</summary>
public sealed class InputMutationTests
{
    private static Task Check(string source, params DiagnosticResult[] expected) => Verify.Analyzer<InputMutationAnalyzer>(source, expected);

    [Fact]
    public Task A_generic_mirror_taking_and_writing_a_writable_span_triggers() => Check("""
        using System;
        namespace Latent;
        public static class M
        {
            [Mirrors("T.f")]
            public static void F<T>({|LAT0004:Span<T>|} x, Span<T> destination)
            {
                for (int i = 0; i < x.Length; i++)
                {
                    destination[i] = x[i];
                    {|LAT0004:x[i]|} = default!;
                }
            }
        }
        """);

    [Fact]
    public Task Arrays_and_ref_inputs_of_a_mirror_trigger() => Check("""
        using System;
        namespace Latent;
        public static class M
        {
            [Mirrors("T.f")]
            public static double F({|LAT0004:double[]|} x, ref {|LAT0004:double|} scale) => x[0] * scale;
        }
        """);

    [Fact]
    public Task Writing_through_an_array_in_a_helper_reached_from_a_lambda_triggers() => Check("""
        using System;
        using System.Diagnostics.Contracts;
        namespace Latent;
        public sealed class Cache
        {
            public double[] Values = new double[4];
        }

        public static class M
        {
            [Mirrors("T.f")]
            public static double F(Cache cache, double x)
            {
                Func<double> run = () => Remember(cache, x);
                return run();
            }

            [Pure]
            private static double Remember(Cache cache, double x)
            {
                {|LAT0004:cache.Values[0]|} = x;
                return x;
            }
        }
        """);

    [Fact]
    public Task MemoryMarshal_and_unsafe_code_trigger() => Check("""
        using System;
        using System.Runtime.InteropServices;
        namespace Latent;
        public static class M
        {
            [Mirrors("T.f")]
            public static void F(ReadOnlySpan<double> x, Span<double> destination)
            {
                Span<double> writable = {|LAT0004:MemoryMarshal.CreateSpan(ref MemoryMarshal.GetReference(x), x.Length)|};
                writable[0] = 0;
                {|LAT0004:unsafe
                {
                    fixed (double* p = x)
                    {
                        *p = 1;
                    }
                }|}
                destination[0] = x[0];
            }
        }
        """);

    [Fact]
    public Task Writing_the_receiver_from_a_property_setter_of_a_structure_mirror_triggers() => Check("""
        using System;
        namespace Latent;
        [Mirrors("T.Book")]
        public sealed class Book
        {
            private int _reads;

            public Book(int size) => _reads = size;

            public int Reads
            {
                get
                {
                    {|LAT0004:_reads|}++;
                    return _reads;
                }
            }
        }
        """);

    [Fact]
    public Task Writing_the_destination_and_its_slices_does_not_trigger() => Check("""
        using System;
        namespace Latent;
        public static class M
        {
            [Mirrors("T.f")]
            public static void F<T>(ReadOnlySpan<T> x, Span<T> destination)
            {
                x.CopyTo(destination);
                destination.Slice(1)[0] = x[0];
                destination[^1] = x[0];
            }
        }
        """);

    [Fact]
    public Task Locals_constructors_and_by_value_parameters_do_not_trigger() => Check("""
        using System;
        using System.Diagnostics.Contracts;
        namespace Latent;
        public struct Pair
        {
            public double A;
        }

        [Mirrors("T.Book")]
        public sealed class Book
        {
            private readonly double[] _values;

            public Book(ReadOnlySpan<double> values)
            {
                _values = values.ToArray();
                _values[0] = 0;
            }
        }

        public static class M
        {
            [Mirrors("T.f")]
            public static double F(ReadOnlySpan<double> x, Pair pair)
            {
                Span<double> local = stackalloc double[2];
                local[0] = x[0];
                x = x.Slice(1);
                pair.A = 3;
                return local[0] + pair.A + Parse(x, out int used) + used;
            }

            [Pure]
            private static double Parse(ReadOnlySpan<double> x, out int used)
            {
                used = x.Length;
                return x.IsEmpty ? 0 : x[0];
            }
        }
        """);

    [Fact]
    public Task Writes_in_code_no_mirror_reaches_do_not_trigger() => Check("""
        using System;
        namespace Latent;
        public static class M
        {
            [Mirrors("T.f")]
            public static double F(ReadOnlySpan<double> x) => x[0];

            public static void Scale(Span<double> values, double factor)
            {
                for (int i = 0; i < values.Length; i++)
                {
                    values[i] *= factor;
                }
            }
        }
        """);

    [Fact]
    public Task Expression_bodied_reads_of_input_fields_do_not_trigger() => Check("""
        using System;
        namespace Latent;
        [Mirrors("T.Book")]
        public sealed class Book
        {
            private readonly double[] _values = [1, 2];

            public double First => _values[0];
        }

        public static class M
        {
            [Mirrors("T.first")]
            public static double FirstOf(Book book) => book.First;
        }
        """);
}

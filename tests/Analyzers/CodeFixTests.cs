using System.Threading.Tasks;
using Latent.Analyzers.CodeFixes;
using Latent.Analyzers.Rules;
using Latent.Analyzers.Tests.Support;
using Xunit;

namespace Latent.Analyzers.Tests;

/// <summary>The mechanical fixes: rename to the Lean binder (LAT0001), read-only inputs (LAT0004), unfused multiply-add (LAT0006).</summary>
public sealed class CodeFixTests
{
    [Fact]
    public Task Renames_a_parameter_to_its_lean_binder_everywhere() => Verify.CodeFix<SpecCompletenessAnalyzer, RenameToLeanBinderCodeFix>(
        """
        using System;
        namespace Latent;
        public static class G
        {
            [Mirrors("T.scale")]
            public static double Scale(double {|LAT0001:value|}, double factor) => value * factor;

            public static double Twice(double v) => Scale(value: v, factor: 2);
        }
        """,
        """
        using System;
        namespace Latent;
        public static class G
        {
            [Mirrors("T.scale")]
            public static double Scale(double x, double factor) => x * factor;

            public static double Twice(double v) => Scale(x: v, factor: 2);
        }
        """,
        lean: "namespace T\ndef scale (x factor : Float) : Float := x * factor\nend T\n");

    [Fact]
    public Task Makes_writable_span_and_array_inputs_read_only() => Verify.CodeFix<InputMutationAnalyzer, ReadOnlyInputCodeFix>(
        """
        using System;
        namespace Latent;
        public static class G
        {
            [Mirrors("T.f")]
            public static void F<T>({|LAT0004:Span<T>|} mu, {|LAT0004:T[]|} eps, Span<T> destination)
            {
                destination[0] = mu[0];
                destination[1] = eps[0];
            }
        }
        """,
        """
        using System;
        namespace Latent;
        public static class G
        {
            [Mirrors("T.f")]
            public static void F<T>(ReadOnlySpan<T> mu, ReadOnlySpan<T> eps, Span<T> destination)
            {
                destination[0] = mu[0];
                destination[1] = eps[0];
            }
        }
        """);

    [Fact]
    public Task Replaces_fused_multiply_add_by_product_then_sum() => Verify.CodeFix<EvaluationOrderAnalyzer, UnfusedMultiplyAddCodeFix>(
        """
        using System;
        using System.Numerics;
        namespace Latent;
        public static class G
        {
            [Mirrors("T.f")]
            public static double F(double a, double b, double c) => -{|LAT0006:Math.FusedMultiplyAdd(a + 1, b, c)|};

            [Mirrors("T.g")]
            public static T H<T>(T a, T b, T c) where T : IFloatingPointIeee754<T> => {|LAT0006:T.FusedMultiplyAdd(a, b, c)|} * a;
        }
        """,
        """
        using System;
        using System.Numerics;
        namespace Latent;
        public static class G
        {
            [Mirrors("T.f")]
            public static double F(double a, double b, double c) => -(((a + 1) * b) + c);

            [Mirrors("T.g")]
            public static T H<T>(T a, T b, T c) where T : IFloatingPointIeee754<T> => ((a * b) + c) * a;
        }
        """);
}

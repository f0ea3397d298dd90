using System.Threading.Tasks;
using Latent.Analyzers.CodeFixes;
using Latent.Analyzers.Rules;
using Latent.Analyzers.Tests.Support;
using Xunit;

namespace Latent.Analyzers.Tests;

/// <summary>
/// The mechanical fixes: rename to the Lean binder (LAT0001), read-only inputs (LAT0004), unfused multiply-add (LAT0006),
/// the contract attribute of the Lean binder type (LAT0007).
/// </summary>
public sealed class CodeFixTests
{
    [Fact]
    public Task Marks_a_parameter_with_the_contract_of_its_lean_binder_and_replaces_a_wrong_one() => Verify.CodeFix<ContractAnalyzer, ContractAttributeCodeFix>(
        """
        using System;
        namespace Latent;
        public static class G
        {
            [Mirrors("T.kl")]
            public static double Kl([TensorOf("latent")] ReadOnlySpan<double> mu, [TensorOf("other")] ReadOnlySpan<double> {|LAT0007:logvar|})
            {
                Guard.SameLength(mu, logvar);
                return mu[0];
            }

            [Mirrors("T.pick")]
            public static double Pick(int {|LAT0007:idx|}, double x)
            {
                Guard.Below(idx, 3);
                return x;
            }
        }
        """,
        """
        using System;
        namespace Latent;
        public static class G
        {
            [Mirrors("T.kl")]
            public static double Kl([TensorOf("latent")] ReadOnlySpan<double> mu, [TensorOf("latent")] ReadOnlySpan<double> logvar)
            {
                Guard.SameLength(mu, logvar);
                return mu[0];
            }

            [Mirrors("T.pick")]
            public static double Pick([Fin("n")] int idx, double x)
            {
                Guard.Below(idx, 3);
                return x;
            }
        }
        """,
        lean: "namespace T\ndef kl {latent : Shape} (mu logvar : Tensor α latent) : α := 0\ndef pick {n : Nat} (idx : Fin n) (x : α) : α := x\nend T\n");

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

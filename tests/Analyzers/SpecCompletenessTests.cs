using System.IO;
using System.Threading.Tasks;
using Latent.Analyzers.Rules;
using Latent.Analyzers.Tests.Support;
using Microsoft.CodeAnalysis.Testing;
using Xunit;

namespace Latent.Analyzers.Tests;

/// <summary>LAT0001: every spec declaration has exactly one mirror, every mirror names a declaration, binders match.</summary>
public sealed class SpecCompletenessTests
{
    private const string Spec = """
        /-! Module doc: `def notADeclaration (x)` is prose here. -/
        namespace Test.Latent

        open Spec
        variable {α : Type} [Context α]

        /-- Exponential of every element. -/
        def expTensor {s : Shape} (x : Tensor α s) : Tensor α s :=
          mapSpec MathFunctions.exp x

        /-- A header over several lines. -/
        def reparameterizeDiag {latent : Shape}
            (mu logvar eps : Tensor α latent) :
            Tensor α latent :=
          mu + eps

        structure Codebook (α : Type) (numCodes : Nat) (latent : Shape) [Context α] where
          /-- The embedding stored for each code index. -/
          embedding : Fin numCodes → Tensor α latent

        end Test.Latent
        """;

    private const string Mirrors = """
        using System;
        namespace Latent;
        public static class G
        {
            [Mirrors("Test.Latent.expTensor")]
            public static void ExpTensor<T, TContext>(ReadOnlySpan<T> x, Span<T> destination) where TContext : IContext<T>
            {
            }

            [Mirrors("Test.Latent.reparameterizeDiag")]
            public static void ReparameterizeDiag<T>(ReadOnlySpan<T> mu, ReadOnlySpan<T> logvar, ReadOnlySpan<T> eps, Span<T> destination)
            {
            }
        }

        [Mirrors("Test.Latent.Codebook")]
        public sealed class Codebook<T>
        {
            public int NumCodes { get; }

            public int Latent { get; }

            public ReadOnlySpan<T> Embedding(int idx) => default;
        }
        """;

    private static Task Check(string source, string? lean, params DiagnosticResult[] expected) =>
        Verify.Analyzer<SpecCompletenessAnalyzer>(source, lean, expected);

    private static DiagnosticResult Lat0001(int markup, string message) =>
        new DiagnosticResult(Descriptors.SpecCompleteness).WithLocation(markup).WithArguments(message);

    [Fact]
    public Task A_def_added_to_the_spec_without_a_mirror_triggers_at_the_lean_name() => Check(
        Mirrors,
        Spec.Replace("end Test.Latent", "def {|#0:halfTensor|} {s : Shape} (x : Tensor α s) : Tensor α s := x\n\nend Test.Latent"),
        Lat0001(0, "Lean def 'Test.Latent.halfTensor' has no C# mirror: mark exactly one member [Mirrors(\"Test.Latent.halfTensor\")]"));

    [Fact]
    public Task Removing_a_mirror_triggers_naming_the_declaration() => Check(
        Mirrors.Replace("[Mirrors(\"Test.Latent.expTensor\")]", string.Empty),
        Spec.Replace("def expTensor", "def {|#0:expTensor|}"),
        Lat0001(0, "Lean def 'Test.Latent.expTensor' has no C# mirror: mark exactly one member [Mirrors(\"Test.Latent.expTensor\")]"));

    [Fact]
    public Task Renaming_a_declaration_triggers_at_both_ends() => Check(
        Mirrors.Replace("[Mirrors(\"Test.Latent.expTensor\")]", "[Mirrors({|#1:\"Test.Latent.expTensor\"|})]"),
        Spec.Replace("def expTensor", "def {|#0:expMap|}"),
        Lat0001(0, "Lean def 'Test.Latent.expMap' has no C# mirror: mark exactly one member [Mirrors(\"Test.Latent.expMap\")]"),
        Lat0001(1, "[Mirrors(\"Test.Latent.expTensor\")] names a declaration that the spec lacks (1 .lean files read through AdditionalFiles)"));

    [Fact]
    public Task Two_mirrors_of_one_declaration_trigger_on_both() => Check(
        Mirrors.Replace(
            "public static class G\n{",
            "public static class G\n{\n    [Mirrors({|LAT0001:\"Test.Latent.expTensor\"|})]\n    public static void ExpTensorAgain(ReadOnlySpan<double> x, Span<double> destination) { }\n")
            .Replace("[Mirrors(\"Test.Latent.expTensor\")]\n    public static void ExpTensor<", "[Mirrors({|LAT0001:\"Test.Latent.expTensor\"|})]\n    public static void ExpTensor<"),
        Spec);

    [Fact]
    public Task Parameters_that_differ_from_the_lean_binders_trigger() => Check(
        Mirrors
            .Replace("ReadOnlySpan<T> mu, ReadOnlySpan<T> logvar", "ReadOnlySpan<T> {|#0:mean|}, ReadOnlySpan<T> logvar")
            .Replace("ExpTensor<T, TContext>(ReadOnlySpan<T> x, Span<T> destination)", "{|#1:ExpTensor|}<T, TContext>(ReadOnlySpan<T> x, ReadOnlySpan<T> y, Span<T> destination)"),
        Spec,
        Lat0001(1, "The mirror of 'Test.Latent.expTensor' has explicit parameters (x, y) but the Lean explicit binders are (x) (the destination span and [SpecVariant] parameters are not counted)"),
        Lat0001(0, "Parameter 'mean' of the mirror of 'Test.Latent.reparameterizeDiag' must be named 'mu', the Lean explicit binder 1 of (mu logvar eps)"));

    [Fact]
    public Task A_structure_mirror_missing_a_field_or_binder_member_triggers() => Check(
        Mirrors
            .Replace("public sealed class Codebook<T>", "public sealed class {|#0:Codebook|}<T>")
            .Replace("public ReadOnlySpan<T> Embedding(int idx) => default;", "internal ReadOnlySpan<T> Embedding(int idx) => default;")
            .Replace("public int NumCodes { get; }", string.Empty),
        Spec,
        Lat0001(0, "The mirror of 'Test.Latent.Codebook' has no public member 'NumCodes' for the Lean binder 'numCodes'"),
        Lat0001(0, "The mirror of 'Test.Latent.Codebook' has no public member 'Embedding' for the Lean field 'embedding'"));

    [Fact]
    public Task A_method_mirroring_a_structure_triggers() => Check(
        Mirrors.Replace("[Mirrors(\"Test.Latent.Codebook\")]", string.Empty)
            + "\npublic static class H\n{\n    [Mirrors(\"Test.Latent.Codebook\")]\n    public static int {|#0:Codebook|}() => 0;\n}\n",
        Spec,
        Lat0001(0, "'Test.Latent.Codebook' is a Lean structure: its mirror must be a class or struct, not a method"));

    [Fact]
    public Task Matching_mirrors_of_a_multi_line_spec_do_not_trigger() => Check(Mirrors, Spec);

    [Fact]
    public Task The_repository_spec_with_its_real_mirror_signatures_does_not_trigger() => Check(
        """
        using System;
        namespace Latent;
        public enum EmptyMeanConvention { V1 = 1, V3 = 3 }

        public static partial class GenerativeLatent
        {
            [Mirrors("Generative.Latent.expTensor")]
            public static void ExpTensor<T, TContext>(ReadOnlySpan<T> x, Span<T> destination) where TContext : IContext<T> { }

            [Mirrors("Generative.Latent.halfTensor")]
            public static void HalfTensor<T, TContext>(ReadOnlySpan<T> x, Span<T> destination) where TContext : IContext<T> { }

            [Mirrors("Generative.Latent.reparameterizeDiag")]
            public static void ReparameterizeDiag<T, TContext>(ReadOnlySpan<T> mu, ReadOnlySpan<T> logvar, ReadOnlySpan<T> eps, Span<T> destination)
                where TContext : IContext<T> { }
        }

        public static partial class GenerativeLatent
        {
            [Mirrors("Generative.Latent.diagonalGaussianKlToStandard")]
            public static T DiagonalGaussianKlToStandard<T, TContext>(ReadOnlySpan<T> mu, ReadOnlySpan<T> logvar, [SpecVariant] EmptyMeanConvention emptyMean = EmptyMeanConvention.V1)
                where TContext : IContext<T> => TContext.Zero;

            [Mirrors("Generative.Latent.quantizeAt")]
            public static void QuantizeAt<T>(Codebook<T> book, int idx, Span<T> destination) { }
        }

        [Mirrors("Generative.Latent.Codebook")]
        public sealed class Codebook<T>
        {
            public int NumCodes { get; }

            public object? Latent { get; }

            public ReadOnlySpan<T> Embedding(int idx) => default;
        }
        """,
        File.ReadAllText(RepositoryRoot.File("spec", "Generative", "Latent.lean")));

    [Fact]
    public Task Comments_strings_proofs_and_scopes_do_not_trigger() => Check(
        """
        namespace Latent;
        public static class G
        {
            [Mirrors("A.B.kept")]
            public static int Kept(int x, int y) => x + y;

            [Mirrors("A.outside")]
            public static int Outside(int n) => n;

            [Mirrors("top")]
            public static int Top() => 0;
        }
        """,
        """
        namespace A
        -- def commentedOut (x : Nat) : Nat := x
        /- def blockComment (x : Nat) : Nat := x
           /- nested: def deeper (y : Nat) := y -/
           still a comment: def stillHidden := 0 -/
        namespace B
        section Helpers
        /-- Docstring mentioning def docOnly (z : Nat). -/
        @[simp] private def kept x (y : Nat) : Nat := x + y
        theorem kept_comm (x y : Nat) : kept x y = kept y x := by omega
        instance : Inhabited Nat := ⟨0⟩
        example : kept 1 2 = 3 := rfl
        end Helpers
        end B
        noncomputable def outside (n : Nat) : Nat :=
          (fun _ => n) "def inString (q : Nat) := q"
        def _root_.top : Nat := 0
        end A
        """);

    [Fact]
    public Task A_project_without_spec_files_or_mirrors_does_not_trigger() => Check(
        """
        namespace Latent;
        public static class Plain
        {
            public static int F(int x) => x;
        }
        """,
        lean: null);
}

using System.Threading.Tasks;
using Latent.Analyzers.Rules;
using Latent.Analyzers.Tests.Support;
using Microsoft.CodeAnalysis.Testing;
using Xunit;

namespace Latent.Analyzers.Tests;

/// <summary>
/// LAT0007: the contract attributes of a mirror's parameters and result match the Lean binder and result types, and the
/// body calls the guards they imply (recognized by <c>[EnforcesContract]</c>, not by name) before its first computation.
/// </summary>
public sealed class ContractTests
{
    private const string Spec = """
        namespace Test.Latent
        variable {α : Type} [Context α]

        def reparameterizeDiag {latent : Shape} (mu logvar eps : Tensor α latent) : Tensor α latent :=
          mu + eps

        def kl {latent : Shape} (mu logvar : Tensor α latent) : α :=
          0

        structure Codebook (α : Type) (numCodes : Nat) (latent : Shape) [Context α] where
          embedding : Fin numCodes → Tensor α latent

        def quantizeAt {numCodes : Nat} {latent : Shape} (book : Codebook α numCodes latent) (idx : Fin numCodes) :
            Tensor α latent :=
          book.embedding idx

        end Test.Latent
        """;

    private const string Reparameterize = """
            [Mirrors("Test.Latent.reparameterizeDiag")]
            public static void ReparameterizeDiag<T>(
                [TensorOf("latent")] ReadOnlySpan<T> mu,
                [TensorOf("latent")] ReadOnlySpan<T> logvar,
                [TensorOf("latent")] ReadOnlySpan<T> eps,
                [TensorOf("latent")] Span<T> destination)
            {
                Guard.SameLength(mu, logvar);
                Guard.SameLength(mu, eps);
                Guard.DestinationFits(mu.Length, destination);
                for (int i = 0; i < mu.Length; i++)
                {
                    destination[i] = mu[i];
                }
            }
        """;

    private const string Kl = """
            [Mirrors("Test.Latent.kl")]
            public static T Kl<T>([TensorOf("latent")] ReadOnlySpan<T> mu, [TensorOf("latent")] ReadOnlySpan<T> logvar)
            {
                Guard.SameLength(mu, logvar);
                return mu[0];
            }
        """;

    private const string Quantize = """
            [Mirrors("Test.Latent.quantizeAt")]
            public static void QuantizeAt<T>([CodebookOf("numCodes", "latent")] Codebook<T> book, [Fin("numCodes")] int idx, [TensorOf("latent")] Span<T> destination)
            {
                ArgumentNullException.ThrowIfNull(book);
                Guard.Below(idx, book.NumCodes);
                Guard.DestinationFits(book.Latent, destination);
                book.Embedding(idx).CopyTo(destination);
            }
        """;

    private const string Book = """
        [Mirrors("Test.Latent.Codebook")]
        public sealed class Codebook<T>
        {
            public int NumCodes { get; }

            public int Latent { get; }

            public ReadOnlySpan<T> Embedding(int idx) => default;
        }
        """;

    private static string Source(string reparameterize = Reparameterize, string kl = Kl, string quantize = Quantize) => $$"""
        using System;
        namespace Latent;
        public static class G
        {
        {{reparameterize}}

        {{kl}}

        {{quantize}}
        }

        {{Book}}
        """;

    private static Task Check(string source, string lean, params DiagnosticResult[] expected) =>
        Verify.Analyzer<ContractAnalyzer>(source, lean, expected);

    private static DiagnosticResult Lat0007(int markup, string message) =>
        new DiagnosticResult(Descriptors.Contracts).WithLocation(markup).WithArguments(message);

    [Fact]
    public Task Mirrors_whose_contracts_match_and_are_guarded_first_pass() => Check(Source(), Spec);

    [Fact]
    public Task A_dropped_shape_guard_triggers() => Check(
        Source(reparameterize: Reparameterize.Replace("Guard.SameLength(mu, eps);", string.Empty).Replace("void ReparameterizeDiag", "void {|#0:ReparameterizeDiag|}")),
        Spec,
        Lat0007(0, "The mirror of 'Test.Latent.reparameterizeDiag' does not check, before its first computation, that 'eps' has the shape of 'mu' (Lean binder types share 'latent'): call the [EnforcesContract(ContractKind.SharedShape)] guard on them"));

    [Fact]
    public Task A_guard_after_the_first_computation_does_not_count() => Check(
        Source(kl: Kl.Replace("Guard.SameLength(mu, logvar);", "var first = mu[0];\n        Guard.SameLength(mu, logvar);").Replace("T Kl<T>", "T {|#0:Kl|}<T>")),
        Spec,
        Lat0007(0, "The mirror of 'Test.Latent.kl' does not check, before its first computation, that 'logvar' has the shape of 'mu' (Lean binder types share 'latent'): call the [EnforcesContract(ContractKind.SharedShape)] guard on them"));

    [Fact]
    public Task A_look_alike_without_the_attribute_is_not_a_guard() => Check(
        Source(kl: Kl.Replace("Guard.SameLength(mu, logvar);", "Guard.SameLengthUnmarked(mu, logvar);").Replace("T Kl<T>", "T {|#0:Kl|}<T>")),
        Spec,
        Lat0007(0, "The mirror of 'Test.Latent.kl' does not check, before its first computation, that 'logvar' has the shape of 'mu' (Lean binder types share 'latent'): call the [EnforcesContract(ContractKind.SharedShape)] guard on them"));

    [Fact]
    public Task A_shape_variable_dropped_from_a_parameter_triggers_naming_the_lean_binder() => Check(
        Source(kl: Kl.Replace("[TensorOf(\"latent\")] ReadOnlySpan<T> logvar", "ReadOnlySpan<T> {|#0:logvar|}")),
        Spec,
        Lat0007(0, "Parameter 'logvar' of the mirror of 'Test.Latent.kl' states no contract; the Lean binder is (logvar : Tensor α latent): mark it [TensorOf(\"latent\")]"));

    [Fact]
    public Task A_lean_binder_of_another_shape_variable_triggers() => Check(
        Source(reparameterize: Reparameterize.Replace("[TensorOf(\"latent\")] ReadOnlySpan<T> logvar", "[TensorOf(\"latent\")] ReadOnlySpan<T> {|#0:logvar|}")),
        Spec.Replace("(mu logvar eps : Tensor α latent)", "(mu : Tensor α latent) (logvar : Tensor α other) (eps : Tensor α latent)"),
        Lat0007(0, "Parameter 'logvar' of the mirror of 'Test.Latent.reparameterizeDiag' carries [TensorOf(\"latent\")] (Tensor α latent) but the Lean binder is (logvar : Tensor α other): mark it [TensorOf(\"other\")]"));

    [Fact]
    public Task Fin_read_as_nat_triggers_at_the_index() => Check(
        Source(quantize: Quantize.Replace("[Fin(\"numCodes\")] int idx", "[Fin(\"numCodes\")] int {|#0:idx|}")),
        Spec.Replace("(idx : Fin numCodes)", "(idx : Nat)"),
        Lat0007(0, "Parameter 'idx' of the mirror of 'Test.Latent.quantizeAt' carries [Fin(\"numCodes\")] but the Lean binder is (idx : Nat), which has no such contract"));

    [Fact]
    public Task An_index_contract_of_another_bound_triggers() => Check(
        Source(quantize: Quantize.Replace("[Fin(\"numCodes\")] int idx", "[Fin(\"other\")] int {|#0:idx|}")),
        Spec,
        Lat0007(0, "Parameter 'idx' of the mirror of 'Test.Latent.quantizeAt' carries [Fin(\"other\")] (Fin other) but the Lean binder is (idx : Fin numCodes): mark it [Fin(\"numCodes\")]"));

    [Fact]
    public Task An_unchecked_index_triggers() => Check(
        Source(quantize: Quantize.Replace("Guard.Below(idx, book.NumCodes);", string.Empty).Replace("void QuantizeAt", "void {|#0:QuantizeAt|}")),
        Spec,
        Lat0007(0, "The mirror of 'Test.Latent.quantizeAt' does not check, before its first computation, that 'idx' is a Fin numCodes (Lean binder type): call the [EnforcesContract(ContractKind.Fin)] guard on it"));

    [Fact]
    public Task A_scalar_result_mirrored_as_a_tensor_triggers() => Check(
        Source(kl: Kl.Replace("public static T Kl<T>([TensorOf(\"latent\")] ReadOnlySpan<T> mu, [TensorOf(\"latent\")] ReadOnlySpan<T> logvar)\n    {\n        Guard.SameLength(mu, logvar);\n        return mu[0];", "public static void Kl<T>([TensorOf(\"latent\")] ReadOnlySpan<T> mu, [TensorOf(\"latent\")] ReadOnlySpan<T> logvar, [TensorOf(\"latent\")] Span<T> {|#0:destination|})\n    {\n        Guard.SameLength(mu, logvar);")),
        Spec,
        Lat0007(0, "the Lean result type of 'Test.Latent.kl' is α, a scalar: the mirror must return it and write no destination span"));

    [Fact]
    public Task A_tensor_result_without_a_destination_contract_triggers() => Check(
        Source(reparameterize: Reparameterize.Replace("[TensorOf(\"latent\")] Span<T> destination", "Span<T> {|#0:destination|}")),
        Spec,
        Lat0007(0, "Parameter 'destination' of the mirror of 'Test.Latent.reparameterizeDiag' states no contract; the Lean result type is Tensor α latent: mark it [TensorOf(\"latent\")]"));

    [Fact]
    public Task An_expression_bodied_mirror_has_no_room_for_its_guards() => Check(
        Source(kl: Kl.Replace("public static T Kl<T>([TensorOf(\"latent\")] ReadOnlySpan<T> mu, [TensorOf(\"latent\")] ReadOnlySpan<T> logvar)\n    {\n        Guard.SameLength(mu, logvar);\n        return mu[0];\n    }", "public static T {|#0:Kl|}<T>([TensorOf(\"latent\")] ReadOnlySpan<T> mu, [TensorOf(\"latent\")] ReadOnlySpan<T> logvar) => mu[0];")),
        Spec,
        Lat0007(0, "The mirror of 'Test.Latent.kl' does not check, before its first computation, that 'logvar' has the shape of 'mu' (Lean binder types share 'latent'): call the [EnforcesContract(ContractKind.SharedShape)] guard on them"));
}

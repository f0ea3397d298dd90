using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Latent.Oracles;
using Latent.Properties.Support;
using Latent.Spec;
using Latent.Spec.Syntax;
using Xunit;

namespace Latent.Properties.SpecText;

/// <summary>
/// The spec evaluator as a reader of Lean: precedence and associativity, named arguments, literals at a type, sections,
/// structures, the contracts of binder types, clear errors for text it cannot read, and new definitions that need no new
/// C# code. Expected trees here are Lean's parse of the given text, which the tests state.
/// </summary>
public class SpecEvaluatorTests
{

    /// <summary>The text of <c>spec/</c> (without the upstream copies), as files, from the repository.</summary>
    internal static List<(string Name, string Text)> SpecFiles()
    {
        string root = Path.Combine(Latent.Properties.Support.Repository.Root, "spec");
        return Directory.EnumerateFiles(root, "*.lean", SearchOption.AllDirectories)
            .Where(p => !Path.GetRelativePath(root, p).StartsWith("upstream", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(p => ("spec/" + Path.GetRelativePath(root, p).Replace('\\', '/'), File.ReadAllText(p)))
            .ToList();
    }

    /// <summary>The spec text with one more file of definitions in the module's namespace and opens.</summary>
    private static SpecModule WithDefinitions(string body) =>
        SpecModule.FromFiles([.. SpecFiles(), ("spec/Test.lean", $"""
            namespace Generative.Latent
            open Spec
            open Tensor
            variable {"{α : Type}"} [Context α]
            {body}
            end Generative.Latent
            """)]);

    private static string Scalar(SpecModule module, string definition, params (string, string)[] scalars) =>
        SpecValues.Elements(module.Evaluate<string, SymbolicContext>(definition, [.. scalars.Select(s => (s.Item1, (Latent.Spec.Evaluation.SpecValue<string>)new Latent.Spec.Evaluation.ScalarValue<string>(s.Item2)))])).Single();

    [Fact]
    public void The_embedded_text_is_the_text_of_the_repository()
    {
        SpecModule fromDisk = SpecModule.FromFiles(SpecFiles());
        Assert.Equal(fromDisk.DefinitionNames, SpecModule.Mirrored.DefinitionNames);
        Assert.Equal(SpecFiles().Select(f => f.Name), SpecModule.Mirrored.Files);
    }

    [Fact]
    public void Infix_operators_have_leans_precedence_and_associate_left()
    {
        SpecModule m = WithDefinitions("def ops (a b c : α) : α := a - b - c * a + b / c * a");
        Assert.Equal("(((a - b) - (c * a)) + ((b / c) * a))", Scalar(m, "ops", ("a", "a"), ("b", "b"), ("c", "c")));
    }

    [Fact]
    public void Literals_take_the_type_they_stand_at_and_sections_are_functions()
    {
        SpecModule m = WithDefinitions("""
            def lits (a : α) : α := (1 : α) * a + (0 : α) - (1 / 2) * a
            def apply2 (f : α → α → α) (a b : α) : α := f a b
            def sections (a b : α) : α := apply2 (· * ·) a b - apply2 (fun x y => y - x) a b
            """);
        Assert.Equal("(((1 * a) + 0) - ((1 / 2) * a))", Scalar(m, "lits", ("a", "a")));
        Assert.Equal("((a * b) - (b - a))", Scalar(m, "sections", ("a", "a"), ("b", "b")));
    }

    [Fact]
    public void A_new_definition_is_evaluable_without_new_csharp()
    {
        // The summed KL (the theory file's convention), written in the module's vocabulary.
        SpecModule m = WithDefinitions("""
            def klSum {latent : Shape} (mu logvar : Tensor α latent) : α :=
              let per := expTensor logvar + mulSpec mu mu - fill (α := α) (1 : α) latent - logvar
              Numbers.pointfive * Spec.toScalarSpec per
            """);
        var args = new (string, Latent.Spec.Evaluation.SpecValue<string>)[]
        {
            ("mu", SpecValues.Tensor<string>(Shape.Of(2), new[] { "m0", "m1" })),
            ("logvar", SpecValues.Tensor<string>(Shape.Of(2), new[] { "l0", "l1" })),
        };
        string kl = SpecValues.Elements(m.Evaluate<string, SymbolicContext>("klSum", args)).Single();
        Assert.Equal("(0.5 * ((0 + (((exp(l0) + (m0 * m0)) - 1) - l0)) + (((exp(l1) + (m1 * m1)) - 1) - l1)))", kl);
    }

    [Fact]
    public void Tensors_of_one_shape_variable_must_share_their_shape()
    {
        var e = Assert.ThrowsAny<ArgumentException>(() => SpecModule.Mirrored.Evaluate<double, IeeeContext<double>>(
            "reparameterizeDiag",
            ("mu", SpecValues.Tensor<double>(Shape.Of(2), new double[2])),
            ("logvar", SpecValues.Tensor<double>(Shape.Of(3), new double[3])),
            ("eps", SpecValues.Tensor<double>(Shape.Of(2), new double[2]))));
        Assert.Equal("logvar", e.ParamName);
        Assert.Contains("'latent'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_fin_index_must_be_below_its_bound()
    {
        var book = new Codebook<double>(2, Shape.Of(1), [1.0, 2.0]);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => SpecModule.Mirrored.Evaluate<double, IeeeContext<double>>(
            "quantizeAt", ("book", SpecModule.Mirrored.Codebook(book)), ("idx", SpecValues.Index<double>(2, 2))));
        Assert.Equal("idx", e.ParamName);
    }

    [Theory]
    [InlineData("def bad (a : α) : α := ∑ i, a", 5, "∑")]
    [InlineData("def bad (a : α) : α :=\n  match a with\n  | x => x", 6, "match")]
    [InlineData("def bad (a : α) : α := a + undefinedThing", 5, "undefinedThing")]
    public void Unknown_syntax_or_names_are_errors_naming_file_line_and_token(string definition, int line, string token)
    {
        var e = Assert.Throws<SpecTextException>(() => WithDefinitions(definition));
        Assert.Equal("spec/Test.lean", e.File);
        Assert.Equal(line, e.Line);
        Assert.Equal(token, e.Token);
        Assert.StartsWith($"spec/Test.lean:{line}:", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_recursive_definition_without_a_builtin_is_an_error()
    {
        var e = Assert.Throws<SpecTextException>(() => WithDefinitions("def twice : Nat → Nat\n  | n => n + n"));
        Assert.Contains("pattern matching", e.Message, StringComparison.Ordinal);
        Assert.Equal("|", e.Token);
    }

    [Fact]
    public void The_trusted_builtins_are_the_structural_recursions_and_the_context_members()
    {
        Assert.Equal(
            ["MathFunctions.exp", "Numbers.pointfive", "Spec.Shape.size", "Spec.Tensor.fill", "Spec.Tensor.map2Spec", "Spec.Tensor.mapSpec", "Spec.tensorFoldlSpec"],
            SpecModule.Mirrored.BuiltinNames);
        Assert.Equal(
            ["MathFunctions.exp", "Spec.Shape.size", "TorchLean.Tensor.foldlSpec", "TorchLean.Tensor.full", "TorchLean.Tensor.map2Spec", "TorchLean.Tensor.mapSpec"],
            SpecModule.UpstreamV3.BuiltinNames);
    }

    [Fact]
    public void Changing_the_lean_text_changes_the_reference_and_the_mirror_no_longer_matches()
    {
        // Reassociate the KL term in a copy of the text: the evaluator follows the text, the mirror does not.
        var files = SpecFiles().Select(f => f.Name.EndsWith("Generative/Latent.lean", StringComparison.Ordinal)
            ? (f.Name, f.Text.Replace("var + mu2 - ones - logvar", "var + (mu2 - ones) - logvar", StringComparison.Ordinal))
            : f).ToList();
        SpecModule changed = SpecModule.FromFiles(files);
        Invocation<string> call = SpecTraceTests.SymbolicCall(Definition.DiagonalGaussianKlToStandard, Shape.Of(1), EmptyMeanConvention.V1);
        Assert.Equal("(0.5 * ((0 + ((exp(logvar0) + ((mu0 * mu0) - 1)) - logvar0)) / 1))", call.Spec<SymbolicContext>(changed).Single());
        Assert.NotEqual(call.Spec<SymbolicContext>(changed), call.Mirror<SymbolicContext>());
    }
}

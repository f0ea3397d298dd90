using System.IO;
using System.Linq;
using Latent.Analyzers.Spec;
using Latent.Analyzers.Tests.Support;
using Latent.Lean;
using Xunit;

namespace Latent.Analyzers.Tests;

/// <summary>The Lean reader behind LAT0001, on the repository's spec and on edge cases of Lean syntax.</summary>
public sealed class LeanReaderTests
{
    [Fact]
    public void Reads_every_declaration_of_the_repository_spec_with_its_binders()
    {
        string path = RepositoryRoot.File("spec", "Generative", "Latent.lean");
        var declarations = LeanReader.Read(path, File.ReadAllText(path)).ToDictionary(d => d.FullName);

        Assert.Equal(
            ["Generative.Latent.Codebook", "Generative.Latent.diagonalGaussianKlToStandard", "Generative.Latent.expTensor",
             "Generative.Latent.halfTensor", "Generative.Latent.quantizeAt", "Generative.Latent.reparameterizeDiag"],
            declarations.Keys.OrderBy(k => k, System.StringComparer.Ordinal));
        Assert.Equal(["mu", "logvar", "eps"], declarations["Generative.Latent.reparameterizeDiag"].ExplicitValueBinders.Select(b => b.Name));
        Assert.Equal(["book", "idx"], declarations["Generative.Latent.quantizeAt"].ExplicitValueBinders.Select(b => b.Name));
        Assert.Equal(["numCodes", "latent"], declarations["Generative.Latent.Codebook"].ExplicitValueBinders.Select(b => b.Name));
        Assert.Equal(["embedding"], declarations["Generative.Latent.Codebook"].Fields.Select(f => f.Name));
        Assert.Equal(
            [LeanBinderKind.Implicit, LeanBinderKind.Explicit, LeanBinderKind.Explicit],
            declarations["Generative.Latent.diagonalGaussianKlToStandard"].Binders.Select(b => b.Kind));
    }

    [Fact]
    public void Reads_binder_kinds_types_defaults_and_bare_binders()
    {
        var declaration = Assert.Single(LeanReader.Read("t.lean", """
            def f {n : Nat} ⦃m : Nat⦄ [inst : Add α] (a b : Fin (n + 1)) (c : Nat := 3) d
                (e) : Nat := a
            """));

        Assert.Equal("f", declaration.FullName);
        Assert.Equal(
            [("n", LeanBinderKind.Implicit), ("m", LeanBinderKind.StrictImplicit), ("inst", LeanBinderKind.Instance),
             ("a", LeanBinderKind.Explicit), ("b", LeanBinderKind.Explicit), ("c", LeanBinderKind.Explicit),
             ("d", LeanBinderKind.Explicit), ("e", LeanBinderKind.Explicit)],
            declaration.Binders.Select(b => (b.Name, b.Kind)));
        Assert.Equal("Fin ( n + 1 )", declaration.Binders[3].Type);
        Assert.Equal("Nat", declaration.Binders[5].Type);
    }

    [Fact]
    public void Nests_namespaces_and_sections_and_stops_headers_at_the_next_command()
    {
        var names = LeanReader.Read("t.lean", """
            namespace A.B
            section
            def noBody (x : Nat)
            def next (y : Nat) : Nat := y
            end
            end B
            namespace C
            structure S (α : Type) where
              mk ::
              (left right : α)
              size : Nat := 0
                -- a continuation line of the previous field's type
            end C
            def «weird name» : Nat := 0
            end A
            def afterAll : Nat := 1
            """);

        Assert.Equal(["A.B.noBody", "A.B.next", "A.C.S", "A.«weird name»", "afterAll"], names.Select(d => d.FullName));
        Assert.Equal(["x"], names[0].ExplicitValueBinders.Select(b => b.Name));
        Assert.Equal(["left", "right", "size"], names[2].Fields.Select(f => f.Name));
        Assert.True(names[2].Binders.Single().IsTypeLevel);
    }

    [Fact]
    public void Ignores_comments_docstrings_and_strings_but_keeps_offsets()
    {
        const string Text = "/-- doc -/\n-- def hidden := 0\n/- /- def nested := 0 -/ -/ def shown (s : String := \"def q := 1\") := s\n";
        var declaration = Assert.Single(LeanReader.Read("t.lean", Text));

        Assert.Equal("shown", declaration.FullName);
        Assert.Equal("shown", Text.Substring(declaration.NameStart, declaration.NameLength));
    }
}

using System.Collections.Generic;
using Latent.Lean;
using Latent.Spec.Syntax;

namespace Latent.Spec.Elaboration;

/// <summary>
/// One elaborated <c>def</c>: its parameters (the value binders, explicit and implicit, in order), its result type, and
/// either the operation graph of its body or the name of the built-in that stands for it.
/// </summary>
internal sealed class SpecDefinition
{
    public SpecDefinition(LeanDeclaration declaration, SourceText source)
    {
        Declaration = declaration;
        Source = source;
    }

    public LeanDeclaration Declaration { get; }

    public SourceText Source { get; }

    public string FullName => Declaration.FullName;

    public List<Parameter> Parameters { get; } = [];

    /// <summary>The names of the type-level binders (<c>α</c>, <c>β</c>): named arguments for them are accepted and ignored.</summary>
    public HashSet<string> TypeBinders { get; } = [];

    public Term? ResultType { get; set; }

    public Node? Body { get; set; }

    public string? Builtin { get; set; }

    public int FrameSize { get; set; }

    public int ExplicitCount => Explicit.Length;

    /// <summary>The explicit parameters in order (for a built-in, the arrows of its result type count too).</summary>
    public Parameter[] Explicit { get; set; } = [];

    /// <summary>The type each explicit argument is elaborated at.</summary>
    public Expect[] ExplicitExpects { get; set; } = [];

    public (int Line, int Column) Location => Source.Locate(Declaration.NameStart);

    public override string ToString() => FullName;
}

using Latent.Spec.Syntax;

namespace Latent.Spec.Elaboration;

/// <summary>One value binder of a definition: its name, whether the caller passes it, its Lean type and its frame slot.</summary>
internal sealed record Parameter(string Name, bool IsExplicit, Term? Type, int Slot);

/// <summary>What type a term is elaborated at, as far as the evaluator needs to know: <c>α</c>, <c>Nat</c>, or open.</summary>
internal enum Expect
{
    None,
    Scalar,
    Nat,
}

using System;

namespace Latent;

/// <summary>
/// Marks the single C# member that mirrors a declaration of the Lean specification in <c>spec/</c>.
/// </summary>
/// <remarks>
/// The attribute is deliberately not <c>[Conditional]</c>: it stays in metadata so that tools and the
/// Roslyn rule LAT0001 can pair every Lean declaration with exactly one mirror. The mirror's explicit
/// parameters carry the Lean explicit binders' names in the same order; a destination span and
/// parameters marked <see cref="SpecVariantAttribute"/> come after them.
/// </remarks>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class | AttributeTargets.Struct, AllowMultiple = false, Inherited = false)]
public sealed class MirrorsAttribute : Attribute
{
    /// <summary>Creates the attribute for the Lean declaration <paramref name="declaration"/>.</summary>
    /// <param name="declaration">Fully qualified Lean name, for example <c>Generative.Latent.reparameterizeDiag</c>.</param>
    public MirrorsAttribute(string declaration) => Declaration = declaration;

    /// <summary>Fully qualified Lean name of the mirrored declaration.</summary>
    public string Declaration { get; }
}

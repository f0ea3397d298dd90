using System;

namespace Latent;

/// <summary>
/// The Lean binder type of an index parameter: <c>Fin <see cref="Bound"/></c>, a natural number below the bound. Lean's
/// type makes an index out of range impossible; the mirror checks it with a <see cref="EnforcesContractAttribute"/> guard
/// before its first computation (LAT0007).
/// </summary>
/// <param name="bound">The Lean variable the index is below (<c>numCodes</c>).</param>
[AttributeUsage(AttributeTargets.Parameter, AllowMultiple = false)]
public sealed class FinAttribute(string bound) : Attribute
{
    /// <summary>The Lean bound variable.</summary>
    public string Bound { get; } = bound;
}

using System;

namespace Latent;

/// <summary>
/// The Lean binder type of a codebook parameter: <c>Codebook α <see cref="NumCodes"/> <see cref="Latent"/></c>. Its
/// <c>NumCodes</c> is the bound of a <see cref="FinAttribute"/> index of the same variable, and its <c>Latent</c> the shape of
/// a <see cref="TensorOfAttribute"/> parameter or result of the same variable (LAT0007).
/// </summary>
/// <param name="numCodes">The Lean variable of the number of codes.</param>
/// <param name="latent">The Lean shape variable of every code.</param>
[AttributeUsage(AttributeTargets.Parameter, AllowMultiple = false)]
public sealed class CodebookOfAttribute(string numCodes, string latent) : Attribute
{
    /// <summary>The Lean variable of the number of codes.</summary>
    public string NumCodes { get; } = numCodes;

    /// <summary>The Lean shape variable of every code.</summary>
    public string Latent { get; } = latent;
}

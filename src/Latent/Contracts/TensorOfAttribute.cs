using System;

namespace Latent;

/// <summary>
/// The Lean binder type of a span or tensor parameter: <c>Tensor α <see cref="Shape"/></c>. Parameters that name the same
/// shape variable (<c>[TensorOf("latent")]</c> on <c>mu</c>, <c>logvar</c>, <c>eps</c> and <c>destination</c>) must have one
/// shape, as Lean's type guarantees; on <c>destination</c> it is the result's shape contract.
/// </summary>
/// <remarks>
/// LAT0007 compares it with the binder type in <c>spec/</c> and requires the body to check the shared shape with a
/// <see cref="EnforcesContractAttribute"/> guard before its first computation.
/// </remarks>
/// <param name="shape">The Lean shape variable (<c>latent</c>, <c>s</c>).</param>
[AttributeUsage(AttributeTargets.Parameter | AttributeTargets.ReturnValue, AllowMultiple = false)]
public sealed class TensorOfAttribute(string shape) : Attribute
{
    /// <summary>The Lean shape variable.</summary>
    public string Shape { get; } = shape;
}

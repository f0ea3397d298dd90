using System;

namespace Latent;

/// <summary>What a contract guard checks.</summary>
public enum ContractKind
{
    /// <summary>Two tensors of one Lean shape variable have one shape (<c>Tensor α latent</c> twice).</summary>
    SharedShape,

    /// <summary>An index is below its bound (<c>Fin numCodes</c>).</summary>
    Fin,

    /// <summary>The destination holds the result's shape (the Lean result type <c>Tensor α s</c>).</summary>
    Result,

    /// <summary>An input and the destination are the same span or disjoint (a C# concern: Lean values do not alias).</summary>
    Aliasing,

    /// <summary>A <see cref="SpecVariantAttribute"/> argument names a defined upstream variant.</summary>
    Variant,
}

/// <summary>
/// Marks the one guard of each contract kind. LAT0007 recognizes a guard by this attribute on the called method (by
/// symbol, not by name) and requires each mirror to call the guards its Lean binder types need, before its first
/// computation.
/// </summary>
/// <param name="kind">What the guard checks.</param>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class EnforcesContractAttribute(ContractKind kind) : Attribute
{
    /// <summary>What the guard checks.</summary>
    public ContractKind Kind { get; } = kind;
}

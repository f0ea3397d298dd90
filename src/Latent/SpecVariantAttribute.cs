using System;

namespace Latent;

/// <summary>
/// Marks a parameter that selects between upstream versions of the specification rather than
/// mirroring a Lean binder (for example <see cref="EmptyMeanConvention"/>).
/// </summary>
[AttributeUsage(AttributeTargets.Parameter, AllowMultiple = false, Inherited = false)]
public sealed class SpecVariantAttribute : Attribute
{
}

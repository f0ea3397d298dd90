using System;

namespace Latent;

/// <summary>
/// Marks a convenience form that allocates exactly one object: the tensor it returns.
/// </summary>
/// <remarks>
/// Every definition also has a form that writes into a caller's destination span and allocates nothing.
/// The allocating form validates shapes, allocates its result and delegates to that kernel.
/// </remarks>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class AllocatesResultAttribute : Attribute
{
}

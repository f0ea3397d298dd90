using System;

namespace Latent;

/// <summary>
/// Marks a convenience form that allocates exactly one object: the tensor it returns.
/// </summary>
/// <remarks>
/// <para>Every definition also has a form that writes into a caller's destination span and allocates nothing.
/// The allocating form validates shapes, allocates its result and delegates to that kernel.</para>
/// <para>The analyzer rule LAT0005 lets a marked member allocate one result buffer and objects of its return type, and
/// nothing else; the internal factory that wraps a fresh buffer into the returned tensor carries the mark too.</para>
/// </remarks>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class AllocatesResultAttribute : Attribute
{
}

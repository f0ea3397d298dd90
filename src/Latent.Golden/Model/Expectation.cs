using System;
using Latent.Golden.Tolerance;

namespace Latent.Golden.Model;

/// <summary>
/// What one port profile accepts for one result element, as bit patterns of the file's format.
/// </summary>
/// <param name="Tolerance">The bound on <c>|port − exact|</c> that the profile's analysis gives, rounded up into the format
/// (+0 for results every such port computes exactly; NaN when the result must be NaN); informative where an end is infinite.</param>
/// <param name="Lo">The smallest accepted result (format order, <c>−0 &lt; +0</c>).</param>
/// <param name="Hi">The largest accepted result.</param>
/// <param name="Nan">Whether the result must, may or must not be NaN.</param>
public readonly record struct Band(ulong Tolerance, ulong Lo, ulong Hi, NanRule Nan);

/// <summary>
/// The expected output of one element of one test: the two reference values and one accepted band per port profile
/// (<see cref="PortProfile"/>), as bit patterns of the file's format.
/// </summary>
/// <param name="SpecCr">The spec's evaluation order with every primitive correctly rounded (libm-independent).</param>
/// <param name="Exact">The real result (or its limit) correctly rounded into the format.</param>
/// <param name="Default">The band of <see cref="PortProfile.Default"/>.</param>
/// <param name="Strict">The band of <see cref="PortProfile.Strict"/>.</param>
/// <param name="Gpu">The band of <see cref="PortProfile.Gpu"/>.</param>
public readonly record struct Expectation(ulong SpecCr, ulong Exact, Band Default, Band Strict, Band Gpu)
{
    /// <summary>The band of <paramref name="profile"/>.</summary>
    public Band For(PortProfile profile) => profile switch
    {
        PortProfile.Default => Default,
        PortProfile.Strict => Strict,
        PortProfile.Gpu => Gpu,
        _ => throw new ArgumentOutOfRangeException(nameof(profile)),
    };

    /// <summary>An expectation whose three profiles accept the same band (results every faithful port computes alike).</summary>
    public static Expectation Same(ulong specCr, ulong exact, Band band) => new(specCr, exact, band, band, band);
}

namespace Latent.Golden.Model;

/// <summary>
/// The expected output of one element of one test, as bit patterns of the file's format.
/// </summary>
/// <param name="SpecCr">The spec's evaluation order with every primitive correctly rounded (libm-independent).</param>
/// <param name="Exact">The real result (or its limit) correctly rounded into the format.</param>
/// <param name="Tolerance">The bound on <c>|port − exact|</c> from the forward error analysis, rounded up into the format
/// (+0 for results every faithful port computes exactly; NaN when the result must be NaN).</param>
/// <param name="Lo">The smallest accepted result (format order, <c>−0 &lt; +0</c>).</param>
/// <param name="Hi">The largest accepted result.</param>
/// <param name="Nan">Whether the result must, may or must not be NaN.</param>
public readonly record struct Expectation(ulong SpecCr, ulong Exact, ulong Tolerance, ulong Lo, ulong Hi, NanRule Nan);

using Microsoft.CodeAnalysis;

namespace Latent.Analyzers.Reach;

/// <summary>
/// A call (or other use) from one body to a member of the same compilation whose body the rules must check too.
/// </summary>
internal readonly struct Edge
{
    public Edge(ISymbol target, bool allocationExempt)
    {
        Target = target;
        AllocationExempt = allocationExempt;
    }

    /// <summary>The callee, normalized to its original, implementing definition; or a type, for its static initialization.</summary>
    public ISymbol Target { get; }

    /// <summary>
    /// True when the callee runs only to build an exception (inside a <c>throw</c> or a <c>[DoesNotReturn]</c> method) or once
    /// per process (static initialization): allocation there is not a per-call cost, so LAT0005 does not apply.
    /// </summary>
    public bool AllocationExempt { get; }
}

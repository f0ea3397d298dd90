using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace Latent.Analyzers.Reach;

/// <summary>
/// A violation found in one body, before it is known whether (and from which mirror) the body is reached. The engine adds
/// the "reached from" part when it reports the finding.
/// </summary>
internal sealed class Finding
{
    public Finding(Location location, string text, bool isBufferAllocation = false, ImmutableDictionary<string, string?>? properties = null)
    {
        Location = location;
        Text = text;
        IsBufferAllocation = isBufferAllocation;
        Properties = properties ?? ImmutableDictionary<string, string?>.Empty;
    }

    public Location Location { get; }

    /// <summary>What is wrong, as the first argument of the rule's message.</summary>
    public string Text { get; }

    /// <summary>An array (or array copy) that an <c>[AllocatesResult]</c> member may allocate once, as its result.</summary>
    public bool IsBufferAllocation { get; }

    /// <summary>Data for a code fix.</summary>
    public ImmutableDictionary<string, string?> Properties { get; }
}

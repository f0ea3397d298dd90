using System.Collections.Generic;

namespace Latent.Analyzers.Reach;

/// <summary>What one body (method, accessor, constructor or initializer) calls and what one rule found in it.</summary>
internal sealed class BodyFacts
{
    public BodyFacts(List<Edge> edges, List<Finding> findings, bool chainsToThisConstructor)
    {
        Edges = edges;
        Findings = findings;
        ChainsToThisConstructor = chainsToThisConstructor;
    }

    public List<Edge> Edges { get; }

    public List<Finding> Findings { get; }

    /// <summary>A constructor that calls <c>this(...)</c> does not run the instance field initializers itself.</summary>
    public bool ChainsToThisConstructor { get; }
}

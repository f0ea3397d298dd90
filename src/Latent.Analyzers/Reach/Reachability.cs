using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace Latent.Analyzers.Reach;

/// <summary>
/// Follows the edges from the roots, with a visited set, and decides for every reached body which root it is reported for
/// and whether it is reached only in allocation-exempt mode (exception paths, static initialization).
/// </summary>
internal sealed class Reachability
{
    private readonly IReadOnlyDictionary<ISymbol, BodyFacts> _facts;
    private readonly Dictionary<ISymbol, (Root Root, bool Exempt)> _reached = new(SymbolEqualityComparer.Default);

    public Reachability(IReadOnlyDictionary<ISymbol, BodyFacts> facts, IEnumerable<Root> roots)
    {
        _facts = facts;
        var queue = new Queue<ISymbol>();
        foreach (Root root in roots)
        {
            Visit(root.Symbol, root, exempt: false, queue);
        }

        // Phase 1: per-call paths only. Phase 2: from every reached body, the exception and initialization paths.
        Drain(queue, followExempt: false);
        foreach (ISymbol node in _reached.Keys.ToList())
        {
            queue.Enqueue(node);
        }

        Drain(queue, followExempt: true);
    }

    /// <summary>Every reached body with the root it was first reached from, in a stable order.</summary>
    public IEnumerable<(ISymbol Node, Root Root, bool Exempt)> Reached =>
        _reached.Select(pair => (pair.Key, pair.Value.Root, pair.Value.Exempt));

    private void Drain(Queue<ISymbol> queue, bool followExempt)
    {
        while (queue.Count > 0)
        {
            ISymbol node = queue.Dequeue();
            (Root root, bool nodeExempt) = _reached[node];
            foreach (Edge edge in Successors(node))
            {
                bool exempt = nodeExempt || edge.AllocationExempt;
                if (exempt && !followExempt)
                {
                    continue;
                }

                Visit(edge.Target, root, exempt, queue);
            }
        }
    }

    private void Visit(ISymbol node, Root root, bool exempt, Queue<ISymbol> queue)
    {
        if (!_reached.ContainsKey(node))
        {
            _reached.Add(node, (root, exempt));
            queue.Enqueue(node);
        }
    }

    /// <summary>
    /// The recorded calls of a body; a constructor also runs its type's instance initializers (unless it chains to
    /// <c>this(...)</c>), and a type's static initialization runs its static initializers and static constructor.
    /// </summary>
    private IEnumerable<Edge> Successors(ISymbol node)
    {
        _facts.TryGetValue(node, out BodyFacts? facts);
        if (facts is not null)
        {
            foreach (Edge edge in facts.Edges)
            {
                yield return edge;
            }
        }

        if (node is IMethodSymbol { MethodKind: MethodKind.Constructor } constructor && facts?.ChainsToThisConstructor != true)
        {
            foreach (ISymbol member in constructor.ContainingType.GetMembers())
            {
                if (member is IFieldSymbol or IPropertySymbol && !member.IsStatic && _facts.ContainsKey(member))
                {
                    yield return new Edge(member, allocationExempt: false);
                }
            }
        }

        if (node is INamedTypeSymbol type)
        {
            foreach (ISymbol member in type.GetMembers())
            {
                bool initializer = member is IFieldSymbol or IPropertySymbol && member.IsStatic;
                bool staticConstructor = member is IMethodSymbol { MethodKind: MethodKind.StaticConstructor };
                if ((initializer || staticConstructor) && _facts.ContainsKey(member))
                {
                    yield return new Edge(member, allocationExempt: true);
                }
            }
        }
    }
}

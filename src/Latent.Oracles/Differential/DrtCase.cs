using System;
using System.Numerics;

namespace Latent.Oracles.Differential;

/// <summary>
/// One differential test case: a definition, the class of inputs it was drawn from, a shape and the inputs (row-major).
/// Arrays a definition does not take are empty.
/// </summary>
/// <typeparam name="T">The scalar type.</typeparam>
public sealed record DrtCase<T>(
    Definition Definition,
    string Class,
    Shape Shape,
    T[] X,
    T[] Mu,
    T[] Logvar,
    T[] Eps,
    Codebook<T>? Book,
    int Index,
    EmptyMeanConvention EmptyMean)
    where T : IBinaryFloatingPointIeee754<T>
{
    /// <summary>A case of <paramref name="definition"/> with no inputs yet.</summary>
    public static DrtCase<T> Empty(Definition definition, string inputClass, Shape shape) =>
        new(definition, inputClass, shape, [], [], [], [], null, 0, EmptyMeanConvention.V1);
}

using System;
using System.Collections.Generic;

namespace Latent.Golden.Cases;

/// <summary>The inputs of one test before its expectations are computed.</summary>
/// <param name="Shape">The latent shape (of every tensor input, and of each code for <c>quantizeAt</c>).</param>
/// <param name="Inputs">The tensor inputs in argument order, row-major; for <c>quantizeAt</c> the codes back to back.</param>
/// <param name="Comment">What the test probes.</param>
/// <param name="Flags">Flags chosen by the case builder; derived flags are added later.</param>
internal sealed record GoldenCase<T>(int[] Shape, IReadOnlyList<T[]> Inputs, string Comment, IReadOnlyList<string> Flags)
{
    /// <summary>For the KL: the empty-mean convention of the test's group.</summary>
    public EmptyMeanConvention? EmptyMean { get; init; }

    /// <summary>For <c>quantizeAt</c>: the number of codes.</summary>
    public int NumCodes { get; init; }

    /// <summary>For <c>quantizeAt</c>: the chosen index.</summary>
    public int Index { get; init; }

    /// <summary>The number of elements of the shape.</summary>
    public int Size
    {
        get
        {
            int size = 1;
            foreach (int d in Shape)
            {
                size *= d;
            }

            return size;
        }
    }

    /// <summary>The test as a call of <paramref name="definition"/>: tensor inputs by their Lean binder names, or the codebook.</summary>
    public Oracles.Invocation<T> ToInvocation(Oracles.Definition definition)
    {
        Shape shape = Latent.Shape.Of(Shape);
        if (definition == Oracles.Definition.QuantizeAt)
        {
            return new Oracles.Invocation<T>(definition, shape, new Dictionary<string, T[]>(), new Codebook<T>(NumCodes, shape, Inputs[0]), Index);
        }

        IReadOnlyList<string> names = Oracles.Definitions.TensorInputs(definition);
        var tensors = new Dictionary<string, T[]>(StringComparer.Ordinal);
        for (int i = 0; i < names.Count; i++)
        {
            tensors[names[i]] = Inputs[i];
        }

        return new Oracles.Invocation<T>(definition, shape, tensors, EmptyMean: EmptyMean ?? EmptyMeanConvention.V1);
    }

    /// <summary>A one-dimensional case of the given inputs.</summary>
    public static GoldenCase<T> Vector(string comment, string[] flags, params T[][] inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        return new GoldenCase<T>([inputs[0].Length], inputs, comment, flags);
    }
}

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
    /// <summary>The case as a call, with each input converted by <paramref name="convert"/> (to <see cref="Twin{T}"/>, say).</summary>
    public Invocation<TValue> ToInvocation<TValue>(Func<T, TValue> convert)
    {
        ArgumentNullException.ThrowIfNull(convert);
        TValue[] Converted(T[] values) => Array.ConvertAll(values, v => convert(v));
        var tensors = new System.Collections.Generic.Dictionary<string, TValue[]>(StringComparer.Ordinal)
        {
            ["x"] = Converted(X),
            ["mu"] = Converted(Mu),
            ["logvar"] = Converted(Logvar),
            ["eps"] = Converted(Eps),
        };
        Codebook<TValue>? book = null;
        if (Book is { } b)
        {
            var embeddings = new TValue[b.NumCodes * b.Latent.Size];
            for (int code = 0; code < b.NumCodes; code++)
            {
                ReadOnlySpan<T> e = b.Embedding(code);
                for (int i = 0; i < e.Length; i++)
                {
                    embeddings[(code * e.Length) + i] = convert(e[i]);
                }
            }

            book = new Codebook<TValue>(b.NumCodes, b.Latent, embeddings);
        }

        return new Invocation<TValue>(Definition, Shape, tensors, book, Index, EmptyMean);
    }

    /// <summary>A case of <paramref name="definition"/> with no inputs yet.</summary>
    public static DrtCase<T> Empty(Definition definition, string inputClass, Shape shape) =>
        new(definition, inputClass, shape, [], [], [], [], null, 0, EmptyMeanConvention.V1);
}

using System;
using System.Collections.Generic;
using System.Linq;
using Latent.Spec;

namespace Latent.Oracles;

/// <summary>
/// One call of a definition of <c>Generative.Latent</c> with its inputs, runnable two independent ways: through the C#
/// mirror (<see cref="Mirror{TContext}"/>) and through the spec evaluator reading the Lean text (<see cref="Spec{TContext}"/>),
/// each over any context. The one place that knows the mirrors' C# signatures.
/// </summary>
/// <typeparam name="T">The scalar type.</typeparam>
/// <param name="Definition">The definition.</param>
/// <param name="Shape">The latent shape of the tensor inputs.</param>
/// <param name="Tensors">The tensor inputs by Lean binder name (<c>x</c>; <c>mu</c>, <c>logvar</c>, <c>eps</c>), row-major.</param>
/// <param name="Book">The codebook of a <c>quantizeAt</c> call.</param>
/// <param name="Index">The code index of a <c>quantizeAt</c> call.</param>
/// <param name="EmptyMean">The empty-shape convention: V1 is the mirrored text, V3 the upstream V3 text.</param>
public sealed record Invocation<T>(
    Definition Definition,
    Shape Shape,
    IReadOnlyDictionary<string, T[]> Tensors,
    Codebook<T>? Book = null,
    int Index = 0,
    EmptyMeanConvention EmptyMean = EmptyMeanConvention.V1)
{
    private T[] In(string name) =>
        Tensors.TryGetValue(name, out T[]? v) ? v : throw new ArgumentException($"{Definition.LeanName()} needs the input '{name}'.", name);

    private Codebook<T> RequiredBook => Book ?? throw new ArgumentException("quantizeAt needs a codebook.", nameof(Book));

    /// <summary>The mirror's result elements (a scalar result is one element).</summary>
    public T[] Mirror<TContext>()
        where TContext : IContext<T>
    {
        int n = Shape.Size;
        var z = new T[Definition == Definition.QuantizeAt ? RequiredBook.Latent.Size : n];
        switch (Definition)
        {
            case Definition.ExpTensor:
                GenerativeLatent.ExpTensor<T, TContext>(In("x"), z);
                return z;
            case Definition.HalfTensor:
                GenerativeLatent.HalfTensor<T, TContext>(In("x"), z);
                return z;
            case Definition.ReparameterizeDiag:
                GenerativeLatent.ReparameterizeDiag<T, TContext>(In("mu"), In("logvar"), In("eps"), z);
                return z;
            case Definition.DiagonalGaussianKlToStandard:
                return [GenerativeLatent.DiagonalGaussianKlToStandard<T, TContext>(In("mu"), In("logvar"), EmptyMean)];
            case Definition.QuantizeAt:
                GenerativeLatent.QuantizeAt(RequiredBook, Index, z);
                return z;
            default:
                throw new ArgumentOutOfRangeException(nameof(Definition), Definition, null);
        }
    }

    /// <summary>
    /// The result elements of the Lean text evaluated by <see cref="SpecModule"/>: <paramref name="module"/>, or the text of
    /// the <see cref="EmptyMean"/> convention (V1: the mirrored text; V3: upstream V3). Arguments go by Lean binder name.
    /// </summary>
    public T[] Spec<TContext>(SpecModule? module = null)
        where TContext : IContext<T>
    {
        SpecModule text = module ?? SpecModule.For(EmptyMean);
        string name = Definition.LeanName();
        var arguments = text.ExplicitBinders(name).Select(binder => (binder, binder switch
        {
            "book" => text.Codebook(RequiredBook),
            "idx" => SpecValues.Index<T>(Index, RequiredBook.NumCodes),
            _ => SpecValues.Tensor<T>(Shape, In(binder)),
        })).ToArray();
        return SpecValues.Elements(text.Evaluate<T, TContext>(name, arguments));
    }
}

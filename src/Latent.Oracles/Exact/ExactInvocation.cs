using System;
using System.Numerics;
using Latent.Ieee;

namespace Latent.Oracles.Exact;

/// <summary>The exact semantics of an <see cref="Invocation{T}"/>: the real result of the formula, rounded once into the format.</summary>
public static class ExactInvocation
{
    /// <summary>The result elements of <see cref="ExactOracle"/> for the call (a scalar result is one element).</summary>
    public static T[] Exact<T, TFormat>(this Invocation<T> call)
        where T : IBinaryFloatingPointIeee754<T>
        where TFormat : IBinaryFormat<T>
    {
        ArgumentNullException.ThrowIfNull(call);
        T[] In(string name) => call.Tensors.TryGetValue(name, out T[]? v) ? v : throw new ArgumentException($"The call needs the input '{name}'.", nameof(call));
        var exact = new T[call.Definition == Definition.QuantizeAt ? (call.Book?.Latent.Size ?? 0) : call.Shape.Size];
        switch (call.Definition)
        {
            case Definition.ExpTensor:
                ExactOracle.ExpTensor<T, TFormat>(In("x"), exact);
                return exact;
            case Definition.HalfTensor:
                ExactOracle.HalfTensor<T>(In("x"), exact);
                return exact;
            case Definition.ReparameterizeDiag:
                ExactOracle.ReparameterizeDiag<T, TFormat>(In("mu"), In("logvar"), In("eps"), exact);
                return exact;
            case Definition.DiagonalGaussianKlToStandard:
                return [ExactOracle.DiagonalGaussianKlToStandard<T, TFormat>(In("mu"), In("logvar"), call.EmptyMean)];
            case Definition.QuantizeAt:
                ExactOracle.QuantizeAt(call.Book ?? throw new ArgumentException("quantizeAt needs a codebook.", nameof(call)), call.Index, exact);
                return exact;
            default:
                throw new ArgumentOutOfRangeException(nameof(call), call.Definition, null);
        }
    }
}

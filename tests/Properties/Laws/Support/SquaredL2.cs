using System;
using System.Numerics;

namespace Latent.Properties.Laws.Support;

/// <summary>
/// A floating-point reading of TorchLean's <c>VQVAE.squaredL2 x y = ∑ k, (x k − y k) ^ 2</c> (defined over ℝ, outside the
/// mirrored module): per coordinate <c>d = x − y</c>, <c>d * d</c>, summed by a zero-seeded left fold in row-major order, the
/// reduction order of TorchLean's <c>sumSpec</c>. The module itself has no distance; the laws apply this one to codes that
/// <c>quantizeAt</c> returns.
/// </summary>
internal static class SquaredL2
{
    public static T Of<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> y)
        where T : IFloatingPointIeee754<T>
    {
        if (x.Length != y.Length)
        {
            throw new ArgumentException($"y has {y.Length} elements but x has {x.Length}.", nameof(y));
        }

        T sum = T.Zero;
        for (int k = 0; k < x.Length; k++)
        {
            T d = x[k] - y[k];
            sum += d * d;
        }

        return sum;
    }
}

using System;

namespace Latent;

/// <summary>
/// Mirror of the Lean structure <c>Generative.Latent.Codebook α numCodes latent</c>: <see cref="NumCodes"/> embeddings,
/// each a tensor of shape <see cref="Latent"/>, for vector-quantized latent models. Immutable.
/// </summary>
/// <typeparam name="T">The scalar type (Lean <c>α</c>).</typeparam>
/// <remarks>
/// Lean's field <c>embedding : Fin numCodes → Tensor α latent</c> is <see cref="Embedding(int)"/>; its <c>Fin numCodes</c>
/// argument cannot be out of range in Lean, so here an index outside <c>[0, NumCodes)</c> throws. The embeddings are stored
/// back to back in one row-major buffer, code 0 first.
/// </remarks>
[Mirrors("Generative.Latent.Codebook")]
public sealed class Codebook<T>
{
    private readonly T[] _embeddings;

    /// <summary>Creates a codebook from <paramref name="numCodes"/> embeddings stored back to back (a copy is kept).</summary>
    /// <param name="numCodes">The number of codes; zero is allowed, as Lean allows <c>Fin 0</c>.</param>
    /// <param name="latent">The shape of every embedding.</param>
    /// <param name="embeddings">The embeddings, code 0 first, each in row-major order.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="numCodes"/> is negative.</exception>
    /// <exception cref="ArgumentException">The number of values is not <c>numCodes * latent.Size</c>.</exception>
    public Codebook(int numCodes, Shape latent, ReadOnlySpan<T> embeddings)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(numCodes);
        ArgumentNullException.ThrowIfNull(latent);
        if (embeddings.Length != (long)numCodes * latent.Size)
        {
            throw new ArgumentException(
                $"A codebook of {numCodes} codes of shape {latent} holds {(long)numCodes * latent.Size} values but {embeddings.Length} were given.",
                nameof(embeddings));
        }

        NumCodes = numCodes;
        Latent = latent;
        _embeddings = embeddings.ToArray();
    }

    /// <summary>The number of codes (Lean <c>numCodes</c>).</summary>
    public int NumCodes { get; }

    /// <summary>The shape of every embedding (Lean <c>latent</c>).</summary>
    public Shape Latent { get; }

    /// <summary>The embedding of code <paramref name="idx"/>, row-major (Lean <c>book.embedding idx</c>).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="idx"/> is outside <c>[0, NumCodes)</c>.</exception>
    public ReadOnlySpan<T> Embedding(int idx)
    {
        Guard.CodeIndex(idx, NumCodes, nameof(idx));
        int size = Latent.Size;
        return _embeddings.AsSpan(idx * size, size);
    }
}

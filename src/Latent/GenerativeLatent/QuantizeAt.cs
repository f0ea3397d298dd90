using System;

namespace Latent;

public static partial class GenerativeLatent
{
    private const string QuantizeAtName = "quantizeAt";

    /// <summary>
    /// Mirror of <c>Generative.Latent.quantizeAt</c>: copies the embedding of the explicitly chosen code <paramref name="idx"/>
    /// to <paramref name="destination"/>.
    /// </summary>
    /// <typeparam name="T">The scalar type (Lean <c>α</c>).</typeparam>
    /// <param name="book">The codebook.</param>
    /// <param name="idx">The code index, in <c>[0, book.NumCodes)</c> (Lean <c>Fin numCodes</c>).</param>
    /// <param name="destination">Receives the embedding; at least <c>book.Latent.Size</c> long.</param>
    /// <remarks>
    /// <para>Lean: <c>book.embedding idx</c>. A pure lookup: no arithmetic. The index is an argument, not the result of a
    /// nearest-code search, so no argmin or tie-breaking rule is part of the specification.</para>
    /// <para>Special values (each row is checked through the mirror and the Lean text by <c>SpecialValues/quantizeAt.json</c>):</para>
    /// <list type="table">
    /// <listheader><term>code idx</term><description>result</description></listheader>
    /// <item><term>any values, signed zeros and infinities included</term><description>the code's elements, bit for bit</description></item>
    /// <item><term>NaN elements</term><description>NaN (the mirror copies the payload unchanged)</description></item>
    /// </list>
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="idx"/> is outside <c>[0, book.NumCodes)</c>; the message names both.</exception>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is too short.</exception>
    [Mirrors("Generative.Latent.quantizeAt")]
    public static void QuantizeAt<T>(
        [CodebookOf("numCodes", "latent")] Codebook<T> book,
        [Fin("numCodes")] int idx,
        [TensorOf("latent")] Span<T> destination)
    {
        ArgumentNullException.ThrowIfNull(book);
        Guard.CodeIndex(idx, book.NumCodes, nameof(idx));
        Guard.DestinationFits(book.Latent.Size, destination, QuantizeAtName);
        book.Embedding(idx).CopyTo(destination);
    }

    /// <summary><c>quantizeAt</c> returning a tensor of shape <c>book.Latent</c>; allocates the result.</summary>
    /// <inheritdoc cref="QuantizeAt{T}(Codebook{T}, int, Span{T})"/>
    [AllocatesResult]
    public static Tensor<T> QuantizeAt<T>(Codebook<T> book, int idx)
    {
        ArgumentNullException.ThrowIfNull(book);
        var result = new T[book.Latent.Size];
        QuantizeAt(book, idx, result);
        return Tensor<T>.Own(book.Latent, result);
    }
}

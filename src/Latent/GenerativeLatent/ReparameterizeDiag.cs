using System;
using System.Numerics;

namespace Latent;

public static partial class GenerativeLatent
{
    private const string ReparameterizeDiagName = "reparameterizeDiag";

    /// <summary>
    /// Mirror of <c>Generative.Latent.reparameterizeDiag</c>: the reparameterized sample
    /// <c>z = mu + exp(0.5 * logvar) ⊙ eps</c> of a diagonal Gaussian, with the noise <paramref name="eps"/> given.
    /// </summary>
    /// <typeparam name="T">The scalar type (Lean <c>α</c>).</typeparam>
    /// <typeparam name="TContext">The arithmetic (Lean <c>[Context α]</c>).</typeparam>
    /// <param name="mu">Means, row-major.</param>
    /// <param name="logvar">Log-variances, same shape as <paramref name="mu"/>.</param>
    /// <param name="eps">Noise, same shape as <paramref name="mu"/>; the caller draws it, so the result is a pure function of the inputs.</param>
    /// <param name="destination">Receives <c>z</c>; it may be any one of the inputs itself.</param>
    /// <remarks>
    /// <para>Lean: <c>let std := expTensor (halfTensor logvar); mu + mulSpec std eps</c>. Per element, four roundings in this order:
    /// <c>h = logvar * 0.5</c>, <c>s = exp(h)</c>, <c>p = s * eps</c>, <c>z = mu + p</c> (no fused multiply-add).</para>
    /// <para>Special values under <see cref="IeeeContext{T}"/> (each row is checked through the mirror and the Lean text by
    /// <c>SpecialValues/reparameterizeDiag.json</c>):</para>
    /// <list type="table">
    /// <listheader><term>inputs</term><description>z</description></listheader>
    /// <item><term><c>eps = ±0</c>, finite <c>logvar</c></term><description><c>mu + (±0)</c>: <c>mu</c>, with <c>−0 + −0 = −0</c> and <c>−0 + +0 = +0</c></description></item>
    /// <item><term><c>logvar = 0</c></term><description><c>mu + eps</c> (since <c>exp(0) = 1</c> exactly)</description></item>
    /// <item><term><c>logvar = −∞</c> (or below the underflow edge)</term><description><c>s = +0</c>, so <c>mu + (±0)</c>; NaN if <c>eps = ±∞</c></description></item>
    /// <item><term><c>logvar = +∞</c> (or above twice the overflow edge)</term><description><c>s = +∞</c>, so <c>mu ± ∞</c>; NaN if <c>eps = ±0</c></description></item>
    /// <item><term><c>mu = ±∞</c></term><description><c>±∞</c>, NaN when <c>p</c> is the opposite infinity</description></item>
    /// <item><term>any NaN</term><description>NaN</description></item>
    /// </list>
    /// </remarks>
    /// <exception cref="ArgumentException">The inputs differ in length, <paramref name="destination"/> is too short, or it partially overlaps an input.</exception>
    [Mirrors("Generative.Latent.reparameterizeDiag")]
    public static void ReparameterizeDiag<T, TContext>(
        [TensorOf("latent")] ReadOnlySpan<T> mu,
        [TensorOf("latent")] ReadOnlySpan<T> logvar,
        [TensorOf("latent")] ReadOnlySpan<T> eps,
        [TensorOf("latent")] Span<T> destination)
        where TContext : IContext<T>
    {
        Guard.SameLength(mu, nameof(mu), logvar, nameof(logvar), ReparameterizeDiagName);
        Guard.SameLength(mu, nameof(mu), eps, nameof(eps), ReparameterizeDiagName);
        Guard.DestinationFits(mu.Length, destination, ReparameterizeDiagName);
        Guard.NoPartialOverlap(mu, nameof(mu), destination, ReparameterizeDiagName);
        Guard.NoPartialOverlap(logvar, nameof(logvar), destination, ReparameterizeDiagName);
        Guard.NoPartialOverlap(eps, nameof(eps), destination, ReparameterizeDiagName);
        for (int i = 0; i < mu.Length; i++)
        {
            T std = ExpElement<T, TContext>(HalfElement<T, TContext>(logvar[i]));
            destination[i] = TContext.Add(mu[i], TContext.Mul(std, eps[i]));
        }
    }

    /// <summary><c>reparameterizeDiag</c> in the platform's IEEE arithmetic (<see cref="IeeeContext{T}"/>).</summary>
    /// <inheritdoc cref="ReparameterizeDiag{T, TContext}(ReadOnlySpan{T}, ReadOnlySpan{T}, ReadOnlySpan{T}, Span{T})"/>
    public static void ReparameterizeDiag<T>(ReadOnlySpan<T> mu, ReadOnlySpan<T> logvar, ReadOnlySpan<T> eps, Span<T> destination)
        where T : IFloatingPointIeee754<T> =>
        ReparameterizeDiag<T, IeeeContext<T>>(mu, logvar, eps, destination);

    /// <summary><c>reparameterizeDiag</c> on tensors of one shape; allocates the result.</summary>
    /// <inheritdoc cref="ReparameterizeDiag{T, TContext}(ReadOnlySpan{T}, ReadOnlySpan{T}, ReadOnlySpan{T}, Span{T})"/>
    /// <exception cref="ArgumentException">The inputs differ in shape.</exception>
    [AllocatesResult]
    public static Tensor<T> ReparameterizeDiag<T, TContext>(Tensor<T> mu, Tensor<T> logvar, Tensor<T> eps)
        where TContext : IContext<T>
    {
        ArgumentNullException.ThrowIfNull(mu);
        ArgumentNullException.ThrowIfNull(logvar);
        ArgumentNullException.ThrowIfNull(eps);
        Guard.SameShape(mu.Shape, nameof(mu), logvar.Shape, nameof(logvar), ReparameterizeDiagName);
        Guard.SameShape(mu.Shape, nameof(mu), eps.Shape, nameof(eps), ReparameterizeDiagName);
        var result = new T[mu.Shape.Size];
        ReparameterizeDiag<T, TContext>(mu.Span, logvar.Span, eps.Span, result);
        return Tensor<T>.Own(mu.Shape, result);
    }

    /// <summary><c>reparameterizeDiag</c> on tensors in the platform's IEEE arithmetic; allocates the result.</summary>
    /// <inheritdoc cref="ReparameterizeDiag{T, TContext}(Tensor{T}, Tensor{T}, Tensor{T})"/>
    [AllocatesResult]
    public static Tensor<T> ReparameterizeDiag<T>(Tensor<T> mu, Tensor<T> logvar, Tensor<T> eps)
        where T : IFloatingPointIeee754<T> =>
        ReparameterizeDiag<T, IeeeContext<T>>(mu, logvar, eps);
}

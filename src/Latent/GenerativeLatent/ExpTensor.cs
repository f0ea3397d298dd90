using System;
using System.Diagnostics.Contracts;
using System.Numerics;

namespace Latent;

public static partial class GenerativeLatent
{
    private const string ExpTensorName = "expTensor";

    /// <summary>
    /// Mirror of <c>Generative.Latent.expTensor</c>: writes <c>exp(x[i])</c> to <c>destination[i]</c> for every element.
    /// </summary>
    /// <typeparam name="T">The scalar type (Lean <c>α</c>).</typeparam>
    /// <typeparam name="TContext">The arithmetic (Lean <c>[Context α]</c>).</typeparam>
    /// <param name="x">The input tensor's elements, row-major.</param>
    /// <param name="destination">Receives the result; it may be <paramref name="x"/> itself.</param>
    /// <remarks>
    /// <para>Lean: <c>mapSpec MathFunctions.exp x</c>, one call of <c>TContext.Exp</c> per element.</para>
    /// <para>Special values under <see cref="IeeeContext{T}"/> (C99 Annex F; each row is checked through the mirror and the
    /// Lean text by <c>SpecialValues/expTensor.json</c>):</para>
    /// <list type="table">
    /// <listheader><term>x</term><description>result</description></listheader>
    /// <item><term><c>±0</c></term><description><c>1</c> exactly</description></item>
    /// <item><term><c>+∞</c></term><description><c>+∞</c></description></item>
    /// <item><term><c>−∞</c></term><description><c>+0</c></description></item>
    /// <item><term>above the overflow edge (709.78 for <c>double</c>, 88.72 for <c>float</c>)</term><description><c>+∞</c></description></item>
    /// <item><term>below the underflow edge (about −745.13 for <c>double</c>, −103.97 for <c>float</c>)</term><description><c>+0</c></description></item>
    /// <item><term>NaN</term><description>NaN</description></item>
    /// </list>
    /// </remarks>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than <paramref name="x"/>, or partially overlaps it.</exception>
    [Mirrors("Generative.Latent.expTensor")]
    public static void ExpTensor<T, TContext>([TensorOf("s")] ReadOnlySpan<T> x, [TensorOf("s")] Span<T> destination)
        where TContext : IContext<T>
    {
        Guard.DestinationFits(x.Length, destination, ExpTensorName);
        Guard.NoPartialOverlap(x, nameof(x), destination, ExpTensorName);
        for (int i = 0; i < x.Length; i++)
        {
            destination[i] = ExpElement<T, TContext>(x[i]);
        }
    }

    /// <summary>The element function of <c>expTensor</c>, shared with the definitions that call it.</summary>
    [Pure]
    private static T ExpElement<T, TContext>(T x)
        where TContext : IContext<T> =>
        TContext.Exp(x);

    /// <summary><c>expTensor</c> in the platform's IEEE arithmetic (<see cref="IeeeContext{T}"/>).</summary>
    /// <inheritdoc cref="ExpTensor{T, TContext}(ReadOnlySpan{T}, Span{T})"/>
    public static void ExpTensor<T>(ReadOnlySpan<T> x, Span<T> destination)
        where T : IFloatingPointIeee754<T> =>
        ExpTensor<T, IeeeContext<T>>(x, destination);

    /// <summary><c>expTensor</c> on a tensor; allocates the result.</summary>
    /// <inheritdoc cref="ExpTensor{T, TContext}(ReadOnlySpan{T}, Span{T})"/>
    [AllocatesResult]
    public static Tensor<T> ExpTensor<T, TContext>(Tensor<T> x)
        where TContext : IContext<T>
    {
        ArgumentNullException.ThrowIfNull(x);
        var result = new T[x.Shape.Size];
        ExpTensor<T, TContext>(x.Span, result);
        return Tensor<T>.Own(x.Shape, result);
    }

    /// <summary><c>expTensor</c> on a tensor in the platform's IEEE arithmetic; allocates the result.</summary>
    /// <inheritdoc cref="ExpTensor{T, TContext}(ReadOnlySpan{T}, Span{T})"/>
    [AllocatesResult]
    public static Tensor<T> ExpTensor<T>(Tensor<T> x)
        where T : IFloatingPointIeee754<T> =>
        ExpTensor<T, IeeeContext<T>>(x);
}

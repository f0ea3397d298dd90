using System;
using System.Diagnostics.Contracts;
using System.Numerics;

namespace Latent;

public static partial class GenerativeLatent
{
    private const string HalfTensorName = "halfTensor";

    /// <summary>
    /// Mirror of <c>Generative.Latent.halfTensor</c>: writes <c>x[i] * 0.5</c> to <c>destination[i]</c> for every element.
    /// </summary>
    /// <typeparam name="T">The scalar type (Lean <c>α</c>).</typeparam>
    /// <typeparam name="TContext">The arithmetic (Lean <c>[Context α]</c>).</typeparam>
    /// <param name="x">The input tensor's elements, row-major.</param>
    /// <param name="destination">Receives the result; it may be <paramref name="x"/> itself.</param>
    /// <remarks>
    /// <para>Lean: <c>scaleSpec x Numbers.pointfive</c> = <c>mapSpec (fun v => v * Numbers.pointfive) x</c>: the element is the
    /// left operand and the constant <see cref="IContext{T}.PointFive"/> the right one.</para>
    /// <para>Special values under <see cref="IeeeContext{T}"/> (each row is checked through the mirror and the Lean text by
    /// <c>SpecialValues/halfTensor.json</c>):</para>
    /// <list type="table">
    /// <listheader><term>x</term><description>result</description></listheader>
    /// <item><term>normal, with a normal half</term><description><c>x / 2</c> exactly</description></item>
    /// <item><term>the smallest subnormal</term><description><c>+0</c> (a subnormal half rounds to nearest even)</description></item>
    /// <item><term><c>±0</c></term><description>the same zero, sign kept</description></item>
    /// <item><term><c>±∞</c></term><description>the same infinity</description></item>
    /// <item><term>NaN</term><description>NaN</description></item>
    /// </list>
    /// </remarks>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than <paramref name="x"/>, or partially overlaps it.</exception>
    [Mirrors("Generative.Latent.halfTensor")]
    public static void HalfTensor<T, TContext>([TensorOf("s")] ReadOnlySpan<T> x, [TensorOf("s")] Span<T> destination)
        where TContext : IContext<T>
    {
        Guard.DestinationFits(x.Length, destination, HalfTensorName);
        Guard.NoPartialOverlap(x, nameof(x), destination, HalfTensorName);
        for (int i = 0; i < x.Length; i++)
        {
            destination[i] = HalfElement<T, TContext>(x[i]);
        }
    }

    /// <summary>The element function of <c>halfTensor</c>, shared with the definitions that call it.</summary>
    [Pure]
    private static T HalfElement<T, TContext>(T x)
        where TContext : IContext<T> =>
        TContext.Mul(x, TContext.PointFive);

    /// <summary><c>halfTensor</c> in the platform's IEEE arithmetic (<see cref="IeeeContext{T}"/>).</summary>
    /// <inheritdoc cref="HalfTensor{T, TContext}(ReadOnlySpan{T}, Span{T})"/>
    public static void HalfTensor<T>(ReadOnlySpan<T> x, Span<T> destination)
        where T : IFloatingPointIeee754<T> =>
        HalfTensor<T, IeeeContext<T>>(x, destination);

    /// <summary><c>halfTensor</c> on a tensor; allocates the result.</summary>
    /// <inheritdoc cref="HalfTensor{T, TContext}(ReadOnlySpan{T}, Span{T})"/>
    [AllocatesResult]
    public static Tensor<T> HalfTensor<T, TContext>(Tensor<T> x)
        where TContext : IContext<T>
    {
        ArgumentNullException.ThrowIfNull(x);
        var result = new T[x.Shape.Size];
        HalfTensor<T, TContext>(x.Span, result);
        return Tensor<T>.Own(x.Shape, result);
    }

    /// <summary><c>halfTensor</c> on a tensor in the platform's IEEE arithmetic; allocates the result.</summary>
    /// <inheritdoc cref="HalfTensor{T, TContext}(ReadOnlySpan{T}, Span{T})"/>
    [AllocatesResult]
    public static Tensor<T> HalfTensor<T>(Tensor<T> x)
        where T : IFloatingPointIeee754<T> =>
        HalfTensor<T, IeeeContext<T>>(x);
}

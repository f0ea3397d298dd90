using System;
using System.Diagnostics.Contracts;

namespace Latent;

/// <summary>
/// Mirror of Lean's <c>Spec.Tensor α s</c>: values of one shape, stored in row-major order and
/// immutable to callers.
/// </summary>
/// <typeparam name="T">The scalar type (Lean's <c>α</c>).</typeparam>
public sealed class Tensor<T>
{
    private readonly T[] _data;

    [Pure]
    private Tensor(Shape shape, T[] data)
    {
        Shape = shape;
        _data = data;
    }

    /// <summary>The shape of the tensor.</summary>
    public Shape Shape { get; }

    /// <summary>The elements in row-major order (last dimension fastest).</summary>
    [Pure]
    public ReadOnlySpan<T> Span => _data;

    /// <summary>The element at a row-major offset.</summary>
    public T this[int offset] => _data[offset];

    /// <summary>Creates a tensor of <paramref name="shape"/> holding a copy of <paramref name="values"/> (row-major).</summary>
    /// <exception cref="ArgumentException">The number of values is not <c>shape.Size</c>.</exception>
    public static Tensor<T> Create(Shape shape, ReadOnlySpan<T> values)
    {
        ArgumentNullException.ThrowIfNull(shape);
        if (values.Length != shape.Size)
        {
            throw new ArgumentException($"Shape {shape} holds {shape.Size} elements but {values.Length} values were given.", nameof(values));
        }

        return new Tensor<T>(shape, values.ToArray());
    }

    /// <summary>A scalar tensor (<see cref="Shape.Scalar"/>) holding <paramref name="value"/>.</summary>
    public static Tensor<T> FromScalar(T value) => new(Shape.Scalar, [value]);

    /// <summary>A rank-1 tensor holding a copy of <paramref name="values"/>.</summary>
    public static Tensor<T> FromVector(params ReadOnlySpan<T> values) => new(Shape.Of(values.Length), values.ToArray());

    /// <summary>Wraps a freshly allocated buffer without copying it; the caller must not keep a reference.</summary>
    [AllocatesResult]
    internal static Tensor<T> Own(Shape shape, T[] data) => new(shape, data);

    /// <summary>A copy of the elements in row-major order.</summary>
    public T[] ToArray() => Span.ToArray();
}

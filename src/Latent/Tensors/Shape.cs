using System;
using System.Collections.Generic;
using System.Diagnostics.Contracts;
using System.Globalization;
using System.Text;

namespace Latent;

/// <summary>
/// Mirror of Lean's <c>Spec.Shape</c>: either <see cref="Scalar"/> or a dimension of some length over a
/// shape (<see cref="Dim(int, Shape)"/>). Dimensions are listed outermost first and may be zero.
/// </summary>
/// <remarks>
/// <para><c>Shape.size</c> is the product of the dimensions (1 for a scalar, 0 when any dimension is 0).
/// Elements are laid out in row-major order: the last dimension varies fastest, which is the order of
/// TorchLean's folds (<c>tensorFoldlSpec</c> in V1, the packed buffer in V2/V3).</para>
/// <para>Lean's <c>Nat</c> is unbounded; a C# tensor is not, so a shape whose size exceeds
/// <see cref="Array.MaxLength"/> is rejected when it is built.</para>
/// </remarks>
public sealed class Shape : IEquatable<Shape>
{
    private readonly int[] _dims;

    [Pure]
    private Shape(int[] dims, int size)
    {
        _dims = dims;
        Size = size;
    }

    /// <summary>The shape of a single value (<c>Shape.scalar</c>); its size is 1 and its rank 0.</summary>
    public static Shape Scalar { get; } = new([], 1);

    /// <summary>Number of dimensions (0 for <see cref="Scalar"/>).</summary>
    public int Rank => _dims.Length;

    /// <summary>Number of elements, <c>Shape.size</c>: the product of the dimensions.</summary>
    public int Size { get; }

    /// <summary>The dimensions, outermost first.</summary>
    public IReadOnlyList<int> Dimensions => _dims;

    /// <summary>Mirror of <c>Shape.dim n rest</c>: a dimension of length <paramref name="n"/> over <paramref name="rest"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="n"/> is negative, or the resulting size exceeds <see cref="Array.MaxLength"/>.</exception>
    public static Shape Dim(int n, Shape rest)
    {
        ArgumentNullException.ThrowIfNull(rest);
        var dims = new int[rest._dims.Length + 1];
        dims[0] = n;
        rest._dims.CopyTo(dims, 1);
        return FromDimensions(dims, nameof(n));
    }

    /// <summary>Mirror of <c>Shape.ofList</c>: the shape with the given dimensions, outermost first; no dimensions give <see cref="Scalar"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A dimension is negative, or the size exceeds <see cref="Array.MaxLength"/>.</exception>
    public static Shape Of(params ReadOnlySpan<int> dimensions) =>
        dimensions.IsEmpty ? Scalar : FromDimensions(dimensions.ToArray(), nameof(dimensions));

    private static Shape FromDimensions(int[] dims, string paramName)
    {
        long size = 1;
        bool hasZero = false;
        foreach (int d in dims)
        {
            if (d < 0)
            {
                throw new ArgumentOutOfRangeException(paramName, d, $"A shape dimension cannot be negative; got {Format(dims)}.");
            }

            if (d == 0)
            {
                hasZero = true;
            }
            else if (!hasZero)
            {
                // Stop multiplying once the size is past the limit, so the long cannot overflow.
                size = Math.Min(size * d, (long)Array.MaxLength + 1);
            }
        }

        if (hasZero)
        {
            size = 0;
        }

        if (size > Array.MaxLength)
        {
            throw new ArgumentOutOfRangeException(paramName, $"Shape {Format(dims)} has more than {Array.MaxLength} elements, the most a .NET array holds.");
        }

        return new Shape(dims, (int)size);
    }

    /// <summary>Row-major offset of a multi-index: the position of that element in every span of this shape.</summary>
    /// <exception cref="ArgumentException">The index has the wrong rank or a component out of range.</exception>
    public int OffsetOf(params ReadOnlySpan<int> index)
    {
        if (index.Length != _dims.Length)
        {
            throw new ArgumentException($"Index of rank {index.Length} used with shape {this} of rank {_dims.Length}.", nameof(index));
        }

        int offset = 0;
        for (int k = 0; k < _dims.Length; k++)
        {
            if ((uint)index[k] >= (uint)_dims[k])
            {
                throw new ArgumentOutOfRangeException(nameof(index), index[k], $"Index component {k} is {index[k]}, outside [0, {_dims[k]}) of shape {this}.");
            }

            offset = (offset * _dims[k]) + index[k];
        }

        return offset;
    }

    /// <inheritdoc/>
    [Pure]
    public bool Equals(Shape? other) =>
        other is not null && _dims.AsSpan().SequenceEqual(other._dims);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as Shape);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        int h = _dims.Length;
        foreach (int d in _dims)
        {
            h = unchecked((h * 31) + d);
        }

        return h;
    }

    /// <summary>Value equality of shapes.</summary>
    [Pure]
    public static bool operator ==(Shape? left, Shape? right) => left is null ? right is null : left.Equals(right);

    /// <summary>Value inequality of shapes.</summary>
    [Pure]
    public static bool operator !=(Shape? left, Shape? right) => !(left == right);

    /// <summary>The dimensions as a list literal, for example <c>[2, 3]</c>; the scalar shape is <c>[]</c>.</summary>
    public override string ToString() => Format(_dims);

    private static string Format(int[] dims)
    {
        var sb = new StringBuilder("[");
        for (int k = 0; k < dims.Length; k++)
        {
            if (k > 0)
            {
                sb.Append(", ");
            }

            sb.Append(dims[k].ToString(CultureInfo.InvariantCulture));
        }

        return sb.Append(']').ToString();
    }
}

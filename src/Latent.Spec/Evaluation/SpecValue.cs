using System;
using System.Collections.Generic;
using System.Linq;

namespace Latent.Spec.Evaluation;

/// <summary>
/// A value of the spec evaluator over the scalar type <typeparamref name="T"/>: a scalar of <c>α</c>, a tensor, a natural
/// number (or a <c>Fin n</c>), a shape, a function, a structure, or a literal whose type is not known yet.
/// </summary>
/// <typeparam name="T">The scalar type (Lean <c>α</c>).</typeparam>
public abstract class SpecValue<T>
{
    private protected SpecValue()
    {
    }

    /// <summary>What the value is, in words, for messages.</summary>
    public abstract string Describe();

    /// <inheritdoc/>
    public override string ToString() => Describe();
}

/// <summary>A value of <c>α</c>.</summary>
public sealed class ScalarValue<T>(T value) : SpecValue<T>
{
    /// <summary>The value.</summary>
    public T Value { get; } = value;

    /// <inheritdoc/>
    public override string Describe() => $"the scalar {Value}";
}

/// <summary>
/// A <c>Tensor α s</c>: its shape and its elements in row-major order (the order of V1's depth-first, index-ascending
/// tree and of V3's packed buffer).
/// </summary>
public sealed class TensorValue<T> : SpecValue<T>
{
    /// <summary>Creates a tensor; <paramref name="elements"/> is kept, not copied.</summary>
    public TensorValue(Shape shape, T[] elements)
    {
        ArgumentNullException.ThrowIfNull(shape);
        ArgumentNullException.ThrowIfNull(elements);
        if (elements.Length != shape.Size)
        {
            throw new ArgumentException($"A tensor of shape {shape} has {shape.Size} elements, not {elements.Length}.", nameof(elements));
        }

        Shape = shape;
        Elements = elements;
    }

    /// <summary>The shape (Lean's type index <c>s</c>).</summary>
    public Shape Shape { get; }

    /// <summary>The elements, row-major.</summary>
    public T[] Elements { get; }

    /// <inheritdoc/>
    public override string Describe() => $"a tensor of shape {Shape}";
}

/// <summary>A natural number; with <see cref="Bound"/> it is a <c>Fin Bound</c>.</summary>
public sealed class NatValue<T>(long value, long? bound = null) : SpecValue<T>
{
    /// <summary>The number.</summary>
    public long Value { get; } = value;

    /// <summary>For a <c>Fin n</c>, the <c>n</c>; otherwise null.</summary>
    public long? Bound { get; } = bound;

    /// <inheritdoc/>
    public override string Describe() => Bound is { } n ? $"the index {Value} : Fin {n}" : $"the natural number {Value}";
}

/// <summary>A <c>Shape</c>.</summary>
public sealed class ShapeValue<T>(Shape shape) : SpecValue<T>
{
    /// <summary>The shape.</summary>
    public Shape Shape { get; } = shape;

    /// <inheritdoc/>
    public override string Describe() => $"the shape {Shape}";
}

/// <summary>A truth value (the condition of an <c>if</c>).</summary>
public sealed class BoolValue<T>(bool value) : SpecValue<T>
{
    /// <summary>The truth value.</summary>
    public bool Value { get; } = value;

    /// <inheritdoc/>
    public override string Describe() => Value ? "true" : "false";
}

/// <summary>
/// A natural-number literal that has not met its type yet (Lean elaborates <c>1</c> by the type expected where it stands);
/// arithmetic with a scalar makes it <c>α</c>, with a number a <c>Nat</c>.
/// </summary>
public sealed class NumeralValue<T>(long value) : SpecValue<T>
{
    /// <summary>The literal.</summary>
    public long Value { get; } = value;

    /// <inheritdoc/>
    public override string Describe() => $"the literal {Value}";
}

/// <summary>A type argument such as <c>α</c>: named arguments <c>(α := α)</c> pass it, and it carries no value.</summary>
public sealed class TypeValue<T> : SpecValue<T>
{
    /// <summary>The one instance.</summary>
    public static TypeValue<T> Instance { get; } = new();

    /// <inheritdoc/>
    public override string Describe() => "a type";
}

/// <summary>A function value: a definition not yet applied to all its arguments, a lambda, or a primitive.</summary>
public abstract class FunctionValue<T> : SpecValue<T>
{
    /// <summary>How many positional arguments it takes before it computes.</summary>
    public abstract int Arity { get; }

    /// <summary>Applies the function to exactly <see cref="Arity"/> arguments.</summary>
    public abstract SpecValue<T> Invoke(IReadOnlyList<SpecValue<T>> arguments);

    /// <inheritdoc/>
    public override string Describe() => $"a function of {Arity} arguments";
}

/// <summary>A function written in C#: a built-in, or a field of a structure built from C# data.</summary>
public sealed class NativeFunction<T>(string name, int arity, Func<IReadOnlyList<SpecValue<T>>, SpecValue<T>> body) : FunctionValue<T>
{
    /// <inheritdoc/>
    public override int Arity { get; } = arity;

    /// <summary>The name it reports in messages.</summary>
    public string Name { get; } = name;

    /// <inheritdoc/>
    public override SpecValue<T> Invoke(IReadOnlyList<SpecValue<T>> arguments) => body(arguments);

    /// <inheritdoc/>
    public override string Describe() => $"the function {Name}";
}

/// <summary>A value of a Lean structure (<c>Codebook α numCodes latent</c>): its type name, type arguments and fields.</summary>
public sealed class StructureValue<T>(string typeName, IReadOnlyList<SpecValue<T>> typeArguments, IReadOnlyDictionary<string, SpecValue<T>> fields) : SpecValue<T>
{
    /// <summary>The structure's name, last component (<c>Codebook</c>).</summary>
    public string TypeName { get; } = typeName;

    /// <summary>The explicit type parameters after <c>α</c>, in order (<c>numCodes</c>, <c>latent</c>).</summary>
    public IReadOnlyList<SpecValue<T>> TypeArguments { get; } = typeArguments;

    /// <summary>The fields by name.</summary>
    public IReadOnlyDictionary<string, SpecValue<T>> Fields { get; } = fields;

    /// <inheritdoc/>
    public override string Describe() => $"a {TypeName} ({string.Join(", ", TypeArguments.Select(a => a.Describe()))})";
}

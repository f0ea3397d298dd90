using System;
using System.Collections.Generic;
using System.Linq;
using Latent.Spec.Evaluation;

namespace Latent.Spec.Elaboration;

/// <summary>
/// A node of the operation graph that elaboration makes of a definition's body: names are resolved (locals to frame
/// slots, globals to definitions, operators on tensors to the spec's instances), so evaluation only computes.
/// </summary>
internal abstract class Node
{
    public abstract SpecValue<T> Eval<T, TContext>(Frame<T> frame, Expect expect)
        where TContext : IContext<T>;
}

/// <summary>The locals of one invocation (a definition's binders and lets, or a lambda's parameters) and the frame it closes over.</summary>
internal sealed class Frame<T>(Frame<T>? parent, int size)
{
    public Frame<T>? Parent { get; } = parent;

    public SpecValue<T>?[] Slots { get; } = new SpecValue<T>?[size];
}

internal sealed class LocalNode(int depth, int slot, string name, string owner) : Node
{
    public override SpecValue<T> Eval<T, TContext>(Frame<T> frame, Expect expect)
    {
        Frame<T> f = frame;
        for (int i = 0; i < depth; i++)
        {
            f = f.Parent!;
        }

        return f.Slots[slot] ?? throw new ArgumentException($"{owner}: the implicit argument '{name}' could not be inferred from the arguments; pass it by name.", name);
    }
}

internal sealed class GlobalNode(SpecDefinition definition) : Node
{
    public SpecDefinition Definition { get; } = definition;

    public override SpecValue<T> Eval<T, TContext>(Frame<T> frame, Expect expect) =>
        Definition.ExplicitCount == 0
            ? Calls.Call<T, TContext>(Definition, [], [], expect)
            : new DefinitionFunction<T, TContext>(Definition, []);
}

internal sealed class TypeNode : Node
{
    public override SpecValue<T> Eval<T, TContext>(Frame<T> frame, Expect expect) => TypeValue<T>.Instance;
}

internal sealed class NumeralNode(long value) : Node
{
    public override SpecValue<T> Eval<T, TContext>(Frame<T> frame, Expect expect) => expect switch
    {
        Expect.Scalar => new ScalarValue<T>(Coerce.FromNumeral<T, TContext>(value)),
        Expect.Nat => new NatValue<T>(value),
        _ => new NumeralValue<T>(value),
    };
}

/// <summary><c>(e : α)</c>: a literal becomes <c>OfNat α n</c>, a natural number is cast (<c>Coe Nat α</c>/<c>NatCast α</c>).</summary>
internal sealed class AscriptionNode(Node value, Expect target) : Node
{
    public override SpecValue<T> Eval<T, TContext>(Frame<T> frame, Expect expect)
    {
        SpecValue<T> v = value.Eval<T, TContext>(frame, target);
        return (target, v) switch
        {
            (Expect.Scalar, NatValue<T> n) => new ScalarValue<T>(TContext.NatCast(checked((int)n.Value))),
            (Expect.Scalar, NumeralValue<T> n) => new ScalarValue<T>(Coerce.FromNumeral<T, TContext>(n.Value)),
            (Expect.Nat, NumeralValue<T> n) => new NatValue<T>(n.Value),
            _ => v,
        };
    }
}

internal sealed class LetNode(int slot, Node value, Node body) : Node
{
    public override SpecValue<T> Eval<T, TContext>(Frame<T> frame, Expect expect)
    {
        frame.Slots[slot] = value.Eval<T, TContext>(frame, Expect.None);
        return body.Eval<T, TContext>(frame, expect);
    }
}

internal sealed class LambdaNode(int parameters, int frameSize, Node body) : Node
{
    public override SpecValue<T> Eval<T, TContext>(Frame<T> frame, Expect expect) =>
        new Closure<T, TContext>(frame, parameters, frameSize, body);
}

internal sealed class IfNode(Node condition, Node then, Node otherwise) : Node
{
    public override SpecValue<T> Eval<T, TContext>(Frame<T> frame, Expect expect) =>
        condition.Eval<T, TContext>(frame, Expect.None) is BoolValue<T> { Value: var c }
            ? (c ? then : otherwise).Eval<T, TContext>(frame, expect)
            : throw new InvalidOperationException("The condition of an 'if' is not a truth value.");
}

/// <summary><c>x.f</c> on a local: a structure's field, or Lean's generalized field notation <c>s.size</c> = <c>Shape.size s</c>.</summary>
internal sealed class FieldNode(Node target, string field, SpecDefinition? generalized) : Node
{
    public override SpecValue<T> Eval<T, TContext>(Frame<T> frame, Expect expect)
    {
        SpecValue<T> value = target.Eval<T, TContext>(frame, Expect.None);
        if (value is StructureValue<T> s && s.Fields.TryGetValue(field, out SpecValue<T>? f))
        {
            return f;
        }

        return generalized is not null
            ? Calls.Call<T, TContext>(generalized, [value], [], expect)
            : throw new ArgumentException($"{value.Describe()} has no field '{field}'.", field);
    }
}

internal sealed class ApplyNode(Node function, IReadOnlyList<Node> positional, IReadOnlyList<(string Name, Node Value)> named) : Node
{
    public override SpecValue<T> Eval<T, TContext>(Frame<T> frame, Expect expect)
    {
        if (function is GlobalNode g)
        {
            SpecDefinition d = g.Definition;
            var args = new SpecValue<T>[positional.Count];
            for (int i = 0; i < args.Length; i++)
            {
                args[i] = positional[i].Eval<T, TContext>(frame, i < d.ExplicitExpects.Length ? d.ExplicitExpects[i] : Expect.None);
            }

            var names = named.Select(n => (n.Name, n.Value.Eval<T, TContext>(frame, Expect.None))).ToList();
            return Calls.Call<T, TContext>(d, args, names, expect);
        }

        if (named.Count > 0)
        {
            throw new InvalidOperationException("Named arguments need a definition by name.");
        }

        SpecValue<T> f = function.Eval<T, TContext>(frame, Expect.None);
        return Calls.Apply<T, TContext>(f, positional.Select(p => p.Eval<T, TContext>(frame, Expect.None)).ToList());
    }
}

/// <summary>
/// An infix operator. On scalars it is the context's operation (Lean's <c>Add α</c>, …, from <c>Context α</c>); on tensors
/// it is the method of the spec's instance (<c>instance : Add (Tensor α s) := ⟨addSpec⟩</c>); on natural numbers it is
/// <c>Nat</c> arithmetic; <c>=</c> compares.
/// </summary>
internal sealed class BinaryNode(string op, Node left, Node right, Node? tensorMethod, string where) : Node
{
    public override SpecValue<T> Eval<T, TContext>(Frame<T> frame, Expect expect)
    {
        Expect operands = op is "=" or "==" ? Expect.None : expect;
        SpecValue<T> a = left.Eval<T, TContext>(frame, operands);
        SpecValue<T> b = right.Eval<T, TContext>(frame, operands);
        if (op is "=" or "==")
        {
            return new BoolValue<T>(Nat(a) == Nat(b));
        }

        switch (a, b)
        {
            case (TensorValue<T>, TensorValue<T>):
                SpecValue<T> method = tensorMethod?.Eval<T, TContext>(frame, Expect.None)
                    ?? throw new InvalidOperationException($"{where}: the spec text has no instance for '{op}' on tensors.");
                return Calls.Apply<T, TContext>(method, [a, b]);
            case (ScalarValue<T>, _) or (_, ScalarValue<T>):
                T x = Coerce.ToScalar<T, TContext>(a, where), y = Coerce.ToScalar<T, TContext>(b, where);
                return new ScalarValue<T>(op switch
                {
                    "+" => TContext.Add(x, y),
                    "-" => TContext.Sub(x, y),
                    "*" => TContext.Mul(x, y),
                    "/" => TContext.Div(x, y),
                    _ => throw new InvalidOperationException($"{where}: '{op}' is not an operation on α."),
                });
            case (NumeralValue<T> or NatValue<T>, NumeralValue<T> or NatValue<T>):
                long m = Nat(a), n = Nat(b);
                long r = op switch
                {
                    "+" => m + n,
                    "-" => Math.Max(0, m - n),
                    "*" => m * n,
                    "/" => n == 0 ? 0 : m / n,
                    _ => throw new InvalidOperationException($"{where}: '{op}' is not an operation on Nat."),
                };
                return a is NumeralValue<T> && b is NumeralValue<T> ? new NumeralValue<T>(r) : new NatValue<T>(r);
            default:
                throw new InvalidOperationException($"{where}: '{op}' cannot combine {a.Describe()} and {b.Describe()}.");
        }
    }

    private static long Nat<T>(SpecValue<T> v) => v switch
    {
        NatValue<T> n => n.Value,
        NumeralValue<T> n => n.Value,
        _ => throw new ArgumentException($"expected a natural number, got {v.Describe()}.", nameof(v)),
    };
}

internal sealed class Closure<T, TContext>(Frame<T> captured, int arity, int frameSize, Node body) : FunctionValue<T>
    where TContext : IContext<T>
{
    public override int Arity { get; } = arity;

    public override SpecValue<T> Invoke(IReadOnlyList<SpecValue<T>> arguments)
    {
        var frame = new Frame<T>(captured, frameSize);
        for (int i = 0; i < arguments.Count; i++)
        {
            frame.Slots[i] = arguments[i];
        }

        return body.Eval<T, TContext>(frame, Expect.None);
    }
}

/// <summary>A definition used as a value (<c>addSpec</c> in an instance, <c>sumSpec</c> in a point-free body), with the arguments it has so far.</summary>
internal sealed class DefinitionFunction<T, TContext>(SpecDefinition definition, IReadOnlyList<SpecValue<T>> applied) : FunctionValue<T>
    where TContext : IContext<T>
{
    public override int Arity => definition.ExplicitCount - applied.Count;

    public override SpecValue<T> Invoke(IReadOnlyList<SpecValue<T>> arguments) =>
        Calls.Call<T, TContext>(definition, [.. applied, .. arguments], [], Expect.None);

    public override string Describe() => $"the function {definition.FullName}";
}

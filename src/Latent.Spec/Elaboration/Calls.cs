using System;
using System.Collections.Generic;
using System.Linq;
using Latent.Spec.Evaluation;
using Latent.Spec.Syntax;

namespace Latent.Spec.Elaboration;

/// <summary>
/// Applying a definition: arguments are matched to binders (positional to explicit, named to any), the implicit binders
/// are inferred by unifying the binder types with the arguments (the <c>latent</c> of <c>(mu logvar eps : Tensor α latent)</c>
/// is the shape of <c>mu</c>, and must be the shape of <c>logvar</c> and <c>eps</c> too), then the body or built-in runs and
/// its value is checked against the result type.
/// </summary>
internal static class Calls
{
    /// <remarks>The body is elaborated at the definition's own result type; <paramref name="expect"/> (the caller's) is not needed
    /// for the types this text uses, and is kept so every application passes what Lean's elaborator would know.</remarks>
    public static SpecValue<T> Call<T, TContext>(SpecDefinition d, IReadOnlyList<SpecValue<T>> positional, IReadOnlyList<(string Name, SpecValue<T> Value)> named, Expect expect)
        where TContext : IContext<T>
    {
        if (positional.Count < d.ExplicitCount)
        {
            if (named.Count > 0)
            {
                throw new InvalidOperationException($"{d.FullName}: partial application with named arguments is not supported.");
            }

            return new DefinitionFunction<T, TContext>(d, positional);
        }

        var frame = new Frame<T>(null, d.FrameSize);
        foreach ((string name, SpecValue<T> value) in named)
        {
            if (d.TypeBinders.Contains(name))
            {
                continue;
            }

            Parameter p = d.Parameters.Find(x => x.Name == name)
                ?? throw new ArgumentException($"{d.FullName} has no binder named '{name}'.", name);
            frame.Slots[p.Slot] = Conform<T, TContext>(d, p, value);
        }

        for (int i = 0; i < d.ExplicitCount; i++)
        {
            Parameter p = d.Explicit[i];
            frame.Slots[p.Slot] = Conform<T, TContext>(d, p, positional[i]);
        }

        foreach (Parameter p in d.Parameters)
        {
            if (p.Type is not null && frame.Slots[p.Slot] is { } value)
            {
                Unify(d, p.Name, p.Type, value, frame);
            }
        }

        SpecValue<T> result;
        if (d.Builtin is { } builtin)
        {
            SpecValue<T> primitive = Builtins.Get<T, TContext>(builtin);
            result = d.ExplicitCount == 0
                ? primitive
                : ((FunctionValue<T>)primitive).Invoke(d.Explicit.Select(p => frame.Slots[p.Slot]!).ToArray());
        }
        else
        {
            result = d.Body!.Eval<T, TContext>(frame, ExpectOf(d, d.ResultType));
        }

        if (positional.Count > d.ExplicitCount)
        {
            return Apply<T, TContext>(result, positional.Skip(d.ExplicitCount).ToList());
        }

        if (d.ResultType is { } type && d.Builtin is null)
        {
            result = Conform<T, TContext>(d, new Parameter("the result", true, type, -1), result);
            Unify(d, "the result", type, result, frame);
        }

        return result;
    }

    public static SpecValue<T> Apply<T, TContext>(SpecValue<T> function, IReadOnlyList<SpecValue<T>> arguments)
        where TContext : IContext<T>
    {
        if (arguments.Count == 0)
        {
            return function;
        }

        if (function is not FunctionValue<T> f)
        {
            throw new ArgumentException($"{function.Describe()} is applied to {arguments.Count} arguments but is not a function.", nameof(function));
        }

        if (arguments.Count < f.Arity)
        {
            return new NativeFunction<T>("partial application", f.Arity - arguments.Count, rest => f.Invoke([.. arguments, .. rest]));
        }

        SpecValue<T> result = f.Invoke(arguments.Take(f.Arity).ToList());
        return Apply<T, TContext>(result, arguments.Skip(f.Arity).ToList());
    }

    /// <summary>The type a binder of type <paramref name="type"/> elaborates its argument at.</summary>
    public static Expect ExpectOf(SpecDefinition d, Term? type) => type switch
    {
        NameTerm { Name: var n } when d.TypeBinders.Contains(n) => Expect.Scalar,
        NameTerm { Name: "Nat" } => Expect.Nat,
        _ => Expect.None,
    };

    /// <summary>Gives a literal argument its binder's type: <c>0</c> passed for an <c>α</c> is <c>(0 : α)</c>.</summary>
    private static SpecValue<T> Conform<T, TContext>(SpecDefinition d, Parameter p, SpecValue<T> value)
        where TContext : IContext<T> =>
        (ExpectOf(d, p.Type), value) switch
        {
            (Expect.Scalar, NumeralValue<T> n) => new ScalarValue<T>(Coerce.FromNumeral<T, TContext>(n.Value)),
            (Expect.Nat, NumeralValue<T> n) => new NatValue<T>(n.Value),
            _ => value,
        };

    /// <summary>
    /// Checks <paramref name="value"/> against the Lean type <paramref name="type"/> and binds the implicit binders that
    /// the type names (<c>s</c> in <c>Tensor α s</c>, <c>n</c> in <c>Fin n</c>, the parameters of a structure).
    /// </summary>
    private static void Unify<T>(SpecDefinition d, string binder, Term type, SpecValue<T> value, Frame<T> frame)
    {
        (string head, IReadOnlyList<Term> args) = Head(type);
        switch (head)
        {
            case "" when type is BinaryTerm { Operator: "→" }:
                Require(value is FunctionValue<T>, d, binder, "a function", value);
                return;
            case var h when d.TypeBinders.Contains(h):
                Require(value is ScalarValue<T>, d, binder, $"a value of {h}", value);
                return;
            case "Nat":
                Require(value is NatValue<T>, d, binder, "a natural number", value);
                return;
            case "Shape":
                Require(value is ShapeValue<T>, d, binder, "a shape", value);
                return;
            case "Tensor" when args.Count == 2:
                Require(value is TensorValue<T>, d, binder, "a tensor", value);
                Bind(d, binder, args[1], new ShapeValue<T>(((TensorValue<T>)value).Shape), frame);
                return;
            case "Fin" when args.Count == 1:
                if (value is not NatValue<T> { Bound: { } bound } index)
                {
                    Require(false, d, binder, "an index (Fin n)", value);
                    return;
                }

                Bind(d, binder, args[0], new NatValue<T>(bound), frame);
                if (index.Value < 0 || index.Value >= bound)
                {
                    throw new ArgumentOutOfRangeException(binder, index.Value, $"{d.FullName}: {binder} must be below {bound} (it is a Fin {bound}).");
                }

                return;
            default:
                if (value is StructureValue<T> s && s.TypeName == head)
                {
                    for (int i = 1; i < args.Count && i - 1 < s.TypeArguments.Count; i++)
                    {
                        Bind(d, binder, args[i], s.TypeArguments[i - 1], frame);
                    }
                }

                return;
        }
    }

    private static void Bind<T>(SpecDefinition d, string binder, Term argument, SpecValue<T> value, Frame<T> frame)
    {
        if (argument is not NameTerm { Name: var name } || d.Parameters.Find(p => p.Name == name && !p.IsExplicit) is not { } implicitParameter)
        {
            return;
        }

        SpecValue<T>? bound = frame.Slots[implicitParameter.Slot];
        if (bound is null)
        {
            frame.Slots[implicitParameter.Slot] = value;
            return;
        }

        bool same = (bound, value) switch
        {
            (ShapeValue<T> a, ShapeValue<T> b) => a.Shape.Equals(b.Shape),
            (NatValue<T> a, NatValue<T> b) => a.Value == b.Value,
            _ => true,
        };
        if (!same)
        {
            throw new ArgumentException(
                $"{d.FullName}: {binder} is of {Describe(value)} but '{name}' is already {Describe(bound)} (Lean binder '{name}' is shared).", binder);
        }
    }

    private static string Describe<T>(SpecValue<T> value) => value switch
    {
        ShapeValue<T> s => $"shape {s.Shape}",
        NatValue<T> n => n.Value.ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => value.Describe(),
    };

    private static void Require<T>(bool ok, SpecDefinition d, string binder, string what, SpecValue<T> value)
    {
        if (!ok)
        {
            throw new ArgumentException($"{d.FullName}: {binder} must be {what}, got {value.Describe()}.", binder);
        }
    }

    /// <summary>The head name (last component) and arguments of a type such as <c>Spec.Tensor α s</c>.</summary>
    private static (string Head, IReadOnlyList<Term> Args) Head(Term type) => type switch
    {
        NameTerm n => (LastComponent(n.Name), []),
        ApplyTerm { Function: NameTerm n } a => (LastComponent(n.Name), a.Arguments.Select(x => x.Value).ToList()),
        AscriptionTerm a => Head(a.Type),
        _ => (string.Empty, []),
    };

    private static string LastComponent(string name) => name[(name.LastIndexOf('.') + 1)..];
}

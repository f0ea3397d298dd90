using System;
using System.Collections.Generic;
using System.Linq;

namespace Latent.Spec.Evaluation;

/// <summary>
/// The evaluator's only trusted code: the primitives that the Lean text defines by structural recursion over the
/// inductive tensor (which the evaluator does not elaborate), and the members of <c>Context α</c>. Each is a few lines,
/// with the Lean text it stands for beside it. Everything else is evaluated from the text.
/// </summary>
/// <remarks>
/// Tensors are held as row-major buffers. V1's <c>Tensor α s</c> is a function tree whose structural recursions visit
/// children in index order, depth first; on a row-major buffer that is a loop from the first element to the last, so each
/// primitive below computes what its Lean equations compute, element for element and (for the fold) in the same order.
/// </remarks>
internal static class Builtins
{
    /// <summary>The built-in names and the number of explicit arguments each takes (checked against its Lean signature).</summary>
    public static IReadOnlyDictionary<string, int> Arities { get; } = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        // Context α (spec/Core/Context.lean; V3: spec/upstream/v3/Core/Context.lean)
        ["MathFunctions.exp"] = 1,
        ["Numbers.pointfive"] = 0,

        // Spec.Shape.size : Shape → Nat  | .scalar => 1 | .dim n s => n * size s
        ["Spec.Shape.size"] = 1,

        // V1 (spec/Core/…)
        ["Spec.Tensor.mapSpec"] = 2,
        ["Spec.Tensor.map2Spec"] = 3,
        ["Spec.tensorFoldlSpec"] = 3,
        ["Spec.Tensor.fill"] = 2,

        // V3 (spec/upstream/v3/Core/…)
        ["TorchLean.Tensor.mapSpec"] = 2,
        ["TorchLean.Tensor.map2Spec"] = 3,
        ["TorchLean.Tensor.foldlSpec"] = 3,
        ["TorchLean.Tensor.full"] = 2,
    };

    /// <summary>The value of a built-in for the scalar type and context.</summary>
    public static SpecValue<T> Get<T, TContext>(string name)
        where TContext : IContext<T> =>
        Cache<T, TContext>.Values.TryGetValue(name, out SpecValue<T>? value)
            ? value
            : throw new InvalidOperationException($"'{name}' is not a built-in of the evaluator.");

    private static class Cache<T, TContext>
        where TContext : IContext<T>
    {
        public static readonly Dictionary<string, SpecValue<T>> Values = Build();

        private static Dictionary<string, SpecValue<T>> Build()
        {
            var mapSpec = new NativeFunction<T>("mapSpec", 2, a => Map(Function(a[0]), Tensor(a[1])));
            var map2Spec = new NativeFunction<T>("map2Spec", 3, a => Map2(Function(a[0]), Tensor(a[1]), Tensor(a[2])));
            var fold = new NativeFunction<T>("foldl", 3, a => Fold(Function(a[0]), a[1], Tensor(a[2])));
            return new Dictionary<string, SpecValue<T>>(StringComparer.Ordinal)
            {
                // class MathFunctions (α) where exp : α → α
                ["MathFunctions.exp"] = new NativeFunction<T>("MathFunctions.exp", 1, a => new ScalarValue<T>(TContext.Exp(Scalar(a[0])))),

                // class Numbers (α) where pointfive : α
                ["Numbers.pointfive"] = new ScalarValue<T>(TContext.PointFive),

                // def Shape.size : Shape → Nat | .scalar => 1 | .dim n s => n * Shape.size s
                ["Spec.Shape.size"] = new NativeFunction<T>("Shape.size", 1, a => new NatValue<T>(ShapeOf(a[0]).Size)),

                // def mapSpec (f : α → α) : Tensor α s → Tensor α s | .scalar x => .scalar (f x) | .dim g => .dim (fun i => mapSpec f (g i))
                ["Spec.Tensor.mapSpec"] = mapSpec,

                // def map2Spec (f : α → α → α) : Tensor α s → Tensor α s → Tensor α s
                //   | .scalar x, .scalar y => .scalar (f x y) | .dim g, .dim h => .dim (fun i => map2Spec f (g i) (h i))
                ["Spec.Tensor.map2Spec"] = map2Spec,

                // def tensorFoldlSpec (f : β → α → β) (init : β) : Tensor α s → β
                //   | .scalar v => f init v | .dim values => (List.finRange n).foldl (fun acc i => tensorFoldlSpec f acc (values i)) init
                ["Spec.tensorFoldlSpec"] = fold,

                // def fill (value : α) : (s : Shape) → Tensor α s | .scalar => .scalar value | .dim _ s' => .dim (fun _ => fill value s')
                ["Spec.Tensor.fill"] = new NativeFunction<T>("fill", 2, a => Constant(ShapeOf(a[1]), a[0])),

                // V3: mapSpec f t = Tensor.map f t (packed buffer); map2Spec f a b = Rep.zipWith f a b
                ["TorchLean.Tensor.mapSpec"] = mapSpec,
                ["TorchLean.Tensor.map2Spec"] = map2Spec,

                // V3: foldlSpec f init t = t.foldl f init ("traverses the packed buffer directly", row-major)
                ["TorchLean.Tensor.foldlSpec"] = fold,

                // V3: full (shape : Shape) (value : α) : Tensor α shape := Rep.const value
                ["TorchLean.Tensor.full"] = new NativeFunction<T>("full", 2, a => Constant(ShapeOf(a[0]), a[1])),
            };
        }

        private static TensorValue<T> Map(FunctionValue<T> f, TensorValue<T> t)
        {
            var result = new T[t.Elements.Length];
            for (int i = 0; i < result.Length; i++)
            {
                result[i] = Scalar(f.Invoke([new ScalarValue<T>(t.Elements[i])]));
            }

            return new TensorValue<T>(t.Shape, result);
        }

        private static TensorValue<T> Map2(FunctionValue<T> f, TensorValue<T> a, TensorValue<T> b)
        {
            if (!a.Shape.Equals(b.Shape))
            {
                throw new ArgumentException($"map2Spec needs one shape, got {a.Shape} and {b.Shape}.", nameof(b));
            }

            var result = new T[a.Elements.Length];
            for (int i = 0; i < result.Length; i++)
            {
                result[i] = Scalar(f.Invoke([new ScalarValue<T>(a.Elements[i]), new ScalarValue<T>(b.Elements[i])]));
            }

            return new TensorValue<T>(a.Shape, result);
        }

        /// <summary>One accumulator threaded through the elements in row-major order, starting from <paramref name="init"/>.</summary>
        private static SpecValue<T> Fold(FunctionValue<T> f, SpecValue<T> init, TensorValue<T> t)
        {
            SpecValue<T> acc = init;
            foreach (T element in t.Elements)
            {
                acc = f.Invoke([acc, new ScalarValue<T>(element)]);
            }

            return acc;
        }

        private static TensorValue<T> Constant(Shape shape, SpecValue<T> value)
        {
            T v = Scalar(value);
            return new TensorValue<T>(shape, Enumerable.Repeat(v, shape.Size).ToArray());
        }

        private static T Scalar(SpecValue<T> value) => Coerce.ToScalar<T, TContext>(value, "a built-in");

        private static TensorValue<T> Tensor(SpecValue<T> value) =>
            value as TensorValue<T> ?? throw new ArgumentException($"expected a tensor, got {value.Describe()}.", nameof(value));

        private static FunctionValue<T> Function(SpecValue<T> value) =>
            value as FunctionValue<T> ?? throw new ArgumentException($"expected a function, got {value.Describe()}.", nameof(value));

        private static Shape ShapeOf(SpecValue<T> value) =>
            value is ShapeValue<T> s ? s.Shape : throw new ArgumentException($"expected a shape, got {value.Describe()}.", nameof(value));
    }
}

/// <summary>How a literal meets its type: Lean's <c>OfNat α 0</c> is <c>Zero</c>, <c>OfNat α 1</c> is <c>One</c>, larger ones the cast.</summary>
internal static class Coerce
{
    public static T ToScalar<T, TContext>(SpecValue<T> value, string where)
        where TContext : IContext<T> => value switch
        {
            ScalarValue<T> s => s.Value,
            NumeralValue<T> n => FromNumeral<T, TContext>(n.Value),
            _ => throw new ArgumentException($"{where} expected a value of α, got {value.Describe()}.", nameof(value)),
        };

    public static T FromNumeral<T, TContext>(long n)
        where TContext : IContext<T> =>
        n switch
        {
            0 => TContext.Zero,
            1 => TContext.One,
            _ => TContext.NatCast(checked((int)n)),
        };
}

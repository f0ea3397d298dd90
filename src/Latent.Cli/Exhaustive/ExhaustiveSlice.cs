using System;
using System.Collections.Generic;
using System.Linq;
using System.Numerics;
using Latent.Ieee;
using Latent.Oracles;
using Latent.Oracles.Exact;

namespace Latent.Cli.Exhaustive;

/// <summary>
/// A one-argument slice of a definition: every other input fixed, the free one running over the bit patterns of a format.
/// Each slice evaluates a batch of arguments three ways: spec (the mirror with the platform arithmetic), spec-cr (the mirror
/// with correctly rounded primitives, equal to the Lean text with them, which <c>latent golden</c> checks on every test) and
/// exact (the real result rounded once).
/// </summary>
/// <param name="Name">The slice's name on the command line and in the report.</param>
/// <param name="Formula">What is evaluated, in the spec's notation.</param>
/// <param name="Definition">The definition.</param>
/// <param name="Free">The Lean binder of the swept input.</param>
/// <param name="Fixed">The other inputs and their values (exact in every format).</param>
/// <param name="DefaultStride">The stride of a run that does not choose one. Every slice has a fast exact path for binary32
/// (<c>CorrectlyRoundedExp</c>, <c>CorrectlyRoundedReparameterize</c>, <c>CorrectlyRoundedKl</c>), so 1: all inputs.</param>
internal sealed record ExhaustiveSlice(string Name, string Formula, Definition Definition, string Free, IReadOnlyList<(string Name, double Value)> Fixed, long DefaultStride = 1)
{
    /// <summary>The slices of issue 12, in report order.</summary>
    public static IReadOnlyList<ExhaustiveSlice> All { get; } =
    [
        new("expTensor", "expTensor x", Definition.ExpTensor, "x", []),
        new("halfTensor", "halfTensor x", Definition.HalfTensor, "x", []),
        new("klLogvar", "diagonalGaussianKlToStandard (mu = 0) (logvar = x), one coordinate", Definition.DiagonalGaussianKlToStandard, "logvar", [("mu", 0)]),
        new("klMu", "diagonalGaussianKlToStandard (mu = x) (logvar = 0), one coordinate", Definition.DiagonalGaussianKlToStandard, "mu", [("logvar", 0)]),
        new("reparameterizeDiag", "reparameterizeDiag (mu = 0) (logvar = x) (eps = 1)", Definition.ReparameterizeDiag, "logvar", [("mu", 0), ("eps", 1)]),
    ];

    /// <summary>Whether one call carries a whole batch as a vector (elementwise definitions); the KL takes one call per argument.</summary>
    public bool Elementwise => !Definition.HasScalarResult();

    /// <summary>Finds a slice by name.</summary>
    public static ExhaustiveSlice? Find(string name) => All.FirstOrDefault(s => s.Name == name);

    /// <summary>spec, spec-cr and exact results for <paramref name="arguments"/>, one per argument.</summary>
    public (T[] Spec, T[] SpecCr, T[] Exact) Evaluate<T, TFormat>(T[] arguments)
        where T : IBinaryFloatingPointIeee754<T>
        where TFormat : IBinaryFormat<T>
    {
        ArgumentNullException.ThrowIfNull(arguments);
        if (Elementwise)
        {
            // One Invocation over the batch: the free input is the vector, the fixed ones are filled.
            var tensors = new Dictionary<string, T[]> { [Free] = arguments };
            foreach ((string name, double value) in Fixed)
            {
                tensors[name] = Enumerable.Repeat(T.CreateTruncating(value), arguments.Length).ToArray();
            }

            var call = new Invocation<T>(Definition, Shape.Of(arguments.Length), tensors);
            return (call.Mirror<IeeeContext<T>>(), call.Mirror<CorrectlyRoundedContext<T, TFormat>>(), call.Exact<T, TFormat>());
        }

        // The one-coordinate KL: the methods Invocation calls (the mirror over each context, the exact oracle), on
        // one-element spans, without building a call per argument.
        var spec = new T[arguments.Length];
        var specCr = new T[arguments.Length];
        var exact = new T[arguments.Length];
        T fixedValue = T.CreateTruncating(Fixed.Single().Value);
        bool freeIsMu = Free == "mu";
        for (int i = 0; i < arguments.Length; i++)
        {
            ReadOnlySpan<T> mu = [freeIsMu ? arguments[i] : fixedValue];
            ReadOnlySpan<T> logvar = [freeIsMu ? fixedValue : arguments[i]];
            spec[i] = GenerativeLatent.DiagonalGaussianKlToStandard<T, IeeeContext<T>>(mu, logvar);
            specCr[i] = GenerativeLatent.DiagonalGaussianKlToStandard<T, CorrectlyRoundedContext<T, TFormat>>(mu, logvar);
            exact[i] = ExactOracle.DiagonalGaussianKlToStandard<T, TFormat>(mu, logvar);
        }

        return (spec, specCr, exact);
    }

    /// <summary>The same results through one <see cref="Invocation{T}"/> per argument, the general path (tests compare the two).</summary>
    public (T[] Spec, T[] SpecCr, T[] Exact) EvaluateByInvocation<T, TFormat>(T[] arguments)
        where T : IBinaryFloatingPointIeee754<T>
        where TFormat : IBinaryFormat<T>
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var spec = new T[arguments.Length];
        var specCr = new T[arguments.Length];
        var exact = new T[arguments.Length];
        for (int i = 0; i < arguments.Length; i++)
        {
            var tensors = new Dictionary<string, T[]> { [Free] = [arguments[i]] };
            foreach ((string name, double value) in Fixed)
            {
                tensors[name] = [T.CreateTruncating(value)];
            }

            var call = new Invocation<T>(Definition, Shape.Of(1), tensors);
            spec[i] = call.Mirror<IeeeContext<T>>()[0];
            specCr[i] = call.Mirror<CorrectlyRoundedContext<T, TFormat>>()[0];
            exact[i] = call.Exact<T, TFormat>()[0];
        }

        return (spec, specCr, exact);
    }
}

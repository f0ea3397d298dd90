using System;
using System.Collections.Generic;
using System.Linq;
using Latent.Ieee;
using Latent.Oracles;
using Latent.Oracles.Exact;

namespace Latent.Cli.Exhaustive;

/// <summary>
/// A one-argument binary32 slice of a definition: every other input fixed, the free one running over bit patterns. Each
/// slice evaluates a batch of arguments three ways through <see cref="Invocation{T}"/>: spec (the mirror with the platform
/// arithmetic), spec-cr (the mirror with correctly rounded primitives, equal to the Lean text with them, which
/// <c>latent golden</c> checks on every test) and exact (the real result rounded once).
/// </summary>
/// <param name="Name">The slice's name on the command line and in the report.</param>
/// <param name="Formula">What is evaluated, in the spec's notation.</param>
/// <param name="Elementwise">Whether one call can carry a whole batch as a vector (elementwise definitions); otherwise one call per argument.</param>
/// <param name="Call">The call for a batch of arguments (elementwise) or for one argument (a one-element vector).</param>
/// <param name="DefaultStride">The stride of a run that does not choose one: 1 (all 2^32 inputs) where the exact semantics has a
/// fast path (exp, the halving, the reparameterization), 4096 (2^20 inputs spread over the whole range) where every input still
/// costs an MPFR Ziv loop of several µs (the KL slices).</param>
internal sealed record ExhaustiveSlice(string Name, string Formula, bool Elementwise, Func<float[], Invocation<float>> Call, long DefaultStride = 1)
{
    private const long MpfrStride = 4096;

    /// <summary>The slices of issue 12, in report order.</summary>
    public static IReadOnlyList<ExhaustiveSlice> All { get; } =
    [
        new("expTensor", "expTensor x", true, x => Vector(Definition.ExpTensor, ("x", x))),
        new("halfTensor", "halfTensor x", true, x => Vector(Definition.HalfTensor, ("x", x))),
        new("klLogvar", "diagonalGaussianKlToStandard (mu = 0) (logvar = x), one coordinate", false,
            x => Vector(Definition.DiagonalGaussianKlToStandard, ("mu", [0f]), ("logvar", x)), MpfrStride),
        new("klMu", "diagonalGaussianKlToStandard (mu = x) (logvar = 0), one coordinate", false,
            x => Vector(Definition.DiagonalGaussianKlToStandard, ("mu", x), ("logvar", [0f])), MpfrStride),
        new("reparameterizeDiag", "reparameterizeDiag (mu = 0) (logvar = x) (eps = 1)", true,
            x => Vector(Definition.ReparameterizeDiag, ("mu", new float[x.Length]), ("logvar", x), ("eps", Enumerable.Repeat(1f, x.Length).ToArray()))),
    ];

    /// <summary>Finds a slice by name.</summary>
    public static ExhaustiveSlice? Find(string name) => All.FirstOrDefault(s => s.Name == name);

    /// <summary>spec, spec-cr and exact results for <paramref name="arguments"/>, one per argument.</summary>
    public (float[] Spec, float[] SpecCr, float[] Exact) Evaluate(float[] arguments)
    {
        if (Elementwise)
        {
            Invocation<float> call = Call(arguments);
            return (call.Mirror<IeeeContext<float>>(), call.Mirror<CorrectlyRoundedContext<float, Binary32>>(), call.Exact<float, Binary32>());
        }

        var spec = new float[arguments.Length];
        var specCr = new float[arguments.Length];
        var exact = new float[arguments.Length];
        for (int i = 0; i < arguments.Length; i++)
        {
            Invocation<float> call = Call([arguments[i]]);
            spec[i] = call.Mirror<IeeeContext<float>>()[0];
            specCr[i] = call.Mirror<CorrectlyRoundedContext<float, Binary32>>()[0];
            exact[i] = call.Exact<float, Binary32>()[0];
        }

        return (spec, specCr, exact);
    }

    private static Invocation<float> Vector(Definition definition, params (string Name, float[] Values)[] tensors) =>
        new(definition, Shape.Of(tensors.Max(t => t.Values.Length)), tensors.ToDictionary(t => t.Name, t => t.Values));
}

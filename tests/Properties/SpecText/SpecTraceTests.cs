using System.Collections.Generic;
using System.Linq;
using Latent.Oracles;
using Latent.Properties.Support;
using Latent.Spec;
using Xunit;

namespace Latent.Properties.SpecText;

/// <summary>
/// The gate on the evaluation order: each mirror, run with <see cref="SymbolicContext"/>, prints the same operation tree
/// as the spec evaluator derives from the Lean text (<c>spec/</c>). The reference is the text itself, not a string written
/// by hand from a reading of it; <c>EvaluationOrderTests</c> keeps the hand-written strings as a second witness.
/// </summary>
public class SpecTraceTests
{
    private static readonly int[][] Shapes = [[], [1], [3], [2, 2], [2, 0, 3], [0]];

    public static TheoryData<Definition, int[], EmptyMeanConvention> Calls()
    {
        var data = new TheoryData<Definition, int[], EmptyMeanConvention>();
        foreach (Definition d in Definitions.All)
        {
            foreach (int[] shape in Shapes)
            {
                data.Add(d, shape, EmptyMeanConvention.V1);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Calls))]
    public void Mirror_trace_equals_the_trace_of_the_lean_text(Definition definition, int[] dims, EmptyMeanConvention emptyMean)
    {
        Invocation<string> call = SymbolicCall(definition, Shape.Of(dims), emptyMean);
        string[] fromText = call.Spec<SymbolicContext>();
        string[] fromMirror = call.Mirror<SymbolicContext>();
        Assert.Equal(fromText, fromMirror);
    }

    /// <summary>The calls of the definitions V3 still has (it deletes expTensor and halfTensor).</summary>
    public static TheoryData<Definition, int[]> V3Calls()
    {
        var data = new TheoryData<Definition, int[]>();
        foreach (Definition d in new[] { Definition.ReparameterizeDiag, Definition.DiagonalGaussianKlToStandard, Definition.QuantizeAt })
        {
            foreach (int[] shape in Shapes)
            {
                data.Add(d, shape);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(V3Calls))]
    public void Mirror_under_the_v3_convention_has_the_trace_of_the_v3_text(Definition definition, int[] dims)
    {
        // The mirror's V3 path (EmptyMeanConvention.V3) against upstream V3's own text, with one half spelled as V3 spells it.
        Invocation<string> call = SymbolicCall(definition, Shape.Of(dims), EmptyMeanConvention.V3);
        Assert.Equal(call.Spec<SymbolicContext>(SpecModule.UpstreamV3), call.Mirror<SymbolicV3Context>());
    }

    [Theory]
    [MemberData(nameof(V3Calls))]
    public void V3_text_has_the_v1_trace_but_for_one_half_and_the_empty_mean(Definition definition, int[] dims)
    {
        // Upstream V3 writes (1 / 2) for Numbers.pointfive and divides an empty mean by 1: the only textual differences
        // spec/README.md claims. Everything else (order, operands, fold, seed) must be the same tree.
        Shape shape = Shape.Of(dims);
        string[] v1 = SymbolicCall(definition, shape, EmptyMeanConvention.V1).Spec<SymbolicContext>();
        string[] v3 = SymbolicCall(definition, shape, EmptyMeanConvention.V3).Spec<SymbolicContext>();
        string[] v3AsV1 = [.. v3.Select(t => t.Replace("(1 / 2)", "0.5", System.StringComparison.Ordinal)
            .Replace("(0 / 1)", shape.Size == 0 ? "(0 / 0)" : "(0 / 1)", System.StringComparison.Ordinal))];
        Assert.Equal(v1, v3AsV1);
    }

    [Fact]
    public void The_text_derives_the_kl_tree_of_the_spec_facts()
    {
        // A second witness that the evaluator reads the text as Lean does: the tree spec-facts §1.3 states.
        string[] kl = SymbolicCall(Definition.DiagonalGaussianKlToStandard, Shape.Of(2), EmptyMeanConvention.V1).Spec<SymbolicContext>();
        Assert.Equal("(0.5 * (((0 + (((exp(logvar0) + (mu0 * mu0)) - 1) - logvar0)) + (((exp(logvar1) + (mu1 * mu1)) - 1) - logvar1)) / 2))", kl.Single());
    }

    [Fact]
    public void V3_text_halves_with_one_over_two_and_divides_an_empty_mean_by_one()
    {
        string[] z = SymbolicCall(Definition.ReparameterizeDiag, Shape.Of(1), EmptyMeanConvention.V3).Spec<SymbolicContext>();
        Assert.Equal("(mu0 + (exp((logvar0 * (1 / 2))) * eps0))", z.Single());
        string[] empty = SymbolicCall(Definition.DiagonalGaussianKlToStandard, Shape.Of(0), EmptyMeanConvention.V3).Spec<SymbolicContext>();
        Assert.Equal("((1 / 2) * (0 / 1))", empty.Single());
    }

    /// <summary>Inputs named after their binder and position (<c>mu0</c>, <c>logvar1</c>), so the trace shows every operand.</summary>
    internal static Invocation<string> SymbolicCall(Definition definition, Shape shape, EmptyMeanConvention emptyMean)
    {
        string[] Named(string binder) => [.. Enumerable.Range(0, shape.Size).Select(i => binder + i)];
        if (definition == Definition.QuantizeAt)
        {
            const int NumCodes = 3;
            var book = new Codebook<string>(NumCodes, shape, Enumerable.Range(0, NumCodes * shape.Size).Select(i => "e" + i).ToArray());
            return new Invocation<string>(definition, shape, new Dictionary<string, string[]>(), book, NumCodes - 1, emptyMean);
        }

        var tensors = definition.TensorInputs().ToDictionary(b => b, Named);
        return new Invocation<string>(definition, shape, tensors, EmptyMean: emptyMean);
    }
}

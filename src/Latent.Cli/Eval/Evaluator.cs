using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Numerics;
using Latent.Cli.Text;
using Latent.Ieee;
using Latent.Oracles;

namespace Latent.Cli.Eval;

/// <summary>Parses an <see cref="EvalRequest"/>, evaluates it under the requested semantics and writes the result.</summary>
internal static class Evaluator
{
    public static int Evaluate(EvalRequest request, TextWriter output)
    {
        Definition definition = EvalInputs.Find(request.Definition);
        foreach ((string option, _) in request.GivenInputs())
        {
            if (!EvalInputs.For(definition).Contains(option))
            {
                throw new UsageException($"{option} is not an input of {definition.LeanName()} (it takes {string.Join(", ", EvalInputs.For(definition))})");
            }
        }

        if (!BinaryFormats.IsKnown(request.Format))
        {
            throw new UsageException($"unknown format '{request.Format}'; expected {BinaryFormats.Expected}");
        }

        EvalOutcome outcome = BinaryFormats.Visit(request.Format, new FormatRun(definition, request));
        EvalOutput.Write(output, definition, request, outcome);
        return ExitCodes.Success;
    }

    private readonly struct FormatRun(Definition definition, EvalRequest request) : IFormatVisitor<EvalOutcome>
    {
        public EvalOutcome Visit<T, TFormat>()
            where T : IBinaryFloatingPointIeee754<T>
            where TFormat : IBinaryFormat<T> => Evaluate<T, TFormat>(definition, request);
    }

    private static EvalOutcome Evaluate<T, TFormat>(Definition definition, EvalRequest request)
        where T : IBinaryFloatingPointIeee754<T>
        where TFormat : IBinaryFormat<T>
    {
        Shape? shape = request.Shape is null ? null : ShapeText.Parse("--shape", request.Shape);
        Semantics semantics = SemanticEvaluation.Parse(request.Semantics);
        bool tangentGiven = definition.TensorInputs().Any(n => request.TangentOf(n) is not null);
        if (tangentGiven && !semantics.IsDual())
        {
            throw new UsageException("tangents (--dx, --dmu, --dlogvar, --deps) need --semantics dual or dual-cr");
        }

        if (semantics.IsDual() && definition == Definition.QuantizeAt)
        {
            throw new UsageException("--semantics dual takes tensor definitions; quantizeAt is a lookup with no arithmetic");
        }

        Invocation<T> call = definition == Definition.QuantizeAt ? QuantizeAtCall<T, TFormat>(request, shape) : TensorCall<T, TFormat>(definition, request, shape);
        if (semantics.IsDual())
        {
            var tensors = new System.Collections.Generic.Dictionary<string, Dual<T>[]>(StringComparer.Ordinal);
            foreach ((string name, T[] values) in call.Tensors)
            {
                Shape? tangentShape = call.Shape;
                T[] tangent = request.TangentOf(name) is { } text ? Input<T, TFormat>("--d" + name, text, ref tangentShape) : new T[values.Length];
                tensors[name] = [.. values.Select((v, i) => new Dual<T>(v, tangent[i]))];
            }

            Dual<T>[] duals = SemanticEvaluation.EvaluateDual<T, TFormat>(semantics, new Invocation<Dual<T>>(definition, call.Shape, tensors, EmptyMean: call.EmptyMean));
            return EvalOutcome.OfDual<T, TFormat>(definition == Definition.DiagonalGaussianKlToStandard ? Shape.Scalar : call.Shape, duals);
        }

        T[] result = SemanticEvaluation.Evaluate<T, TFormat>(semantics, call);
        Shape resultShape = definition switch
        {
            Definition.DiagonalGaussianKlToStandard => Shape.Scalar,
            Definition.QuantizeAt => call.Book!.Latent,
            _ => call.Shape,
        };
        return EvalOutcome.Of<T, TFormat>(resultShape, result);
    }

    private static Invocation<T> TensorCall<T, TFormat>(Definition definition, EvalRequest request, Shape? shape)
        where T : IBinaryFloatingPointIeee754<T>
        where TFormat : IBinaryFormat<T>
    {
        var tensors = new System.Collections.Generic.Dictionary<string, T[]>(StringComparer.Ordinal);
        foreach (string name in definition.TensorInputs())
        {
            string? text = name switch
            {
                "x" => request.X,
                "mu" => request.Mu,
                "logvar" => request.Logvar,
                _ => request.Eps,
            };
            tensors[name] = Input<T, TFormat>("--" + name, text, ref shape);
        }

        EmptyMeanConvention emptyMean = request.EmptyMean == "v3" ? EmptyMeanConvention.V3 : EmptyMeanConvention.V1;
        return new Invocation<T>(definition, shape!, tensors, EmptyMean: emptyMean);
    }

    /// <summary>Parses a required value list; the first list fixes the shape when <c>--shape</c> was not given.</summary>
    private static T[] Input<T, TFormat>(string option, string? text, ref Shape? shape)
        where T : IBinaryFloatingPointIeee754<T>
        where TFormat : IBinaryFormat<T>
    {
        if (text is null)
        {
            throw new UsageException($"{option} is required");
        }

        T[] values = ValueList.Parse<T, TFormat>(option, text);
        shape ??= Shape.Of(values.Length);
        ValueList.RequireSize(option, values, shape);
        return values;
    }

    private static Invocation<T> QuantizeAtCall<T, TFormat>(EvalRequest request, Shape? shape)
        where T : IBinaryFloatingPointIeee754<T>
        where TFormat : IBinaryFormat<T>
    {
        if (request.Codebook is null)
        {
            throw new UsageException("--codebook is required");
        }

        if (request.Index is null)
        {
            throw new UsageException("--index is required");
        }

        string[] codes = request.Codebook.Trim().Length == 0 ? [] : request.Codebook.Split(';');
        T[][] embeddings = new T[codes.Length][];
        for (int k = 0; k < codes.Length; k++)
        {
            string option = $"--codebook code {k}";
            embeddings[k] = ValueList.Parse<T, TFormat>(option, codes[k]);
            shape ??= Shape.Of(embeddings[k].Length);
            ValueList.RequireSize(option, embeddings[k], shape);
        }

        shape ??= Shape.Of(0);
        if (!int.TryParse(request.Index.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int idx))
        {
            bool integer = System.Numerics.BigInteger.TryParse(request.Index.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _);
            throw new UsageException(integer
                ? $"--index: '{Latent.Golden.Reading.SafeText.Excerpt(request.Index)}' is out of range (the codebook has {codes.Length} codes)"
                : $"--index: '{Latent.Golden.Reading.SafeText.Excerpt(request.Index)}' is not an integer");
        }

        var book = new Codebook<T>(codes.Length, shape, embeddings.SelectMany(e => e).ToArray());
        return new Invocation<T>(Definition.QuantizeAt, shape, new System.Collections.Generic.Dictionary<string, T[]>(), book, idx);
    }
}

using System;
using System.Collections.Generic;
using System.Linq;
using System.Numerics;
using Latent.Golden.Conformance;
using Latent.Ieee;

namespace Latent.Golden.Tests.Support;

/// <summary>One way of computing the five definitions in C#, for ports written inside the tests.</summary>
internal interface ICSharpPort
{
    T[] Exp<T>(T[] x)
        where T : IFloatingPointIeee754<T>;

    T[] Half<T>(T[] x)
        where T : IFloatingPointIeee754<T>;

    T[] Reparameterize<T>(T[] mu, T[] logvar, T[] eps)
        where T : IFloatingPointIeee754<T>;

    T Kl<T>(T[] mu, T[] logvar, EmptyMeanConvention emptyMean)
        where T : IFloatingPointIeee754<T>;
}

/// <summary>Runs a C# port on every committed test and collects its results as <c>latent check</c> would read them.</summary>
internal static class CSharpPort
{
    public static PortResults Run(ICSharpPort port, string name)
    {
        var files = new Dictionary<string, IReadOnlyDictionary<int, ulong[]>>();
        // The forward files only: the C# ports compute the definitions, not their derivatives.
        foreach (VectorInputs file in VectorInputs.ReadAll().Where(f => !f.Definition.Contains('.', StringComparison.Ordinal)))
        {
            var answers = new Dictionary<int, ulong[]>();
            foreach (VectorInputs.Test test in file.Tests)
            {
                answers[test.TcId] = BinaryFormats.Visit(file.Format, new Computation(port, file.Definition, test));
            }

            files[file.FileName] = answers;
        }

        return new PortResults(name, files);
    }

    private readonly struct Computation(ICSharpPort port, string definition, VectorInputs.Test test) : IFormatVisitor<ulong[]>
    {
        public ulong[] Visit<T, TFormat>()
            where T : IBinaryFloatingPointIeee754<T>
            where TFormat : IBinaryFormat<T> => Compute<T, TFormat>(port, definition, test);
    }

    private static ulong[] Compute<T, TFormat>(ICSharpPort port, string definition, VectorInputs.Test test)
        where T : IBinaryFloatingPointIeee754<T>
        where TFormat : IBinaryFormat<T>
    {
        T[] In(string name) => Array.ConvertAll(test.Tensors[name], b => TFormat.FromBits(b));
        T[] result = definition switch
        {
            "expTensor" => port.Exp(In("x")),
            "halfTensor" => port.Half(In("x")),
            "reparameterizeDiag" => port.Reparameterize(In("mu"), In("logvar"), In("eps")),
            "diagonalGaussianKlToStandard" => [port.Kl(In("mu"), In("logvar"), test.EmptyMean == "v3" ? EmptyMeanConvention.V3 : EmptyMeanConvention.V1)],
            "quantizeAt" => [.. GenerativeLatent.QuantizeAt(new Codebook<T>(test.NumCodes, Shape.Of(test.Shape), In("codebook")), test.Index).Span],
            _ => throw new ArgumentOutOfRangeException(nameof(definition)),
        };
        return Array.ConvertAll(result, v => TFormat.ToBits(v));
    }
}

using System.Collections.Generic;
using Latent.Oracles;

namespace Latent.Golden.Model;

/// <summary>A named input tensor (or the flattened codebook) as bit patterns, row-major.</summary>
public sealed record NamedBits(string Name, IReadOnlyList<ulong> Bits);

/// <summary>One test of a vector file.</summary>
/// <param name="TcId">Stable id within the file (1-based, in file order).</param>
/// <param name="Comment">What the test probes, in words.</param>
/// <param name="Flags">Flags, each documented in the file's <c>notes</c>.</param>
/// <param name="Inputs">The tensor inputs in argument order.</param>
/// <param name="NumCodes">For <c>quantizeAt</c>: the number of codes.</param>
/// <param name="Index">For <c>quantizeAt</c>: the code index.</param>
/// <param name="Expected">One expectation per result element (one for the KL).</param>
public sealed record VectorTest(
    int TcId,
    string Comment,
    IReadOnlyList<string> Flags,
    IReadOnlyList<NamedBits> Inputs,
    int? NumCodes,
    int? Index,
    IReadOnlyList<Expectation> Expected);

/// <summary>Tests sharing a latent shape (and, for the KL, an empty-mean convention).</summary>
public sealed record TestGroup(IReadOnlyList<int> Shape, EmptyMeanConvention? EmptyMean, IReadOnlyList<VectorTest> Tests);

/// <summary>One vector file: one definition in one format.</summary>
public sealed record VectorFile(Definition Definition, string Format, ulong Seed, IReadOnlyDictionary<string, string> Notes, IReadOnlyList<TestGroup> Groups)
{
    /// <summary>Whether the file holds the definition's results or one of its derivatives.</summary>
    public Derivative Derivative { get; init; }

    /// <summary>The file name inside the versioned folder, e.g. <c>reparameterizeDiag.f64.json</c>, <c>reparameterizeDiag.vjp.f64.json</c>.</summary>
    public string FileName => $"{Derivatives.Stem(Definition, Derivative)}.{Format}.json";

    /// <summary>The number of tests in all groups.</summary>
    public int TestCount
    {
        get
        {
            int n = 0;
            foreach (TestGroup g in Groups)
            {
                n += g.Tests.Count;
            }

            return n;
        }
    }
}

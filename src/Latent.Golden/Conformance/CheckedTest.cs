using System.Collections.Generic;
using Latent.Golden.Model;
using Latent.Oracles;

namespace Latent.Golden.Conformance;

/// <summary>What the checker needs of one test of a vector file.</summary>
public sealed record CheckedTest(int TcId, IReadOnlyList<string> Flags, IReadOnlyList<Expectation> Expected);

/// <summary>What the checker needs of one vector file.</summary>
public sealed record CheckedFile(string FileName, Definition Definition, string Format, IReadOnlyList<CheckedTest> Tests)
{
    /// <summary>Whether the file holds the definition's results or one of its derivatives.</summary>
    public Model.Derivative Derivative { get; init; }

    /// <summary>The name reports use: the definition, with the derivative's tag (<c>diagonalGaussianKlToStandard.grad</c>).</summary>
    public string Label => Model.Derivatives.Stem(Definition, Derivative);
}

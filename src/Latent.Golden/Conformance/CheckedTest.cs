using System.Collections.Generic;
using Latent.Golden.Model;
using Latent.Oracles;

namespace Latent.Golden.Conformance;

/// <summary>What the checker needs of one test of a vector file.</summary>
public sealed record CheckedTest(int TcId, IReadOnlyList<string> Flags, IReadOnlyList<Expectation> Expected);

/// <summary>What the checker needs of one vector file.</summary>
public sealed record CheckedFile(string FileName, Definition Definition, string Format, IReadOnlyList<CheckedTest> Tests);

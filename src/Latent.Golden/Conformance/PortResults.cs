using System.Collections.Generic;

namespace Latent.Golden.Conformance;

/// <summary>A port's results: for each vector file it answered, the output bit patterns per tcId.</summary>
/// <param name="Port">The port's description (free text from the file, may be empty).</param>
/// <param name="Files">File name → tcId → output bits.</param>
public sealed record PortResults(string Port, IReadOnlyDictionary<string, IReadOnlyDictionary<int, ulong[]>> Files);

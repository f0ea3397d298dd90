using System.Collections.Generic;
using Latent.Golden.Generation;

namespace Latent.Golden.Conformance;

/// <summary>A vector set whose every file matched its manifest, parsed from the very bytes that were hashed.</summary>
/// <param name="Folder">The set folder (the one holding <c>MANIFEST.json</c>).</param>
/// <param name="Manifest">The parsed manifest.</param>
/// <param name="ManifestSha256">The lower-case hex SHA-256 of <c>MANIFEST.json</c>: the identity of the set a verdict is about.</param>
/// <param name="Files">The vector files, by file name (the order of the report).</param>
public sealed record VerifiedSet(string Folder, Manifest Manifest, string ManifestSha256, IReadOnlyList<CheckedFile> Files);

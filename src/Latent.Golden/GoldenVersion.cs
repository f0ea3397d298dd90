namespace Latent.Golden;

/// <summary>The identity of the vector format and of the generator that writes it.</summary>
public static class GoldenVersion
{
    /// <summary>The schema name with its major version; <c>spec/golden.schema.json</c> has the same id.</summary>
    public const string Schema = "latent-golden-v2";

    /// <summary>The folder that holds a set of this major version.</summary>
    public const string Folder = "v2";

    /// <summary>The schema of the previous major version, which this reader names when it refuses such a file.</summary>
    public const string PreviousSchema = "latent-golden-v1";

    /// <summary>The manifest schema of the previous major version.</summary>
    public const string PreviousManifestSchema = "latent-golden-manifest-v1";

    /// <summary>The manifest's schema name.</summary>
    public const string ManifestSchema = "latent-golden-manifest-v2";

    /// <summary>The results format a port writes for <c>latent check</c>.</summary>
    public const string ResultsSchema = "latent-results-v1";

    /// <summary>
    /// The generator's version. Same version and seed give byte-identical files; any change of cases, tolerances or layout
    /// bumps it (minor for added tests, major with <see cref="Schema"/> for an incompatible format).
    /// </summary>
    public const string Generator = "2.0.0";

    /// <summary>The mirrored Lean module.</summary>
    public const string Module = "NN.Spec.Generative.Latent";

    /// <summary>The upstream version mirrored.</summary>
    public const string Upstream = "lean-dojo/TorchLean NN/Spec/Generative/Latent.lean @ 411682f (V1)";

    /// <summary>The default seed: the ASCII bytes of "Latent" and a version byte.</summary>
    public const ulong DefaultSeed = 0x4C6174656E740001UL;

    /// <summary>The default number of seeded random tests per file, on top of the edge cases.</summary>
    public const int DefaultCount = 1000;
}

using System;
using System.Collections.Generic;
using System.Linq;

namespace Latent.Cli.Eval;

/// <summary>The definitions of <c>Generative.Latent</c> that <c>latent eval</c> can evaluate, with the inputs each takes.</summary>
internal sealed record LatentDefinition(string LeanName, IReadOnlyList<string> Inputs)
{
    public static readonly LatentDefinition ExpTensor = new("expTensor", ["--x"]);
    public static readonly LatentDefinition HalfTensor = new("halfTensor", ["--x"]);
    public static readonly LatentDefinition ReparameterizeDiag = new("reparameterizeDiag", ["--mu", "--logvar", "--eps"]);
    public static readonly LatentDefinition DiagonalGaussianKlToStandard = new("diagonalGaussianKlToStandard", ["--mu", "--logvar", "--empty-mean"]);
    public static readonly LatentDefinition QuantizeAt = new("quantizeAt", ["--codebook", "--index"]);

    public static IReadOnlyList<LatentDefinition> All { get; } =
        [ExpTensor, HalfTensor, ReparameterizeDiag, DiagonalGaussianKlToStandard, QuantizeAt];

    /// <summary>Finds a definition by its Lean name, short (<c>quantizeAt</c>) or fully qualified (<c>Generative.Latent.quantizeAt</c>).</summary>
    public static LatentDefinition Find(string name)
    {
        const string Namespace = "Generative.Latent.";
        string shortName = name.StartsWith(Namespace, StringComparison.Ordinal) ? name[Namespace.Length..] : name;
        return All.FirstOrDefault(d => d.LeanName == shortName)
            ?? throw new UsageException($"unknown definition '{name}'; expected one of {string.Join(", ", All.Select(d => d.LeanName))}");
    }
}

using System.Collections.Generic;
using System.Linq;
using Latent.Oracles;

namespace Latent.Cli.Eval;

/// <summary>The command-line options through which <c>latent eval</c> takes each definition's inputs.</summary>
internal static class EvalInputs
{
    /// <summary>
    /// One option per tensor input (<c>--mu</c>, ...) and one per tangent of a tensor input (<c>--dmu</c>, ...; quantizeAt has
    /// none), plus the KL's empty-mean convention and quantizeAt's index.
    /// </summary>
    public static IReadOnlyList<string> For(Definition definition) =>
    [
        .. definition.TensorInputs().Select(name => "--" + name),
        .. definition.TensorInputs().Select(name => "--d" + name),
        .. definition switch
        {
            Definition.DiagonalGaussianKlToStandard => ["--empty-mean"],
            Definition.QuantizeAt => new[] { "--index" },
            _ => [],
        },
    ];

    /// <summary>The definition named on the command line, short or fully qualified.</summary>
    public static Definition Find(string name) =>
        Definitions.Find(name)
        ?? throw new UsageException($"unknown definition '{name}'; expected one of {string.Join(", ", Definitions.All.Select(d => d.LeanName()))}");
}

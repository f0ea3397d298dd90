using System.Collections.Generic;

namespace Latent.Cli.Eval;

/// <summary>What <c>latent eval</c> was asked, as text; <see cref="Evaluator"/> parses and checks it.</summary>
internal sealed record EvalRequest(
    string Definition,
    string Format,
    string? Shape,
    string? EmptyMean,
    bool Json,
    string? X,
    string? Mu,
    string? Logvar,
    string? Eps,
    string? Codebook,
    string? Index,
    string? Semantics = null)
{
    /// <summary>The definition-specific options that were given, by option name.</summary>
    public IEnumerable<(string Option, string Value)> GivenInputs()
    {
        (string, string?)[] all =
        [
            ("--x", X), ("--mu", Mu), ("--logvar", Logvar), ("--eps", Eps),
            ("--codebook", Codebook), ("--index", Index), ("--empty-mean", EmptyMean),
        ];
        foreach ((string option, string? value) in all)
        {
            if (value is not null)
            {
                yield return (option, value);
            }
        }
    }
}

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
    string? Semantics = null,
    string? Dx = null,
    string? Dmu = null,
    string? Dlogvar = null,
    string? Deps = null)
{
    /// <summary>The tangent given for an input (by its Lean binder name), or null.</summary>
    public string? TangentOf(string input) => input switch
    {
        "x" => Dx,
        "mu" => Dmu,
        "logvar" => Dlogvar,
        "eps" => Deps,
        _ => null,
    };

    /// <summary>The definition-specific options that were given, by option name.</summary>
    public IEnumerable<(string Option, string Value)> GivenInputs()
    {
        (string, string?)[] all =
        [
            ("--x", X), ("--mu", Mu), ("--logvar", Logvar), ("--eps", Eps),
            ("--codebook", Codebook), ("--index", Index), ("--empty-mean", EmptyMean),
            ("--dx", Dx), ("--dmu", Dmu), ("--dlogvar", Dlogvar), ("--deps", Deps),
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

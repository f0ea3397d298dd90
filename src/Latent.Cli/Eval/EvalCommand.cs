using System.CommandLine;
using System.Linq;
using Latent.Oracles;

namespace Latent.Cli.Eval;

/// <summary><c>latent eval &lt;definition&gt; ...</c>: evaluates one definition of the mirror on values given on the command line.</summary>
internal static class EvalCommand
{
    public static Command Create()
    {
        var definition = new Argument<string>("definition")
        {
            Description = "One of " + string.Join(", ", Definitions.All.Select(d => d.LeanName())) + ".",
        };
        var format = new Option<string>("--format")
        {
            Description = "f64 (Lean Float, IEEE binary64), f32 (Lean Float32, binary32), f16 (IEEE binary16) or bf16 (bfloat16); f16 and bf16 round every operation into the format and take exp as the binary32 expf rounded once.",
            DefaultValueFactory = _ => "f64",
        };
        format.AcceptOnlyFromAmong([.. Latent.Ieee.BinaryFormats.Names]);
        var shape = new Option<string?>("--shape")
        {
            Description = "Latent shape, outermost dimension first, e.g. 2,3; 'scalar' for Shape.scalar. Default: one dimension holding all values.",
        };
        var emptyMean = new Option<string?>("--empty-mean")
        {
            Description = "Mean of an empty shape in diagonalGaussianKlToStandard: v1 (0/0 = NaN, the default) or v3 (0/1 = +0).",
        };
        emptyMean.AcceptOnlyFromAmong("v1", "v3");
        var semantics = new Option<string?>("--semantics")
        {
            Description = "spec (the C# mirror with the platform exp, the default), spec-text (the Lean text of spec/ evaluated with the same arithmetic), spec-cr (the Lean text with a correctly rounded exp), exact (the real result rounded once), dual (the mirror over TorchLean's dual numbers with the platform arithmetic: each element prints its value and its tangent, the Jacobian-vector product in the direction of --dx/--dmu/--dlogvar/--deps) or dual-cr (the Lean text over dual numbers with correctly rounded primitives).",
        };
        semantics.AcceptOnlyFromAmong("spec", "spec-text", "spec-cr", "exact", "dual", "dual-cr");
        var json = new Option<bool>("--json") { Description = "Print one JSON object instead of one line per result element." };
        var x = ValueOption("--x", "Input of expTensor and halfTensor.");
        var mu = ValueOption("--mu", "Means.");
        var logvar = ValueOption("--logvar", "Log-variances.");
        var eps = ValueOption("--eps", "Noise of reparameterizeDiag.");
        var codebook = new Option<string?>("--codebook")
        {
            Description = "Codes of quantizeAt separated by ';', each a value list of the latent shape, e.g. '0,0;1,1;-1,0.5'.",
        };
        var index = new Option<string?>("--index") { Description = "Code index of quantizeAt, from 0." };
        var dx = ValueOption("--dx", "Tangent of --x for --semantics dual or dual-cr (default: zeros).");
        var dmu = ValueOption("--dmu", "Tangent of --mu for --semantics dual or dual-cr (default: zeros).");
        var dlogvar = ValueOption("--dlogvar", "Tangent of --logvar for --semantics dual or dual-cr (default: zeros).");
        var deps = ValueOption("--deps", "Tangent of --eps for --semantics dual or dual-cr (default: zeros).");

        var command = new Command("eval", "Evaluate one definition of Generative.Latent and print each result as its bit pattern and shortest round-trip decimal.\n" + ExitCodes.Help)
        {
            definition, format, semantics, shape, emptyMean, json, x, mu, logvar, eps, codebook, index, dx, dmu, dlogvar, deps,
        };
        command.SetAction(result =>
        {
            var request = new EvalRequest(
                result.GetRequiredValue(definition),
                result.GetRequiredValue(format),
                result.GetValue(shape),
                result.GetValue(emptyMean),
                result.GetValue(json),
                result.GetValue(x),
                result.GetValue(mu),
                result.GetValue(logvar),
                result.GetValue(eps),
                result.GetValue(codebook),
                result.GetValue(index),
                result.GetValue(semantics),
                result.GetValue(dx),
                result.GetValue(dmu),
                result.GetValue(dlogvar),
                result.GetValue(deps));
            return Evaluator.Evaluate(request, result.InvocationConfiguration.Output);
        });
        return command;
    }

    private static Option<string?> ValueOption(string name, string description) =>
        new(name)
        {
            Description = description + " Comma-separated decimals, nan, inf, -inf, -0, or 0x-prefixed IEEE bit patterns; '' for none.",
        };
}

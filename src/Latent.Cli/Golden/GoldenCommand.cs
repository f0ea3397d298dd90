using System.CommandLine;
using System.Globalization;
using Latent.Cli.Text;
using Latent.Golden;
using Latent.Golden.Generation;

namespace Latent.Cli.Golden;

/// <summary>
/// <c>latent golden [--out DIR] [--seed S] [--count N] [--format f64,f32,f16,bf16]</c> writes the full vector set;
/// <c>latent golden --verify DIR</c> re-derives a set and reports every difference.
/// </summary>
internal static class GoldenCommand
{
    public static Command Create()
    {
        var output = new Option<string>("--out")
        {
            Description = "Folder to write the set into (the files go to its " + GoldenVersion.Folder + " folder). Default: ./golden.",
            DefaultValueFactory = _ => "golden",
            HelpName = "DIR",
        };
        var seed = new Option<string>("--seed")
        {
            Description = "Seed of the random tests: " + SeedOption.Help + ". Default: " + SeedText.Format(GoldenVersion.DefaultSeed) + ".",
            HelpName = "S",
        };
        var count = new Option<string>("--count")
        {
            Description = "Seeded random tests per file, besides the edge cases: 0 to " + GoldenOptions.MaxCount.ToString(CultureInfo.InvariantCulture) + ". Default: " + GoldenVersion.DefaultCount.ToString(CultureInfo.InvariantCulture) + ".",
            HelpName = "N",
        };
        var format = new Option<string>("--format")
        {
            Description = "Formats to write, comma-separated: any of f64, f32, f16, bf16 (default: all four).",
            HelpName = "F",
        };
        var replace = new Option<bool>("--replace")
        {
            Description = "Replace the set already in DIR/" + GoldenVersion.Folder + ", as a whole. Without it a non-empty DIR/" + GoldenVersion.Folder + " is refused.",
        };
        var verify = new Option<string?>("--verify")
        {
            Description = "Instead of writing, re-derive the set in DIR (or DIR/" + GoldenVersion.Folder + ") from its MANIFEST.json and report differences and hash mismatches; exit 1 if any.",
            HelpName = "DIR",
        };

        var command = new Command(
            "golden",
            "Write the golden vectors (one JSON file per definition and format, and MANIFEST.json) into DIR/" + GoldenVersion.Folder + ", built in a temporary folder and moved into place whole; or verify a set.\n"
            + "Exit codes: 0 written, or verified identical; 1 --verify found differences; 2 bad input (bad option, non-empty DIR/" + GoldenVersion.Folder + " without --replace, unwritable DIR, malformed manifest); 70 internal error; 130 interrupted (DIR is not changed).")
        {
            output, seed, count, format, replace, verify,
        };
        command.SetAction(result =>
        {
            var io = new GoldenIo(result.InvocationConfiguration.Output, result.InvocationConfiguration.Error);
            string? verifyDir = result.GetValue(verify);
            if (verifyDir is not null)
            {
                return GoldenVerifyRunner.Run(verifyDir, io);
            }

            var options = GoldenArguments.Parse(result.GetValue(seed), result.GetValue(count), result.GetValue(format));
            return GoldenRunner.Run(result.GetRequiredValue(output), options, result.GetValue(replace), io);
        });
        return command;
    }
}

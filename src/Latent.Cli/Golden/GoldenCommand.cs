using System.CommandLine;
using System.Globalization;
using Latent.Golden;

namespace Latent.Cli.Golden;

/// <summary>
/// <c>latent golden [--out DIR] [--seed S] [--count N] [--format f64,f32]</c> writes the full vector set;
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
        };
        var seed = new Option<string>("--seed")
        {
            Description = "Seed of the random tests: a decimal or 0x-prefixed hex 64-bit integer. Default: 0x" + GoldenVersion.DefaultSeed.ToString("X16", CultureInfo.InvariantCulture) + ".",
        };
        var count = new Option<string>("--count")
        {
            Description = "Seeded random tests per file, besides the edge cases. Default: " + GoldenVersion.DefaultCount.ToString(CultureInfo.InvariantCulture) + ".",
        };
        var format = new Option<string>("--format")
        {
            Description = "Formats to write: f64, f32 or f64,f32 (the default).",
        };
        var verify = new Option<string?>("--verify")
        {
            Description = "Instead of writing, re-derive the set in DIR (or DIR/" + GoldenVersion.Folder + ") from its MANIFEST.json and report differences and hash mismatches; exit 1 if any.",
        };

        var command = new Command("golden", "Write the golden vectors (one JSON file per definition and format, and MANIFEST.json), or verify a set.")
        {
            output, seed, count, format, verify,
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
            return GoldenRunner.Run(result.GetRequiredValue(output), options, io);
        });
        return command;
    }
}

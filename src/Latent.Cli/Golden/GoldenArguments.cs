using System;
using System.Linq;
using Latent.Cli.Text;
using Latent.Golden;
using Latent.Golden.Generation;

namespace Latent.Cli.Golden;

/// <summary>Parses the generation options; bad values become a <see cref="UsageException"/> (one line, exit 2).</summary>
internal static class GoldenArguments
{
    public static GoldenOptions Parse(string? seed, string? count, string? format)
    {
        ulong seedValue = SeedOption.Parse(seed, GoldenVersion.DefaultSeed);
        int countValue = count is null ? GoldenVersion.DefaultCount : (int)CountText.Parse("--count", count, 0, GoldenOptions.MaxCount);
        string[] formats = format is null ? [.. GoldenOptions.Default.Formats] : [.. format.Split(',', StringSplitOptions.TrimEntries).Distinct()];
        var options = new GoldenOptions(seedValue, countValue, formats);
        return options.Problem() is { } problem ? throw new UsageException(problem) : options;
    }
}

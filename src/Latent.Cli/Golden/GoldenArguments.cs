using System;
using System.Globalization;
using System.Linq;
using Latent.Golden;
using Latent.Golden.Generation;

namespace Latent.Cli.Golden;

/// <summary>Parses the generation options; bad values become a <see cref="UsageException"/> (one line, exit 2).</summary>
internal static class GoldenArguments
{
    public static GoldenOptions Parse(string? seed, string? count, string? format)
    {
        ulong seedValue = GoldenVersion.DefaultSeed;
        if (seed is not null)
        {
            bool hex = seed.StartsWith("0x", StringComparison.OrdinalIgnoreCase);
            bool ok = hex
                ? ulong.TryParse(seed.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out seedValue)
                : ulong.TryParse(seed, NumberStyles.None, CultureInfo.InvariantCulture, out seedValue);
            if (!ok)
            {
                throw new UsageException($"--seed '{seed}' is not a 64-bit unsigned integer (decimal or 0x hex)");
            }
        }

        int countValue = GoldenVersion.DefaultCount;
        if (count is not null && !int.TryParse(count, NumberStyles.None, CultureInfo.InvariantCulture, out countValue))
        {
            throw new UsageException($"--count '{count}' is not a nonnegative integer");
        }

        string[] formats = format is null ? ["f64", "f32"] : [.. format.Split(',', StringSplitOptions.TrimEntries).Distinct()];
        var options = new GoldenOptions(seedValue, countValue, formats);
        return options.Problem() is { } problem ? throw new UsageException(problem) : options;
    }
}

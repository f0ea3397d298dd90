using Latent.Golden.Generation;
using Latent.Golden.Reading;

namespace Latent.Cli.Text;

/// <summary>The <c>--seed</c> of every command, parsed by the one <see cref="SeedText"/> syntax (decimal or 0x hex).</summary>
internal static class SeedOption
{
    public const string Help = "a 64-bit unsigned integer, decimal (20261125) or 0x hex (0x4C6174656E740001)";

    public static ulong Parse(string? text, ulong fallback)
    {
        if (text is null)
        {
            return fallback;
        }

        return SeedText.TryParse(text, out ulong seed, out string problem)
            ? seed
            : throw new UsageException($"--seed '{SafeText.Excerpt(text)}' {problem}");
    }
}

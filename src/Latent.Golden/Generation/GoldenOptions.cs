using System;
using System.Collections.Generic;

namespace Latent.Golden.Generation;

/// <summary>What to generate: the seed, the number of random tests per file, and the formats.</summary>
/// <param name="Seed">The seed of every file's random stream.</param>
/// <param name="Count">Seeded random tests per file, added to the edge cases.</param>
/// <param name="Formats">The formats (<c>f64</c>, <c>f32</c>, <c>f16</c>, <c>bf16</c>), in file order.</param>
public sealed record GoldenOptions(ulong Seed, int Count, IReadOnlyList<string> Formats)
{
    /// <summary>The built-in defaults: the default seed, 1,000 random tests per file, every format.</summary>
    public static GoldenOptions Default { get; } = new(GoldenVersion.DefaultSeed, GoldenVersion.DefaultCount, Latent.Ieee.BinaryFormats.Names);

    /// <summary>The most random tests per file: about 1.3 GB of vectors.</summary>
    public const int MaxCount = 1_000_000;

    /// <summary>Checks the options, with a one-line reason.</summary>
    public string? Problem()
    {
        if (Count < 0 || Count > MaxCount)
        {
            return $"--count {Count} is out of range: expected 0 to {MaxCount}";
        }

        if (Formats.Count == 0)
        {
            return "no format chosen";
        }

        foreach (string f in Formats)
        {
            if (!Latent.Ieee.BinaryFormats.IsKnown(f))
            {
                return $"unknown format '{Reading.SafeText.Excerpt(f)}'; expected {Latent.Ieee.BinaryFormats.Expected}";
            }
        }

        return null;
    }
}

/// <summary>One generated file.</summary>
/// <param name="FileName">Its name inside the versioned folder.</param>
/// <param name="Bytes">Its content.</param>
/// <param name="Tests">Its number of tests.</param>
public sealed record GeneratedFile(string FileName, byte[] Bytes, int Tests)
{
    /// <summary>
    /// The tests where the C# mirror (with correctly rounded primitives) gives other bits than the Lean text the file was
    /// generated from; empty when the mirror follows the text.
    /// </summary>
    public IReadOnlyList<string> MirrorMoved { get; init; } = [];

    /// <summary>The lower-case hex SHA-256 of the content.</summary>
    public string Sha256 => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Bytes));
}

using System;
using System.Collections.Generic;
using Latent.Golden.Conformance;
using Latent.Golden.Generation;

namespace Latent.Fuzz;

/// <summary>
/// The three reader entry points under fuzzing. The contract: for any bytes, a reader returns a value or throws
/// <see cref="InputErrorException"/> with a short one-line message; any other exception, a hang or a long message is a
/// finding. The same targets replay the committed corpus and every crash file in the tests.
/// </summary>
public static class FuzzTargets
{
    /// <summary>The longest message an error may have: a path, a JSON path and a short excerpt.</summary>
    public const int MaxMessageLength = 600;

    /// <summary>The targets by name, as the fuzz script and the replay tests call them.</summary>
    public static IReadOnlyList<string> Names { get; } = ["results", "vector", "manifest"];

    /// <summary>Runs the target <paramref name="name"/> on <paramref name="input"/>; results are read against <paramref name="vectors"/>.</summary>
    public static void Run(string name, ReadOnlyMemory<byte> input, IReadOnlyList<CheckedFile> vectors)
    {
        ArgumentNullException.ThrowIfNull(name);
        try
        {
            switch (name)
            {
                case "results":
                    ResultsReader.Parse(input, "fuzz.json", vectors);
                    break;
                case "vector":
                    VectorReader.Parse(input, "fuzz.json");
                    break;
                case "manifest":
                    ManifestReader.Parse(input, "MANIFEST.json");
                    break;
                default:
                    throw new ArgumentException($"unknown fuzz target '{name}'", nameof(name));
            }
        }
        catch (InputErrorException e)
        {
            CheckMessage(e.Message);
        }
    }

    /// <summary>A rejection must be one short line without control characters: it is what a terminal or a log shows.</summary>
    private static void CheckMessage(string message)
    {
        if (message.Length > MaxMessageLength)
        {
            throw new InvalidOperationException($"error message of {message.Length} characters");
        }

        foreach (char c in message)
        {
            if (char.IsControl(c))
            {
                throw new InvalidOperationException($"control character U+{(int)c:X4} in an error message");
            }
        }
    }
}

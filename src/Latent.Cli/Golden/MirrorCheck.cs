using System.Collections.Generic;
using System.IO;
using System.Linq;
using Latent.Golden.Generation;

namespace Latent.Cli.Golden;

/// <summary>
/// The vectors' <c>specCr</c> values come from the Lean text, so they stay put when the C# mirror changes; generation also
/// runs the mirror on every test, and this reports where it disagrees: the side that moved is the mirror.
/// </summary>
internal static class MirrorCheck
{
    private const int Shown = 5;

    /// <summary>Writes the disagreements (the first few) and returns 1 if there are any, else 0.</summary>
    public static int Report(IReadOnlyList<GeneratedFile> files, TextWriter error)
    {
        var moved = files.SelectMany(f => f.MirrorMoved).ToList();
        if (moved.Count == 0)
        {
            return ExitCodes.Success;
        }

        error.WriteLine($"latent golden: the C# mirror differs from the spec text on {moved.Count} tests; the vectors follow the text, so the mirror moved (or the text changed and the mirror has not followed):");
        foreach (string line in moved.Take(Shown))
        {
            error.WriteLine("  " + line);
        }

        if (moved.Count > Shown)
        {
            error.WriteLine($"  … and {moved.Count - Shown} more");
        }

        return ExitCodes.CheckFailed;
    }
}

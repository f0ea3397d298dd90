using System.IO;
using Latent.Golden.Reading;

namespace Latent.Cli.Text;

/// <summary>
/// Checks an output file option before any long work: its folder must exist and the path must not be a folder, so that
/// a typo fails in a moment with exit 2, not after a long run as an internal error.
/// </summary>
internal static class OutputPath
{
    public static void Check(string option, string? path)
    {
        if (path is null)
        {
            return;
        }

        string shown = SafeText.Escape(path);
        if (path.Length == 0)
        {
            throw new UsageException($"{option}: an empty path");
        }

        if (Directory.Exists(path))
        {
            throw new UsageException($"{option} {shown} is a folder; give a file name");
        }

        string folder = Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".";
        if (!Directory.Exists(folder))
        {
            throw new UsageException($"{option} {shown}: the folder {SafeText.Escape(folder)} does not exist");
        }
    }
}

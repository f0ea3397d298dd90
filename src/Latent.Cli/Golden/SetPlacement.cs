using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Text.RegularExpressions;

namespace Latent.Cli.Golden;

/// <summary>
/// Where <c>latent golden</c> builds a set and how it puts it in place: every file goes into a private staging folder
/// beside the target (<c>.v1.PID.RANDOM.tmp</c>, same file system), and the finished folder is renamed onto the target
/// in one step. A reader therefore sees the old set or the new one, never a mixture; two runs into one folder cannot
/// interleave (the second rename fails on a non-empty target, or with <c>--replace</c> replaces the first set whole);
/// and files of an earlier set are never left beside a new manifest.
/// </summary>
internal static partial class SetPlacement
{
    /// <summary>Refuses, before any work, a target that holds anything unless <paramref name="replace"/>.</summary>
    public static void CheckTarget(string target, bool replace)
    {
        if (File.Exists(target))
        {
            throw new UsageException($"{Shown(target)} is a file, not a folder");
        }

        if (!replace && Directory.Exists(target) && Directory.EnumerateFileSystemEntries(target).GetEnumerator().MoveNext())
        {
            throw new UsageException($"{Shown(target)} is not empty; pass --replace to replace the set in it as a whole");
        }
    }

    /// <summary>Creates a fresh staging folder beside <paramref name="target"/>, first removing those of runs that are gone.</summary>
    public static string CreateStaging(string target)
    {
        string parent = Parent(target);
        Directory.CreateDirectory(parent);
        RemoveAbandoned(parent);
        string staging = Path.Combine(parent, string.Create(CultureInfo.InvariantCulture, $".{Path.GetFileName(target)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp"));
        Directory.CreateDirectory(staging);
        return staging;
    }

    /// <summary>Renames the finished <paramref name="staging"/> folder onto <paramref name="target"/>.</summary>
    public static void Publish(string staging, string target, bool replace)
    {
        if (!replace)
        {
            // An empty target folder (made by hand, or left by an earlier tool) is replaced; a non-empty one never is.
            DeleteIfEmpty(target);
            try
            {
                Directory.Move(staging, target);
            }
            catch (IOException) when (Directory.Exists(target))
            {
                throw new UsageException($"{Shown(target)} was filled by another run meanwhile; pass --replace to replace it");
            }

            return;
        }

        string old = staging[..^".tmp".Length] + ".old";
        for (int attempt = 0; ; attempt++)
        {
            bool moved = false;
            try
            {
                Directory.Move(target, old);
                moved = true;
            }
            catch (DirectoryNotFoundException)
            {
                // Nothing to replace (yet).
            }

            try
            {
                Directory.Move(staging, target);
                break;
            }
            catch (IOException) when (attempt < 5 && Directory.Exists(target))
            {
                // Another --replace run put its set in place between the two renames: replace that one in turn.
            }
            catch when (moved && !Directory.Exists(target))
            {
                // The new set could not be put in place: put the old one back rather than leave none.
                Directory.Move(old, target);
                moved = false;
                throw;
            }
            finally
            {
                if (moved)
                {
                    Directory.Delete(old, recursive: true);
                }
            }
        }
    }

    /// <summary>Removes a staging folder of this run (interrupted or failed).</summary>
    public static void Discard(string? staging)
    {
        if (staging is not null && Directory.Exists(staging))
        {
            Directory.Delete(staging, recursive: true);
        }
    }

    private static void DeleteIfEmpty(string target)
    {
        try
        {
            Directory.Delete(target, recursive: false);
        }
        catch (DirectoryNotFoundException)
        {
            // Nothing there: the rename creates it.
        }
        catch (IOException)
        {
            // Not empty: the rename below fails and says so.
        }
    }

    /// <summary>Removes staging folders whose process no longer runs (a run killed with SIGKILL leaves one).</summary>
    private static void RemoveAbandoned(string parent)
    {
        foreach (string folder in Directory.EnumerateDirectories(parent, ".*.tmp"))
        {
            Match m = StagingName().Match(Path.GetFileName(folder));
            if (m.Success && !IsRunning(int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private static string Parent(string target) => Path.GetDirectoryName(Path.GetFullPath(target)) ?? ".";

    private static string Shown(string path) => Latent.Golden.Reading.SafeText.Escape(path);

    [GeneratedRegex(@"^\..+\.([0-9]{1,9})\.[0-9a-f]{32}\.tmp$", RegexOptions.CultureInvariant)]
    private static partial Regex StagingName();
}

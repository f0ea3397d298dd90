using System;
using System.Collections.Concurrent;
using System.Globalization;
using System.IO;

namespace Latent.Golden.Writing;

/// <summary>
/// Writes a file so that its final name only ever holds complete content: the bytes go to a temporary name in the same
/// directory (<c>.NAME.PID.tmp</c>), are flushed to the disk, and the temporary file is renamed over the final name, which
/// is atomic on one file system. A killed process can leave its temporary file behind, never a partial file under the final name.
/// </summary>
public static class AtomicFile
{
    private static readonly ConcurrentDictionary<string, byte> Pending = new(StringComparer.Ordinal);

    /// <summary>Writes <paramref name="bytes"/> to <paramref name="path"/> atomically.</summary>
    public static void Write(string path, ReadOnlySpan<byte> bytes)
    {
        ArgumentNullException.ThrowIfNull(path);
        string directory = Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".";
        string temp = Path.Combine(directory, $".{Path.GetFileName(path)}.{Environment.ProcessId.ToString(CultureInfo.InvariantCulture)}.tmp");
        Pending[temp] = 0;
        try
        {
            using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None))
            {
                stream.Write(bytes);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }

            Pending.TryRemove(temp, out _);
        }
    }

    /// <summary>Removes the temporary files this process has open, for a run stopped by a signal.</summary>
    public static void RemovePending()
    {
        foreach (string temp in Pending.Keys)
        {
            try
            {
                File.Delete(temp);
            }
            catch (IOException)
            {
                // Still being written by another thread; that thread's own cleanup removes it.
            }
        }
    }
}

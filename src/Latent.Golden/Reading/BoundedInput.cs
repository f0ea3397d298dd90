using System;
using System.Collections.Generic;
using System.IO;
using Latent.Golden.Conformance;

namespace Latent.Golden.Reading;

/// <summary>
/// The one way Latent reads an input file: at most a given number of bytes, counted while reading, so the limit holds for
/// pipes, devices (<c>/dev/zero</c>), files that grow while read and links to any of these, not only for regular files
/// whose length can be asked. <c>-</c> is standard input. Every failure is an <see cref="InputErrorException"/> naming
/// the file, never an <see cref="OutOfMemoryException"/> or a raw I/O exception.
/// </summary>
public static class BoundedInput
{
    /// <summary>The name that means standard input.</summary>
    public const string StandardInput = "-";

    private const int ChunkSize = 1 << 20;

    /// <summary>Reads all of <paramref name="path"/> (or standard input for <c>-</c>), refusing more than <paramref name="maxBytes"/> bytes.</summary>
    /// <param name="path">The file; <c>-</c> for standard input.</param>
    /// <param name="maxBytes">The most bytes accepted.</param>
    /// <param name="regularFileOnly">Refuse, before opening it, anything but a regular file (a pipe, a device, a socket):
    /// for the files of a vector set, which are files on disk, and where a FIFO would block the open forever.</param>
    /// <exception cref="InputErrorException">Missing, unreadable, a folder, not a regular file when one is required, or longer than the limit.</exception>
    public static byte[] Read(string path, long maxBytes, bool regularFileOnly = false)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxBytes);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxBytes, Array.MaxLength - 1L);
        string shown = Name(path);
        if (path != StandardInput && Directory.Exists(path))
        {
            throw new InputErrorException($"{shown}: is a folder, not a file");
        }

        if (regularFileOnly && (path == StandardInput || FileKind.IsRegular(path) == false))
        {
            throw new InputErrorException($"{shown}: not a regular file (a pipe, a device or a socket); a vector set is made of files");
        }

        try
        {
            using Stream stream = path == StandardInput ? Console.OpenStandardInput() : new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1);

            // A regular file that is already too long is refused without reading it; anything else is counted.
            if (stream.CanSeek && stream.Length > maxBytes)
            {
                throw TooLong(shown, maxBytes);
            }

            // A regular file is read into one array of its length (and one byte more, in case it grew).
            return ReadAtMost(stream, (int)maxBytes, stream.CanSeek ? (int)stream.Length + 1 : ChunkSize, shown);
        }
        catch (FileNotFoundException)
        {
            throw new InputErrorException($"{shown}: no such file");
        }
        catch (DirectoryNotFoundException)
        {
            throw new InputErrorException($"{shown}: no such file");
        }
        catch (UnauthorizedAccessException)
        {
            throw new InputErrorException($"{shown}: permission denied");
        }
        catch (IOException e)
        {
            throw new InputErrorException($"{shown}: cannot be read ({SafeText.Excerpt(e.Message)})");
        }
    }

    /// <summary>The file name as it may be printed: control characters escaped.</summary>
    public static string Name(string path) => path == StandardInput ? "standard input" : SafeText.Escape(path);

    /// <summary>
    /// Reads to the end in chunks, so that memory grows with what was read (an endless device costs the limit, once),
    /// and copies into one array at the end. One byte beyond the limit is asked for, to tell "at the limit" from "beyond".
    /// </summary>
    private static byte[] ReadAtMost(Stream stream, int maxBytes, int firstChunk, string shown)
    {
        var chunks = new List<byte[]>();
        long total = 0;
        int chunkSize = Math.Max(1, firstChunk);
        while (true)
        {
            var chunk = new byte[(int)Math.Min(chunkSize, maxBytes + 1L - total)];
            int filled = 0;
            while (filled < chunk.Length)
            {
                int read = stream.Read(chunk, filled, chunk.Length - filled);
                if (read == 0)
                {
                    break;
                }

                filled += read;
            }

            total += filled;
            if (total > maxBytes)
            {
                throw TooLong(shown, maxBytes);
            }

            chunks.Add(filled == chunk.Length ? chunk : chunk[..filled]);
            if (filled < chunk.Length)
            {
                break;
            }

            chunkSize = ChunkSize;
        }

        if (chunks.Count == 1)
        {
            return chunks[0];
        }

        var bytes = new byte[total];
        int at = 0;
        foreach (byte[] chunk in chunks)
        {
            chunk.CopyTo(bytes, at);
            at += chunk.Length;
        }

        return bytes;
    }

    private static InputErrorException TooLong(string shown, long maxBytes) => new($"{shown}: more than the limit of {maxBytes} bytes");
}

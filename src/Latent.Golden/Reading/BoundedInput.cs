using System;
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

    private const int FirstBuffer = 64 << 10;

    /// <summary>Reads all of <paramref name="path"/> (or standard input for <c>-</c>), refusing more than <paramref name="maxBytes"/> bytes.</summary>
    /// <exception cref="InputErrorException">Missing, unreadable, a folder, or longer than the limit.</exception>
    public static byte[] Read(string path, long maxBytes)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxBytes);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxBytes, Array.MaxLength - 1L);
        string shown = Name(path);
        if (path != StandardInput && Directory.Exists(path))
        {
            throw new InputErrorException($"{shown}: is a folder, not a file");
        }

        try
        {
            using Stream stream = path == StandardInput ? Console.OpenStandardInput() : new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1);

            // A regular file that is already too long is refused without reading it; anything else is counted.
            if (stream.CanSeek && stream.Length > maxBytes)
            {
                throw TooLong(shown, maxBytes);
            }

            return ReadAtMost(stream, (int)maxBytes, shown);
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

    private static byte[] ReadAtMost(Stream stream, int maxBytes, string shown)
    {
        // One byte beyond the limit is read, so that "exactly at the limit" and "beyond it" are told apart.
        var buffer = new byte[Math.Min(FirstBuffer, maxBytes + 1)];
        int length = 0;
        while (true)
        {
            if (length == buffer.Length)
            {
                if (length > maxBytes)
                {
                    throw TooLong(shown, maxBytes);
                }

                Array.Resize(ref buffer, (int)Math.Min((long)buffer.Length * 2, maxBytes + 1L));
            }

            int read = stream.Read(buffer, length, buffer.Length - length);
            if (read == 0)
            {
                break;
            }

            length += read;
        }

        if (length > maxBytes)
        {
            throw TooLong(shown, maxBytes);
        }

        Array.Resize(ref buffer, length);
        return buffer;
    }

    private static InputErrorException TooLong(string shown, long maxBytes) => new($"{shown}: more than the limit of {maxBytes} bytes");
}

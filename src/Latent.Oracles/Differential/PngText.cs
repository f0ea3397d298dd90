using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.Text;

namespace Latent.Oracles.Differential;

/// <summary>
/// PNG <c>tEXt</c> chunks (keyword, NUL, Latin-1 text; PNG specification, 3rd edition, §11.3.3.3): the plots of
/// <c>docs/accuracy.md</c> carry the data they were drawn from under <see cref="PlotDataKeyword"/>, so tests compare data, not pixels.
/// </summary>
public static class PngText
{
    /// <summary>The keyword of the plot data chunk.</summary>
    public const string PlotDataKeyword = "latent-plot-data";

    private static readonly byte[] Signature = [137, 80, 78, 71, 13, 10, 26, 10];

    private static readonly uint[] CrcTable = BuildCrcTable();

    /// <summary>Whether <paramref name="png"/> starts with the PNG signature and an <c>IHDR</c> chunk; the image size if so.</summary>
    public static bool TryReadSize(ReadOnlySpan<byte> png, out int width, out int height)
    {
        (width, height) = (0, 0);
        if (png.Length < 33 || !png[..8].SequenceEqual(Signature) || Encoding.ASCII.GetString(png.Slice(12, 4)) != "IHDR")
        {
            return false;
        }

        width = BinaryPrimitives.ReadInt32BigEndian(png.Slice(16, 4));
        height = BinaryPrimitives.ReadInt32BigEndian(png.Slice(20, 4));
        return true;
    }

    /// <summary>A copy of <paramref name="png"/> with a <c>tEXt</c> chunk inserted just before <c>IEND</c>.</summary>
    /// <exception cref="ArgumentException">Not a PNG, or the text is not Latin-1.</exception>
    public static byte[] Insert(byte[] png, string keyword, string text)
    {
        ArgumentNullException.ThrowIfNull(png);
        ArgumentNullException.ThrowIfNull(keyword);
        ArgumentNullException.ThrowIfNull(text);
        int iend = FindChunk(png, "IEND") ?? throw new ArgumentException("Not a PNG with an IEND chunk.", nameof(png));
        byte[] data = Latin1(keyword + "\0" + text);
        var chunk = new byte[12 + data.Length];
        BinaryPrimitives.WriteInt32BigEndian(chunk, data.Length);
        Encoding.ASCII.GetBytes("tEXt", chunk.AsSpan(4));
        data.CopyTo(chunk, 8);
        BinaryPrimitives.WriteUInt32BigEndian(chunk.AsSpan(8 + data.Length), Crc(chunk.AsSpan(4, 4 + data.Length)));
        var result = new byte[png.Length + chunk.Length];
        png.AsSpan(0, iend).CopyTo(result);
        chunk.CopyTo(result, iend);
        png.AsSpan(iend).CopyTo(result.AsSpan(iend + chunk.Length));
        return result;
    }

    /// <summary>The texts of every <c>tEXt</c> chunk with <paramref name="keyword"/> whose CRC is right.</summary>
    public static IReadOnlyList<string> Read(ReadOnlySpan<byte> png, string keyword)
    {
        var texts = new List<string>();
        if (png.Length < 8 || !png[..8].SequenceEqual(Signature))
        {
            return texts;
        }

        int at = 8;
        while (at + 12 <= png.Length)
        {
            int length = BinaryPrimitives.ReadInt32BigEndian(png.Slice(at, 4));
            if (length < 0 || at + 12 + (long)length > png.Length)
            {
                break;
            }

            string type = Encoding.ASCII.GetString(png.Slice(at + 4, 4));
            ReadOnlySpan<byte> data = png.Slice(at + 8, length);
            uint crc = BinaryPrimitives.ReadUInt32BigEndian(png.Slice(at + 8 + length, 4));
            if (type == "tEXt" && crc == Crc(png.Slice(at + 4, 4 + length)))
            {
                int nul = data.IndexOf((byte)0);
                if (nul >= 0 && Encoding.Latin1.GetString(data[..nul]) == keyword)
                {
                    texts.Add(Encoding.Latin1.GetString(data[(nul + 1)..]));
                }
            }

            at += 12 + length;
        }

        return texts;
    }

    private static int? FindChunk(byte[] png, string type)
    {
        if (!TryReadSize(png, out _, out _))
        {
            return null;
        }

        int at = 8;
        while (at + 12 <= png.Length)
        {
            int length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(at, 4));
            if (Encoding.ASCII.GetString(png, at + 4, 4) == type)
            {
                return at;
            }

            at += 12 + length;
        }

        return null;
    }

    private static byte[] Latin1(string text)
    {
        foreach (char c in text)
        {
            if (c > '\u00FF')
            {
                throw new ArgumentException("A tEXt chunk holds Latin-1 text only; escape other characters.", nameof(text));
            }
        }

        return Encoding.Latin1.GetBytes(text);
    }

    /// <summary>The CRC-32 of PNG (ISO 3309, polynomial 0xEDB88320, reflected).</summary>
    private static uint Crc(ReadOnlySpan<byte> bytes)
    {
        uint c = 0xFFFFFFFF;
        foreach (byte b in bytes)
        {
            c = CrcTable[(c ^ b) & 0xFF] ^ (c >> 8);
        }

        return c ^ 0xFFFFFFFF;
    }

    private static uint[] BuildCrcTable()
    {
        var table = new uint[256];
        for (uint n = 0; n < 256; n++)
        {
            uint c = n;
            for (int k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? 0xEDB88320 ^ (c >> 1) : c >> 1;
            }

            table[n] = c;
        }

        return table;
    }
}

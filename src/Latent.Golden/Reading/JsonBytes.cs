using System;
using System.Text;
using System.Text.Unicode;
using Latent.Golden.Conformance;

namespace Latent.Golden.Reading;

/// <summary>
/// The JSON text of an input file's bytes, for every reader: a leading UTF-8 byte-order mark is allowed and skipped (RFC
/// 8259 §8.1 lets a parser ignore one; editors on Windows write it), and the rest must be valid UTF-8. The parser checks
/// UTF-8 only when a string is decoded, and then throws <see cref="InvalidOperationException"/>, which is not an input
/// error (found by fuzzing: <c>fuzz/crashes/results/invalid-utf8-*.json</c>); checking once up front makes it one.
/// </summary>
public static class JsonBytes
{
    private static ReadOnlySpan<byte> Bom => [0xEF, 0xBB, 0xBF];

    /// <summary><paramref name="bytes"/> without a leading byte-order mark, checked to be UTF-8.</summary>
    /// <exception cref="InputErrorException">The bytes are not UTF-8; the message gives the offset of the first bad byte.</exception>
    public static ReadOnlyMemory<byte> Text(ReadOnlyMemory<byte> bytes, string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        int skipped = bytes.Span.StartsWith(Bom) ? Bom.Length : 0;
        ReadOnlyMemory<byte> text = bytes[skipped..];
        if (!Utf8.IsValid(text.Span))
        {
            throw new InputErrorException($"{name}: not UTF-8 (first bad byte at offset {skipped + FirstInvalid(text.Span)})");
        }

        return text;
    }

    private static int FirstInvalid(ReadOnlySpan<byte> text)
    {
        int at = 0;
        while (at < text.Length)
        {
            if (Rune.DecodeFromUtf8(text[at..], out _, out int consumed) != System.Buffers.OperationStatus.Done)
            {
                return at;
            }

            at += consumed;
        }

        return at;
    }
}

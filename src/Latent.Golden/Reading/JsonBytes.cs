using System;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using Latent.Golden.Conformance;

namespace Latent.Golden.Reading;

/// <summary>
/// The JSON text of an input file's bytes, for every reader: a leading UTF-8 byte-order mark is allowed and skipped
/// (RFC 8259 §8.1 lets a parser ignore one; editors on Windows write it), the rest must be valid UTF-8, and every string
/// must decode to Unicode text. The parser checks the last two only when a string is decoded, and then throws
/// <see cref="InvalidOperationException"/>, which is not an input error: fuzzing found invalid UTF-8
/// (<c>fuzz/crashes/results/invalid-utf8-*.json</c>), the hostile-file properties an escaped lone surrogate
/// <c>"\ud800"</c> (<c>fuzz/crashes/*/unpaired-surrogate*.json</c>). Checking here, once, makes both input errors.
/// </summary>
public static class JsonBytes
{
    private static ReadOnlySpan<byte> Bom => [0xEF, 0xBB, 0xBF];

    /// <summary><paramref name="bytes"/> without a leading byte-order mark, checked to be UTF-8 whose strings are all Unicode.</summary>
    /// <exception cref="InputErrorException">They are not; the message gives the byte offset.</exception>
    public static ReadOnlyMemory<byte> Text(ReadOnlyMemory<byte> bytes, string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        int skipped = bytes.Span.StartsWith(Bom) ? Bom.Length : 0;
        ReadOnlyMemory<byte> text = bytes[skipped..];
        if (!Utf8.IsValid(text.Span))
        {
            throw new InputErrorException(string.Create(CultureInfo.InvariantCulture, $"{name}: not UTF-8 (first bad byte at offset {skipped + FirstInvalid(text.Span)})"));
        }

        long? lone = FirstUndecodableString(text.Span);
        if (lone is { } at)
        {
            throw new InputErrorException(string.Create(CultureInfo.InvariantCulture, $"{name}: the string at byte offset {skipped + at} has an unpaired surrogate escape (\\uD800-\\uDFFF alone), which is no Unicode text"));
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

    /// <summary>
    /// The offset of the first escaped string or property name that does not decode, or null. A syntax error ends the
    /// scan: the reader's own parse reports it, with its JSON path.
    /// </summary>
    private static long? FirstUndecodableString(ReadOnlySpan<byte> text)
    {
        var reader = new Utf8JsonReader(text, new JsonReaderOptions { MaxDepth = 64 });
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType is JsonTokenType.String or JsonTokenType.PropertyName && reader.ValueIsEscaped)
                {
                    try
                    {
                        _ = reader.GetString();
                    }
                    catch (InvalidOperationException)
                    {
                        return reader.TokenStartIndex;
                    }
                }
            }
        }
        catch (JsonException)
        {
            // Not JSON: left to the reader.
        }

        return null;
    }
}

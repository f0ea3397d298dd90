using System.Globalization;
using System.Text.Json;
using Latent.Golden.Reading;

namespace Latent.Golden.Conformance;

/// <summary>Turns a <see cref="JsonException"/> of the parser into a location and a one-line message.</summary>
internal static class JsonErrors
{
    /// <summary>The parser's JSON path when it has one, else the line and byte position.</summary>
    public static string Where(JsonException e) =>
        !string.IsNullOrEmpty(e.Path) && e.Path != "$"
            ? SafeText.Excerpt(e.Path)
            : string.Create(CultureInfo.InvariantCulture, $"$ (line {(e.LineNumber ?? 0) + 1}, byte {(e.BytePositionInLine ?? 0) + 1})");

    /// <summary>The parser's message without its position suffix, escaped and cut short: it may quote the input.</summary>
    public static string Message(JsonException e)
    {
        string message = e.Message.ReplaceLineEndings(" ");
        int cut = message.IndexOf(" LineNumber:", System.StringComparison.Ordinal);
        message = cut > 0 ? message[..cut] : message;
        return message.Length <= MaxMessage ? SafeText.Escape(message) : SafeText.Escape(message[..MaxMessage]) + "...";
    }

    /// <summary>The parser's own messages are one sentence; anything longer quotes too much of the input.</summary>
    private const int MaxMessage = 120;
}

using System.Globalization;
using System.Text.Json;

namespace Latent.Golden.Conformance;

/// <summary>Turns a <see cref="JsonException"/> of the parser into a location and a one-line message.</summary>
internal static class JsonErrors
{
    /// <summary>The parser's JSON path when it has one, else the line and byte position.</summary>
    public static string Where(JsonException e) =>
        !string.IsNullOrEmpty(e.Path) && e.Path != "$"
            ? e.Path
            : string.Create(CultureInfo.InvariantCulture, $"$ (line {(e.LineNumber ?? 0) + 1}, byte {(e.BytePositionInLine ?? 0) + 1})");

    public static string Message(JsonException e)
    {
        string message = e.Message.ReplaceLineEndings(" ");
        int cut = message.IndexOf(" LineNumber:", System.StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }
}

using System;
using System.Text.Json;

namespace Latent.Golden.Reading;

/// <summary>
/// Decodes JSON strings for the readers. <c>"\ud800"</c> is valid JSON syntax but no Unicode text (an unpaired
/// surrogate), and the parser's <c>GetString</c> then throws <see cref="InvalidOperationException"/>, which is not an
/// input error (found by the hostile-file properties, <c>tests/Fuzz</c>). These return false instead, and the caller
/// reports the JSON path.
/// </summary>
public static class JsonStrings
{
    /// <summary>The problem text for a string that is not Unicode.</summary>
    public const string NotUnicode = "a string with an unpaired surrogate escape (\\uD800-\\uDFFF alone)";

    /// <summary>The current string or property name of <paramref name="reader"/>, when it is Unicode text.</summary>
    public static bool TryGet(ref Utf8JsonReader reader, out string value)
    {
        try
        {
            value = reader.GetString() ?? "";
            return true;
        }
        catch (InvalidOperationException)
        {
            value = "";
            return false;
        }
    }

    /// <summary>The string <paramref name="element"/> holds, when it is Unicode text.</summary>
    public static bool TryGet(JsonElement element, out string value)
    {
        try
        {
            value = element.GetString() ?? "";
            return true;
        }
        catch (InvalidOperationException) when (element.ValueKind == JsonValueKind.String)
        {
            value = "";
            return false;
        }
    }
}

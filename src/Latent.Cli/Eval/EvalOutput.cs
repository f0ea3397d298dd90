using System.IO;
using System.Text;
using System.Text.Json;
using Latent.Oracles;

namespace Latent.Cli.Eval;

/// <summary>
/// Writes an <see cref="EvalOutcome"/>: one line per element, <c>bits decimal</c>, in row-major order; or with <c>--json</c>
/// one object <c>{"definition", "format", "shape", "result": [{"bits", "value"}]}</c>, where <c>shape</c> is the result's shape
/// (<c>[]</c> for the scalar KL).
/// </summary>
internal static class EvalOutput
{
    public static void Write(TextWriter output, Definition definition, EvalRequest request, EvalOutcome outcome)
    {
        if (!request.Json)
        {
            foreach ((string bits, string value) in outcome.Elements)
            {
                output.WriteLine($"{bits} {value}");
            }

            return;
        }

        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("definition", definition.LeanName());
            json.WriteString("format", request.Format);
            json.WriteStartArray("shape");
            foreach (int d in outcome.Shape.Dimensions)
            {
                json.WriteNumberValue(d);
            }

            json.WriteEndArray();
            json.WriteStartArray("result");
            foreach ((string bits, string value) in outcome.Elements)
            {
                json.WriteStartObject();
                json.WriteString("bits", bits);
                json.WriteString("value", value);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        output.WriteLine(Encoding.UTF8.GetString(buffer.ToArray()));
    }
}

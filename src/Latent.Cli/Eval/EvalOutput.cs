using System.IO;
using System.Text;
using System.Text.Json;
using Latent.Oracles;

namespace Latent.Cli.Eval;

/// <summary>
/// Writes an <see cref="EvalOutcome"/>: one line per element, <c>bits decimal</c> (a dual evaluation adds the tangent's
/// <c>bits decimal</c>), in row-major order; or with <c>--json</c> one object
/// <c>{"definition", "format", "shape", "result": [{"bits", "value"[, "tangent": {"bits", "value"}]}]}</c>, where <c>shape</c> is
/// the result's shape (<c>[]</c> for the scalar KL).
/// </summary>
internal static class EvalOutput
{
    public static void Write(TextWriter output, Definition definition, EvalRequest request, EvalOutcome outcome)
    {
        if (!request.Json)
        {
            for (int i = 0; i < outcome.Elements.Count; i++)
            {
                (string bits, string value) = outcome.Elements[i];
                output.WriteLine(outcome.Tangents is { } t ? $"{bits} {value} {t[i].Bits} {t[i].Value}" : $"{bits} {value}");
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
            for (int i = 0; i < outcome.Elements.Count; i++)
            {
                (string bits, string value) = outcome.Elements[i];
                json.WriteStartObject();
                json.WriteString("bits", bits);
                json.WriteString("value", value);
                if (outcome.Tangents is { } t)
                {
                    json.WriteStartObject("tangent");
                    json.WriteString("bits", t[i].Bits);
                    json.WriteString("value", t[i].Value);
                    json.WriteEndObject();
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        output.WriteLine(Encoding.UTF8.GetString(buffer.ToArray()));
    }
}

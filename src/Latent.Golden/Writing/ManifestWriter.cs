using System;
using System.Collections.Generic;
using System.IO;
using Latent.Golden.Generation;

namespace Latent.Golden.Writing;

/// <summary>
/// Writes <c>MANIFEST.json</c>: the generator version, seed, count and formats of the set, and every file with its size,
/// number of tests and SHA-256, in the same fixed layout as the vector files.
/// </summary>
public static class ManifestWriter
{
    /// <summary>The manifest's file name.</summary>
    public const string FileName = "MANIFEST.json";

    /// <summary>The manifest's bytes.</summary>
    public static byte[] Write(GoldenOptions options, IReadOnlyList<GeneratedFile> files)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(files);
        using var stream = new MemoryStream();
        var text = new VectorWriter.LayoutWriter(stream);
        text.Raw("{\n");
        text.Property(1, "schema", w => w.WriteStringValue(GoldenVersion.ManifestSchema));
        text.Property(1, "vectorSchema", w => w.WriteStringValue(GoldenVersion.Schema));
        text.Property(1, "generatorVersion", w => w.WriteStringValue(GoldenVersion.Generator));
        text.Property(1, "seed", w => w.WriteStringValue("0x" + options.Seed.ToString("X16", System.Globalization.CultureInfo.InvariantCulture)));
        text.Property(1, "count", w => w.WriteNumberValue(options.Count));
        text.Property(1, "formats", w =>
        {
            w.WriteStartArray();
            foreach (string f in options.Formats)
            {
                w.WriteStringValue(f);
            }

            w.WriteEndArray();
        });
        text.Raw("  \"files\": [\n");
        for (int i = 0; i < files.Count; i++)
        {
            GeneratedFile file = files[i];
            text.Raw("    ");
            text.Value(w =>
            {
                w.WriteStartObject();
                w.WriteString("path", file.FileName);
                w.WriteString("sha256", file.Sha256);
                w.WriteNumber("bytes", file.Bytes.Length);
                w.WriteNumber("numberOfTests", file.Tests);
                w.WriteEndObject();
            });
            text.Raw(i + 1 < files.Count ? ",\n" : "\n");
        }

        text.Raw("  ]\n}\n");
        return stream.ToArray();
    }
}

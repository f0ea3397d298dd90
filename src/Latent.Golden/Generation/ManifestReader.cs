using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text.Json;

namespace Latent.Golden.Generation;

/// <summary>One file listed in a manifest.</summary>
public sealed record ManifestEntry(string Path, string Sha256, long Bytes, int Tests);

/// <summary>A parsed <c>MANIFEST.json</c>.</summary>
public sealed record Manifest(string GeneratorVersion, GoldenOptions Options, IReadOnlyList<ManifestEntry> Files);

/// <summary>Reads a manifest without trusting it: bounded size and depth, every field checked, one-line errors.</summary>
public static class ManifestReader
{
    /// <summary>Manifests are small; anything larger is not one.</summary>
    public const long MaxBytes = 1 << 20;

    /// <summary>Parses the manifest at <paramref name="path"/>.</summary>
    /// <exception cref="InvalidDataException">The file is not a well-formed manifest; the message names the file and the JSON path.</exception>
    public static Manifest Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var info = new FileInfo(path);
        if (!info.Exists)
        {
            throw new InvalidDataException($"{path}: no such file");
        }

        if (info.Length > MaxBytes)
        {
            throw new InvalidDataException($"{path}: {info.Length} bytes, more than a manifest's limit of {MaxBytes}");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(File.ReadAllBytes(path), new JsonDocumentOptions { MaxDepth = 8 });
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path}: not JSON ({e.Message.ReplaceLineEndings(" ")})", e);
        }

        using (document)
        {
            JsonElement root = document.RootElement;
            string Fail(string jsonPath, string what) => throw new InvalidDataException($"{path}: {jsonPath}: {what}");
            if (root.ValueKind != JsonValueKind.Object)
            {
                Fail("$", "expected an object");
            }

            string Text(JsonElement parent, string name, string at)
            {
                return parent.TryGetProperty(name, out JsonElement e) && e.ValueKind == JsonValueKind.String
                    ? e.GetString()!
                    : Fail($"{at}.{name}", "expected a string");
            }

            long Number(JsonElement parent, string name, string at)
            {
                return parent.TryGetProperty(name, out JsonElement e) && e.ValueKind == JsonValueKind.Number && e.TryGetInt64(out long v) && v >= 0
                    ? v
                    : long.Parse(Fail($"{at}.{name}", "expected a nonnegative integer"), CultureInfo.InvariantCulture);
            }

            if (Text(root, "schema", "$") != GoldenVersion.ManifestSchema)
            {
                Fail("$.schema", $"expected \"{GoldenVersion.ManifestSchema}\"");
            }

            string version = Text(root, "generatorVersion", "$");
            string seedText = Text(root, "seed", "$");
            if (!seedText.StartsWith("0x", StringComparison.Ordinal) || !ulong.TryParse(seedText.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out ulong seed))
            {
                Fail("$.seed", "expected 0x and up to 16 hex digits");
            }

            long count = Number(root, "count", "$");
            var formats = new List<string>();
            if (!root.TryGetProperty("formats", out JsonElement formatArray) || formatArray.ValueKind != JsonValueKind.Array)
            {
                Fail("$.formats", "expected an array");
            }

            int k = 0;
            foreach (JsonElement f in formatArray.EnumerateArray())
            {
                formats.Add(f.ValueKind == JsonValueKind.String ? f.GetString()! : Fail($"$.formats[{k}]", "expected a string"));
                k++;
            }

            var options = new GoldenOptions(seed, count > int.MaxValue ? int.MaxValue : (int)count, formats);
            if (options.Problem() is { } problem)
            {
                Fail("$", problem);
            }

            var files = new List<ManifestEntry>();
            if (!root.TryGetProperty("files", out JsonElement fileArray) || fileArray.ValueKind != JsonValueKind.Array)
            {
                Fail("$.files", "expected an array");
            }

            int i = 0;
            foreach (JsonElement f in fileArray.EnumerateArray())
            {
                string at = $"$.files[{i++}]";
                if (f.ValueKind != JsonValueKind.Object)
                {
                    Fail(at, "expected an object");
                }

                string name = Text(f, "path", at);
                if (name.Contains('/', StringComparison.Ordinal) || name.Contains('\\', StringComparison.Ordinal) || name.StartsWith('.'))
                {
                    Fail($"{at}.path", "expected a plain file name");
                }

                files.Add(new ManifestEntry(name, Text(f, "sha256", at), Number(f, "bytes", at), (int)Math.Min(Number(f, "numberOfTests", at), int.MaxValue)));
            }

            return new Manifest(version, options, files);
        }
    }
}

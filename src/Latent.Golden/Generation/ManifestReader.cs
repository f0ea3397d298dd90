using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using Latent.Golden.Conformance;
using Latent.Golden.Reading;

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

    /// <summary>Parses the manifest at <paramref name="path"/> (through the bounded reader).</summary>
    /// <exception cref="InputErrorException">The file is missing or not a well-formed manifest; the message names the file and the JSON path.</exception>
    public static Manifest Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Parse(BoundedInput.Read(path, MaxBytes), BoundedInput.Name(path));
    }

    /// <summary>Parses a manifest held in memory; <paramref name="name"/> is the file name errors give.</summary>
    /// <exception cref="InputErrorException">The bytes are not a well-formed manifest.</exception>
    public static Manifest Parse(ReadOnlyMemory<byte> bytes, string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        string fileName = name; // the local functions below call a field's name 'name'
        if (bytes.Length > MaxBytes)
        {
            throw new InputErrorException($"{name}: more than the limit of {MaxBytes} bytes");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(JsonBytes.Text(bytes, name), new JsonDocumentOptions { MaxDepth = 8, AllowDuplicateProperties = false });
        }
        catch (JsonException e)
        {
            throw new InputErrorException(name, JsonErrors.Where(e), "not valid JSON: " + JsonErrors.Message(e));
        }

        using (document)
        {
            JsonElement root = document.RootElement;
            string Fail(string jsonPath, string what) => throw new InputErrorException(fileName, jsonPath, what);
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

            string schema = Text(root, "schema", "$");
            if (schema == GoldenVersion.PreviousManifestSchema)
            {
                Fail("$.schema", $"\"{GoldenVersion.PreviousManifestSchema}\" is a set of the previous major version (latent-golden-v1); this reader reads \"{GoldenVersion.ManifestSchema}\": regenerate the set with latent golden");
            }

            if (schema != GoldenVersion.ManifestSchema)
            {
                Fail("$.schema", $"expected \"{GoldenVersion.ManifestSchema}\"");
            }

            string version = Text(root, "generatorVersion", "$");
            if (version.Length is 0 or > 64 || SafeText.Escape(version) != version)
            {
                Fail("$.generatorVersion", "expected a short version string without control characters");
            }
            string seedText = Text(root, "seed", "$");
            if (!SeedText.TryParse(seedText, out ulong seed, out string seedProblem))
            {
                Fail("$.seed", $"'{SafeText.Excerpt(seedText)}' {seedProblem}");
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
            var listed = new HashSet<string>(StringComparer.Ordinal);
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

                string file = Text(f, "path", at);
                if (file.Length == 0 || file.Length > 255 || file.Contains('/', StringComparison.Ordinal) || file.Contains('\\', StringComparison.Ordinal) || file.StartsWith('.') || SafeText.Escape(file) != file)
                {
                    Fail($"{at}.path", "expected a plain file name");
                }

                if (!listed.Add(file))
                {
                    Fail($"{at}.path", $"{file} is listed twice");
                }

                string sha256 = Text(f, "sha256", at);
                if (sha256.Length != 64 || !sha256.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f'))
                {
                    Fail($"{at}.sha256", "expected 64 lower-case hex digits");
                }

                files.Add(new ManifestEntry(file, sha256, Number(f, "bytes", at), (int)Math.Min(Number(f, "numberOfTests", at), int.MaxValue)));
            }

            return new Manifest(version, options, files);
        }
    }
}

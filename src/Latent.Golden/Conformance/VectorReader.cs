using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using Latent.Golden.Model;
using Latent.Oracles;
using Latent.Golden.Reading;
using Latent.Golden.Tolerance;
using Latent.Golden.Writing;

namespace Latent.Golden.Conformance;

/// <summary>
/// Reads vector files for the checker without trusting them: a size limit, a depth limit, and every field the checker
/// uses is checked (schema, format, unique tcIds, bit patterns of the right width, equal lengths of the columns).
/// </summary>
public static class VectorReader
{
    /// <summary>The largest vector file accepted (the released files are a few MB).</summary>
    public const long MaxBytes = 256L << 20;

    /// <summary>Reads one vector file (through the bounded reader; <c>-</c> is standard input).</summary>
    public static CheckedFile Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string name = path == BoundedInput.StandardInput ? BoundedInput.Name(path) : SafeText.Escape(Path.GetFileName(path));
        return Parse(BoundedInput.Read(path, MaxBytes), name);
    }

    /// <summary>Parses a vector file held in memory; <paramref name="name"/> is the file name errors give.</summary>
    /// <exception cref="InputErrorException">The bytes are not a well-formed vector file.</exception>
    public static CheckedFile Parse(ReadOnlyMemory<byte> bytes, string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (bytes.Length > MaxBytes)
        {
            throw new InputErrorException($"{name}: more than the limit of {MaxBytes} bytes");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(JsonBytes.Text(bytes, name), new JsonDocumentOptions { MaxDepth = 16, AllowDuplicateProperties = false });
        }
        catch (JsonException e)
        {
            throw new InputErrorException(name, JsonErrors.Where(e), "not valid JSON: " + JsonErrors.Message(e));
        }

        using (document)
        {
            var at = new Json(name);
            JsonElement root = at.Object(document.RootElement, "$");
            string schema = at.String(root, "$", "schema");
            if (schema == GoldenVersion.PreviousSchema)
            {
                throw new InputErrorException(name, "$.schema", $"\"{GoldenVersion.PreviousSchema}\" is the previous major version (one band per element, f64 and f32 only); this checker reads \"{GoldenVersion.Schema}\": regenerate the set with latent golden");
            }

            if (schema != GoldenVersion.Schema)
            {
                throw new InputErrorException(name, "$.schema", $"expected \"{GoldenVersion.Schema}\"");
            }

            string definitionName = at.String(root, "$", "definition");
            Definition definition = Definitions.Find(definitionName) ?? throw new InputErrorException(name, "$.definition", $"unknown definition '{SafeText.Excerpt(definitionName)}'");
            Derivative derivative = Derivative.None;
            if (root.TryGetProperty("derivative", out JsonElement derivativeElement))
            {
                string tag = derivativeElement.ValueKind == JsonValueKind.String ? derivativeElement.GetString()! : throw new InputErrorException(name, "$.derivative", "expected a string");
                derivative = Derivatives.FromTag(tag) is { } d && d != Derivative.None && System.Linq.Enumerable.Contains(Derivatives.Files, (definition, d))
                    ? d
                    : throw new InputErrorException(name, "$.derivative", $"'{SafeText.Excerpt(tag)}' is not a derivative file of {definition.LeanName()}");
            }

            string format = at.String(root, "$", "format");
            if (!Latent.Ieee.BinaryFormats.IsKnown(format))
            {
                throw new InputErrorException(name, "$.format", $"unknown format '{SafeText.Excerpt(format)}'");
            }

            int width = ValueText.BitWidth(format);
            var tests = new List<CheckedTest>();
            var seen = new HashSet<int>();
            JsonElement groups = at.Array(root, "$", "testGroups");
            int g = 0;
            foreach (JsonElement group in groups.EnumerateArray())
            {
                string groupPath = $"$.testGroups[{g++}]";
                at.Object(group, groupPath);
                int t = 0;
                foreach (JsonElement test in at.Array(group, groupPath, "tests").EnumerateArray())
                {
                    string testPath = $"{groupPath}.tests[{t++}]";
                    at.Object(test, testPath);
                    int tcId = at.Int(test, testPath, "tcId");
                    if (!seen.Add(tcId))
                    {
                        throw new InputErrorException(name, $"{testPath}.tcId", $"duplicate tcId {tcId}");
                    }

                    var flags = new List<string>();
                    int f = 0;
                    foreach (JsonElement flag in at.Array(test, testPath, "flags").EnumerateArray())
                    {
                        flags.Add(flag.ValueKind == JsonValueKind.String ? flag.GetString()! : throw new InputErrorException(name, $"{testPath}.flags[{f}]", "expected a string"));
                        f++;
                    }

                    tests.Add(new CheckedTest(tcId, flags, Expected(at, at.Object(test, testPath, "expected"), $"{testPath}.expected", width)));
                }
            }

            return new CheckedFile(name, definition, format, tests) { Derivative = derivative };
        }
    }

    private static Expectation[] Expected(Json at, JsonElement expected, string path, int width)
    {
        ulong[] specCr = at.Bits(expected, path, "specCr", width);
        ulong[] exact = at.Bits(expected, path, "exact", width);
        int n = specCr.Length;
        if (exact.Length != n)
        {
            throw new InputErrorException(at.File, path, "the columns specCr and exact differ in length");
        }

        JsonElement profiles = at.Object(expected, path, "profiles");
        var bands = new Band[PortProfiles.All.Count][];
        foreach (PortProfile profile in PortProfiles.All)
        {
            string bandPath = $"{path}.profiles.{profile.Name()}";
            bands[(int)profile] = Bands(at, at.Object(profiles, $"{path}.profiles", profile.Name()), bandPath, width, n);
        }

        var result = new Expectation[n];
        for (int i = 0; i < n; i++)
        {
            result[i] = new Expectation(specCr[i], exact[i], bands[(int)PortProfile.Default][i], bands[(int)PortProfile.Strict][i], bands[(int)PortProfile.Gpu][i]);
        }

        return result;
    }

    private static Band[] Bands(Json at, JsonElement band, string path, int width, int n)
    {
        ulong[] tolerance = at.PlainBits(band, path, "tolerance", width);
        ulong[] lo = at.PlainBits(band, path, "lo", width);
        ulong[] hi = at.PlainBits(band, path, "hi", width);
        JsonElement nan = at.Array(band, path, "nan");
        if (tolerance.Length != n || lo.Length != n || hi.Length != n || nan.GetArrayLength() != n)
        {
            throw new InputErrorException(at.File, path, "the columns tolerance, lo, hi and nan differ in length from specCr");
        }

        var result = new Band[n];
        int i = 0;
        foreach (JsonElement rule in nan.EnumerateArray())
        {
            NanRule parsed = rule.ValueKind == JsonValueKind.String
                ? rule.GetString() switch
                {
                    "forbidden" => NanRule.Forbidden,
                    "required" => NanRule.Required,
                    "allowed" => NanRule.Allowed,
                    _ => throw new InputErrorException(at.File, $"{path}.nan[{i}]", "expected forbidden, required or allowed"),
                }
                : throw new InputErrorException(at.File, $"{path}.nan[{i}]", "expected a string");
            result[i] = new Band(tolerance[i], lo[i], hi[i], parsed);
            i++;
        }

        return result;
    }

    /// <summary>Typed access to a <see cref="JsonElement"/> tree, each failure an <see cref="InputErrorException"/> with its path.</summary>
    private sealed class Json(string file)
    {
        public string File { get; } = file;

        public JsonElement Object(JsonElement e, string path) =>
            e.ValueKind == JsonValueKind.Object ? e : throw new InputErrorException(File, path, "expected an object");

        public JsonElement Object(JsonElement parent, string path, string name) => Object(Property(parent, path, name), $"{path}.{name}");

        public JsonElement Array(JsonElement parent, string path, string name)
        {
            JsonElement e = Property(parent, path, name);
            return e.ValueKind == JsonValueKind.Array ? e : throw new InputErrorException(File, $"{path}.{name}", "expected an array");
        }

        public string String(JsonElement parent, string path, string name)
        {
            JsonElement e = Property(parent, path, name);
            return e.ValueKind == JsonValueKind.String ? e.GetString()! : throw new InputErrorException(File, $"{path}.{name}", "expected a string");
        }

        public int Int(JsonElement parent, string path, string name)
        {
            JsonElement e = Property(parent, path, name);
            return e.ValueKind == JsonValueKind.Number && e.TryGetInt32(out int v) && v > 0 ? v : throw new InputErrorException(File, $"{path}.{name}", "expected a positive integer");
        }

        public ulong[] Bits(JsonElement parent, string path, string name, int width) =>
            BitsOf(Array(Object(parent, path, name), $"{path}.{name}", "bits"), $"{path}.{name}.bits", width);

        /// <summary>A column written as a plain array of bit patterns (the bands).</summary>
        public ulong[] PlainBits(JsonElement parent, string path, string name, int width) =>
            BitsOf(Array(parent, path, name), $"{path}.{name}", width);

        private ulong[] BitsOf(JsonElement bits, string at, int width)
        {
            var values = new ulong[bits.GetArrayLength()];
            int i = 0;
            foreach (JsonElement b in bits.EnumerateArray())
            {
                if (b.ValueKind != JsonValueKind.String || !BitsText.TryParse(b.GetString(), width, out values[i]))
                {
                    throw new InputErrorException(File, $"{at}[{i}]", $"expected 0x and {width / 4} hex digits");
                }

                i++;
            }

            return values;
        }

        private JsonElement Property(JsonElement parent, string path, string name) =>
            parent.TryGetProperty(name, out JsonElement e) ? e : throw new InputErrorException(File, $"{path}.{name}", "missing");
    }
}

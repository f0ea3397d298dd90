using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using Latent.Golden.Reading;
using Latent.Golden.Writing;

namespace Latent.Golden.Conformance;

/// <summary>
/// Reads a port's results file (<c>latent-results-v1</c>) against the vector set, trusting nothing: the file size and the
/// nesting depth are bounded, every name must be known, every tcId must exist and appear once, every array must have the
/// test's output length and hold bit patterns of the file's width. Each problem is an
/// <see cref="InputErrorException"/> naming the file and the JSON path.
/// </summary>
/// <remarks>
/// <code>
/// {"schema": "latent-results-v1", "port": "numpy 1.24",
///  "files": {"expTensor.f64.json": {"1": ["0x3FF0000000000000"], "2": [...]}, ...}}
/// </code>
/// </remarks>
public static class ResultsReader
{
    /// <summary>The largest results file accepted.</summary>
    public const long MaxBytes = 256L << 20;

    /// <summary>The deepest nesting accepted; a valid file nests four levels.</summary>
    public const int MaxDepth = 8;

    /// <summary>The longest string accepted for a name or the port description.</summary>
    public const int MaxStringLength = 1024;

    /// <summary>Reads the results at <paramref name="path"/>, checking them against <paramref name="vectors"/>.</summary>
    /// <exception cref="InputErrorException">The file is malformed; the message names the file and the JSON path.</exception>
    public static PortResults Read(string path, IReadOnlyList<CheckedFile> vectors)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(vectors);
        string name = path == BoundedInput.StandardInput ? BoundedInput.Name(path) : SafeText.Escape(System.IO.Path.GetFileName(path));
        return Parse(BoundedInput.Read(path, MaxBytes), name, vectors);
    }

    /// <summary>Parses results held in memory; <paramref name="name"/> is the file name errors give.</summary>
    /// <exception cref="InputErrorException">The bytes are not well-formed results for <paramref name="vectors"/>.</exception>
    public static PortResults Parse(ReadOnlyMemory<byte> bytes, string name, IReadOnlyList<CheckedFile> vectors)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(vectors);
        if (bytes.Length > MaxBytes)
        {
            throw new InputErrorException($"{name}: more than the limit of {MaxBytes} bytes");
        }

        var state = new State(name, vectors.ToDictionary(v => v.FileName, StringComparer.Ordinal));
        var reader = new Utf8JsonReader(JsonBytes.Text(bytes, name).Span, new JsonReaderOptions { MaxDepth = MaxDepth, CommentHandling = JsonCommentHandling.Disallow });
        try
        {
            PortResults results = ReadRoot(ref reader, state);

            // One JSON value and nothing after it but white space: "{...}{}" or "{...} garbage" is not a results file.
            if (reader.Read())
            {
                throw state.Error("data after the end of the results object");
            }

            return results;
        }
        catch (JsonException e)
        {
            throw new InputErrorException(name, state.Path + string.Create(CultureInfo.InvariantCulture, $" (line {(e.LineNumber ?? 0) + 1}, byte {(e.BytePositionInLine ?? 0) + 1})"), "not valid JSON: " + JsonErrors.Message(e));
        }
    }

    private static PortResults ReadRoot(ref Utf8JsonReader reader, State state)
    {
        Next(ref reader, state);
        Expect(reader, state, JsonTokenType.StartObject, "an object");
        string port = "";
        bool schema = false;
        Dictionary<string, IReadOnlyDictionary<int, ulong[]>>? files = null;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (Next(ref reader, state) == JsonTokenType.PropertyName)
        {
            string property = PropertyName(ref reader, state);
            state.Push("." + SafeText.Excerpt(property));
            if (!seen.Add(property))
            {
                throw state.Error("duplicate property");
            }

            Next(ref reader, state);
            switch (property)
            {
                case "schema":
                    if (String(ref reader, state) != GoldenVersion.ResultsSchema)
                    {
                        throw state.Error($"expected \"{GoldenVersion.ResultsSchema}\"");
                    }

                    schema = true;
                    break;
                case "port":
                    port = String(ref reader, state);
                    break;
                case "files":
                    files = ReadFiles(ref reader, state);
                    break;
                default:
                    throw state.Error("unknown property (expected schema, port, files)");
            }

            state.Pop();
        }

        if (!schema)
        {
            throw state.Error("missing \"schema\"", "$.schema");
        }

        return new PortResults(port, files ?? throw state.Error("missing \"files\"", "$.files"));
    }

    private static Dictionary<string, IReadOnlyDictionary<int, ulong[]>> ReadFiles(ref Utf8JsonReader reader, State state)
    {
        Expect(reader, state, JsonTokenType.StartObject, "an object of vector file names");
        var files = new Dictionary<string, IReadOnlyDictionary<int, ulong[]>>(StringComparer.Ordinal);
        while (Next(ref reader, state) == JsonTokenType.PropertyName)
        {
            string fileName = PropertyName(ref reader, state);
            state.Push(Key(fileName));
            if (!state.Vectors.TryGetValue(fileName, out CheckedFile? vector))
            {
                throw state.Error("not a vector file of this set");
            }

            if (files.ContainsKey(fileName))
            {
                throw state.Error("duplicate file");
            }

            Next(ref reader, state);
            files[fileName] = ReadTests(ref reader, state, vector);
            state.Pop();
        }

        return files;
    }

    private static Dictionary<int, ulong[]> ReadTests(ref Utf8JsonReader reader, State state, CheckedFile vector)
    {
        Expect(reader, state, JsonTokenType.StartObject, "an object of tcIds");
        Dictionary<int, int> lengths = vector.Tests.ToDictionary(t => t.TcId, t => t.Expected.Count);
        int width = ValueText.BitWidth(vector.Format);
        var tests = new Dictionary<int, ulong[]>();
        while (Next(ref reader, state) == JsonTokenType.PropertyName)
        {
            string key = PropertyName(ref reader, state);
            state.Push(Key(key));
            if (key.Length == 0 || key.Length > 9 || !key.All(char.IsAsciiDigit) || !int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out int tcId))
            {
                throw state.Error("a tcId must be a decimal integer");
            }

            if (!lengths.TryGetValue(tcId, out int length))
            {
                throw state.Error($"unknown tcId {tcId} in {vector.FileName}");
            }

            if (tests.ContainsKey(tcId))
            {
                throw state.Error($"duplicate tcId {tcId}");
            }

            Next(ref reader, state);
            Expect(reader, state, JsonTokenType.StartArray, "an array of bit patterns");
            var bits = new ulong[length];
            int i = 0;
            while (Next(ref reader, state) != JsonTokenType.EndArray)
            {
                state.Push($"[{i}]");
                if (i >= length)
                {
                    throw state.Error($"more than the {length} result elements of tcId {tcId}");
                }

                string text = String(ref reader, state);
                if (!BitsText.TryParse(text, width, out bits[i]))
                {
                    throw state.Error($"'{SafeText.Excerpt(text)}' is not 0x and {width / 4} hex digits");
                }

                state.Pop();
                i++;
            }

            if (i != length)
            {
                throw state.Error($"{i} result elements, but tcId {tcId} has {length}");
            }

            tests[tcId] = bits;
            state.Pop();
        }

        return tests;
    }

    private static JsonTokenType Next(ref Utf8JsonReader reader, State state) =>
        reader.Read() ? reader.TokenType : throw state.Error("unexpected end of the file");

    private static void Expect(Utf8JsonReader reader, State state, JsonTokenType type, string what)
    {
        if (reader.TokenType != type)
        {
            throw state.Error($"expected {what}, found {Describe(reader.TokenType)}");
        }
    }

    private static string PropertyName(ref Utf8JsonReader reader, State state)
    {
        if (reader.ValueSpan.Length > MaxStringLength * 4 || reader.HasValueSequence)
        {
            throw state.Error("a property name longer than the limit");
        }

        string name = reader.GetString()!;
        return name.Length > MaxStringLength ? throw state.Error("a property name longer than the limit") : name;
    }

    private static string String(ref Utf8JsonReader reader, State state)
    {
        Expect(reader, state, JsonTokenType.String, "a string");
        if (reader.ValueSpan.Length > MaxStringLength * 6)
        {
            throw state.Error("a string longer than the limit");
        }

        string value = reader.GetString()!;
        return value.Length > MaxStringLength ? throw state.Error("a string longer than the limit") : value;
    }

    /// <summary>A JSON path segment for a property name from the file: quoted as a short escaped excerpt (names may be 1,024 characters long).</summary>
    private static string Key(string name) => "[\"" + SafeText.Excerpt(name) + "\"]";

    private static string Describe(JsonTokenType type) => type switch
    {
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        _ => type.ToString(),
    };

    /// <summary>The file being read, the vectors it answers, and the JSON path of the current token.</summary>
    private sealed class State(string file, Dictionary<string, CheckedFile> vectors)
    {
        private readonly List<string> _path = ["$"];

        public Dictionary<string, CheckedFile> Vectors { get; } = vectors;

        public string Path => string.Concat(_path);

        public void Push(string segment) => _path.Add(segment);

        public void Pop() => _path.RemoveAt(_path.Count - 1);

        public InputErrorException Error(string problem, string? at = null) => new(file, at ?? Path, problem);
    }
}

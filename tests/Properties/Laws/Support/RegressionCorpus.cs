using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Numerics;
using System.Text.Json;
using System.Text.Json.Serialization;
using Latent.Ieee;

namespace Latent.Properties.Laws.Support;

/// <summary>What a frozen case records about one semantics: the law <c>holds</c> on it or the semantics <c>violates</c> it.</summary>
public enum Outcome
{
    /// <summary>The law holds on the case.</summary>
    Holds,

    /// <summary>The law fails on the case.</summary>
    Violates,
}

/// <summary>A codebook case as stored: <c>numCodes</c> embeddings of a shape, back to back, an index and a latent.</summary>
public sealed record FrozenCodebook(int NumCodes, int[] Shape, string[] Embeddings, int Index, string[] Z);

/// <summary>
/// One frozen case of <c>Laws/Regressions/counterexamples.json</c>: a law, a format, inputs as bit patterns, and the outcome
/// each semantics must keep giving. <see cref="MinimalFor"/> lists the semantics (the spec, spec-cr) under which the case is
/// the minimal counterexample of a failing law; the law's own test recomputes it and <c>spec/laws.md</c> quotes it.
/// </summary>
public sealed record FrozenCase(
    string Law,
    string Format,
    Dictionary<string, string[]> Inputs,
    Dictionary<Semantics, Outcome> Expect,
    Semantics[]? MinimalFor,
    string Origin,
    FrozenCodebook? Codebook = null)
{
    /// <summary>The inputs decoded into the format.</summary>
    internal LawInput<T> Decode<T, TFormat>()
        where T : IBinaryFloatingPointIeee754<T>
        where TFormat : IBinaryFormat<T>
    {
        T[] Vector(string name) => Inputs.TryGetValue(name, out string[]? bits) ? bits.Select(Parse<T, TFormat>).ToArray() : [];
        T[] mu = Vector("mu"), logvar = Vector("logvar"), eps = Vector("eps");
        if (Codebook is null)
        {
            return new LawInput<T>(mu, logvar, eps);
        }

        T[] embeddings = Codebook.Embeddings.Select(Parse<T, TFormat>).ToArray();
        var book = new Codebook<T>(Codebook.NumCodes, Latent.Shape.Of(Codebook.Shape), embeddings);
        return new LawInput<T>(mu, logvar, eps, book, Codebook.Index, Codebook.Z.Select(Parse<T, TFormat>).ToArray(), embeddings);
    }

    /// <summary>The bit patterns of one named input, as <c>name=0x…,0x…</c>, the way <c>spec/laws.md</c> quotes them.</summary>
    public string Quote(string name) => $"{name}={string.Join(",", Inputs[name])}";

    private static T Parse<T, TFormat>(string bits)
        where T : IBinaryFloatingPointIeee754<T>
        where TFormat : IBinaryFormat<T>
    {
        string? error = IeeeText.TryParse<T, TFormat>(bits, out T value);
        return error is null && bits.StartsWith("0x", StringComparison.Ordinal)
            ? value
            : throw new FormatException($"Frozen inputs are bit patterns; '{bits}': {error ?? "not 0x-prefixed"}.");
    }
}

/// <summary>Reads the frozen cases (copied beside the test assembly).</summary>
internal static class RegressionCorpus
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        ReadCommentHandling = JsonCommentHandling.Skip,
    };

    public static string Path => System.IO.Path.Combine(AppContext.BaseDirectory, "Laws", "Regressions", "counterexamples.json");

    public static IReadOnlyList<FrozenCase> All { get; } = Load();

    /// <summary>The minimal counterexample frozen for a law in a format under a semantics, if there is one.</summary>
    public static FrozenCase? FindMinimal(string law, string format, Semantics semantics = Semantics.Spec) =>
        All.SingleOrDefault(c => c.MinimalFor is not null && c.MinimalFor.Contains(semantics) && c.Law == law && c.Format == format);

    /// <summary>The minimal counterexample frozen for a law in a format under a semantics.</summary>
    public static FrozenCase Minimal(string law, string format, Semantics semantics = Semantics.Spec) =>
        FindMinimal(law, format, semantics) ?? throw new InvalidOperationException($"No minimal counterexample of {law} ({format}, {semantics}) is frozen.");

    private static List<FrozenCase> Load() =>
        JsonSerializer.Deserialize<List<FrozenCase>>(File.ReadAllText(Path), Options)
        ?? throw new InvalidDataException($"{Path} holds no cases.");
}

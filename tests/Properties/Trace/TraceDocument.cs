using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Text.Json;
using Latent.Oracles;
using Latent.Properties.Laws;
using Latent.Spec;

namespace Latent.Properties.Trace;

/// <summary>
/// The auditor's trace, <c>docs/trace.md</c>: one row per Lean declaration of the mirrored module, with its mirror member
/// and file, its contracts (Lean binder types beside the C# attributes), its special-values table, the laws that speak
/// about it with their status per format and the tests that check them, and its golden files with their test counts.
/// Everything is read from the sources of truth (the spec text, the mirror's attributes, <c>spec/laws.md</c>, the
/// released manifest), so the page cannot drift from them.
/// </summary>
internal static class TraceDocument
{
    public const string Begin = "<!-- begin generated: trace; regenerate with LATENT_WRITE_DOCS=1 dotnet test tests/Properties -c Release --filter \"FullyQualifiedName~TraceTests\" -->";
    public const string End = "<!-- end generated: trace -->";

    /// <summary>Suites that run every definition, besides the laws.</summary>
    private static readonly string[] EveryDefinition =
    [
        "SpecTraceTests.Mirror_trace_equals_the_trace_of_the_lean_text",
        "DifferentialVolumeTests.The_mirror_equals_the_lean_text_and_differs_from_spec_cr_only_as_exp_explains",
        "SpecialValuesTests.Every_case_holds_in_the_mirror_and_in_the_lean_text",
        "EvaluationOrderTests (hand-written trees, second witness)",
    ];

    /// <summary>The declaration a law speaks about: docstring laws name it; theorem laws by what they are about.</summary>
    public static string DeclarationOf(string law)
    {
        const string Module = "Generative.Latent.";
        if (law.StartsWith(Module, StringComparison.Ordinal))
        {
            return law[..law.IndexOf(':', StringComparison.Ordinal)];
        }

        return law switch
        {
            _ when law.Contains(".VQVAE.", StringComparison.Ordinal) => Module + "quantizeAt",
            _ when law.Contains("reparameterization", StringComparison.Ordinal) => Module + "reparameterizeDiag",
            _ when law.Contains("Kl", StringComparison.Ordinal) || law.Contains("exp_minus_one_minus", StringComparison.Ordinal) => Module + "diagonalGaussianKlToStandard",
            _ => throw new InvalidOperationException($"The trace does not know which declaration '{law}' speaks about."),
        };
    }

    public static string Markdown()
    {
        var md = new StringBuilder();
        md.Append(Begin).Append('\n');
        md.Append("| Lean declaration | mirror | contracts (Lean → C#) | special values | laws (f64 / f32) | tests | golden files |\n");
        md.Append("|---|---|---|---|---|---|---|\n");
        IReadOnlyList<LawsTableTests.Row> laws = LawsTableTests.LawsPage.Value.Laws;
        Dictionary<string, int> golden = GoldenCounts();
        foreach ((string name, MemberInfo mirror) in Mirrors())
        {
            string shortName = name[(name.LastIndexOf('.') + 1)..];
            bool isType = mirror is Type;
            var own = laws.Where(l => DeclarationOf(l.Name) == name).ToList();
            string lean = isType ? $"`{name}` (structure)" : $"`{name}` ({Location(name)})";
            string special = isType ? "—" : $"`src/Latent/GenerativeLatent/SpecialValues/{shortName}.json` ({SpecialRows(shortName)} rows)";
            string lawCell = own.Count == 0 ? "none: no upstream theorem or docstring claim is about it alone" : string.Join("<br>", own.Select(l => $"`{l.Name}`: {Status(l.F64)} / {Status(l.F32)}"));
            string tests = isType
                ? "through `quantizeAt` (its laws, traces and vectors); `QuantizeAtTests`"
                : string.Join(", ", EveryDefinition.Concat(own.SelectMany(l => TestsWithTrait(l.Name))).Distinct().Select(t => $"`{t}`"));
            string files = string.Join(", ", golden.Where(g => g.Key.StartsWith(shortName + ".", StringComparison.Ordinal)).Select(g => $"`{g.Key}` ({g.Value})"));
            md.Append(CultureInfo.InvariantCulture, $"| {lean} | {MirrorCell(mirror)} | {Contracts(name, mirror)} | {special} | {lawCell} | {tests} | {(files.Length == 0 ? "—" : files)} |\n");
        }

        md.Append(End).Append('\n');
        return md.ToString();
    }

    /// <summary>The tests that carry the law's <c>Upstream</c> or <c>Docstring</c> trait, as <c>Class.Method</c>, in a stable order.</summary>
    private static IEnumerable<string> TestsWithTrait(string law) =>
        typeof(TraceDocument).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
                .Where(m => LawsTableTests.Traits(m).Contains(law))
                .Select(m => $"{LawsTableTests.ClassName(t)}.{m.Name}"))
            .Distinct()
            .Order(StringComparer.Ordinal);

    /// <summary>Every [Mirrors] member of the Latent assembly, in the order of the spec text.</summary>
    private static IEnumerable<(string Name, MemberInfo Member)> Mirrors()
    {
        Assembly latent = typeof(GenerativeLatent).Assembly;
        var members = latent.GetTypes().Cast<MemberInfo>()
            .Concat(latent.GetTypes().SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly)))
            .Select(m => (m.GetCustomAttribute<MirrorsAttribute>()?.Declaration, Member: m))
            .Where(m => m.Declaration is not null)
            .ToDictionary(m => m.Declaration!, m => m.Member, StringComparer.Ordinal);
        string[] order = ["expTensor", "halfTensor", "reparameterizeDiag", "diagonalGaussianKlToStandard", "Codebook", "quantizeAt"];
        return order.Select(o => "Generative.Latent." + o).Select(n => (n, members[n]));
    }

    private static string MirrorCell(MemberInfo mirror)
    {
        string name = mirror is Type t ? $"`{t.Name.Split('`')[0]}<T>`" : $"`GenerativeLatent.{mirror.Name}`";
        string file = mirror is Type type ? $"GenerativeLatent/{type.Name.Split('`')[0]}.cs" : $"GenerativeLatent/{mirror.Name}.cs";
        return $"{name} (`src/Latent/{file}`)";
    }

    private static string Location(string name)
    {
        var (_, _, file, line) = SpecModule.Mirrored.Signature(name);
        return $"`{file}:{line}`";
    }

    private static string Contracts(string name, MemberInfo mirror)
    {
        if (mirror is Type)
        {
            return "`numCodes : Nat`, `latent : Shape` → `NumCodes`, `Latent`; `embedding : Fin numCodes → Tensor α latent` → `Embedding(int idx)`, checked by `Guard.CodeIndex`";
        }

        var method = (MethodInfo)mirror;
        var (binders, result, _, _) = SpecModule.Mirrored.Signature(name);
        var parts = new List<string>();
        foreach ((string binder, string type) in binders)
        {
            ParameterInfo p = method.GetParameters().Single(x => x.Name == binder);
            parts.Add($"`({binder} : {type})` → `{Attribute(p)}`");
        }

        ParameterInfo? destination = method.GetParameters().SingleOrDefault(p => p.Name == "destination");
        parts.Add(destination is null ? $"result `{result}` → returns `{method.ReturnType.Name}`" : $"result `{result}` → `{Attribute(destination)} destination`");
        return string.Join("; ", parts);
    }

    private static string Attribute(ParameterInfo p) =>
        p.GetCustomAttribute<TensorOfAttribute>() is { } t ? $"[TensorOf(\"{t.Shape}\")]"
        : p.GetCustomAttribute<FinAttribute>() is { } f ? $"[Fin(\"{f.Bound}\")]"
        : p.GetCustomAttribute<CodebookOfAttribute>() is { } c ? $"[CodebookOf(\"{c.NumCodes}\", \"{c.Latent}\")]"
        : "no contract";

    private static string Status(string cell) =>
        cell.StartsWith("**holds exactly**", StringComparison.Ordinal) ? "holds exactly"
        : cell.StartsWith("**holds within bound**", StringComparison.Ordinal) ? "holds within bound"
        : cell.StartsWith("**fails**", StringComparison.Ordinal) ? "fails"
        : throw new InvalidDataException($"A laws.md status cell starts with neither holds nor fails: {cell}");

    private static int SpecialRows(string definition)
    {
        string path = Path.Combine(Support.Repository.Root, "src", "Latent", "GenerativeLatent", "SpecialValues", definition + ".json");
        using JsonDocument doc = JsonDocument.Parse(File.ReadAllText(path));
        return doc.RootElement.GetProperty("rows").GetArrayLength();
    }

    /// <summary>Tests per released vector file, from the released set's manifest.</summary>
    private static Dictionary<string, int> GoldenCounts()
    {
        using JsonDocument manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(ReleasedSet, "MANIFEST.json")));
        return manifest.RootElement.GetProperty("files").EnumerateArray()
            .ToDictionary(f => f.GetProperty("path").GetString()!, f => f.GetProperty("numberOfTests").GetInt32(), StringComparer.Ordinal);
    }

    /// <summary>The released vector set's folder.</summary>
    public static string ReleasedSet => Path.Combine(Support.Repository.Root, "vectors", "v2");

    /// <summary>The block as the page holds it, or null.</summary>
    public static string? InPage(string page)
    {
        int begin = page.IndexOf(Begin, StringComparison.Ordinal);
        int end = page.IndexOf(End, StringComparison.Ordinal);
        return begin < 0 || end < begin ? null : page[begin..(end + End.Length)] + "\n";
    }
}

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using Latent.Lean;
using Latent.Spec.Elaboration;
using Latent.Spec.Evaluation;

namespace Latent.Spec;

/// <summary>
/// Latent's Lean text, made executable: a set of <c>.lean</c> files whose definitions can be evaluated over any
/// <see cref="IContext{T}"/> on tensors of any shape. This is the reference the C# mirror is checked against.
/// </summary>
/// <remarks>
/// <para><see cref="Mirrored"/> is the text the mirror follows (upstream V1: <c>spec/Generative</c>, <c>spec/Core</c>,
/// <c>spec/Layers</c>); <see cref="UpstreamV3"/> is the text of the newest upstream version (<c>spec/upstream/v3</c>).
/// Both are embedded in this assembly at build time, so a change to the text changes the reference.</para>
/// <para>What the evaluator trusts: its built-ins (<see cref="BuiltinNames"/>: the structural recursions <c>mapSpec</c>,
/// <c>map2Spec</c>, the left fold, the constant tensor, <c>Shape.size</c>, and the context's <c>exp</c> and <c>pointfive</c>),
/// Lean's precedences and name resolution as the reader implements them, and the context it is given. Everything else
/// (<c>addSpec</c>, the tensor instances, <c>scaleSpec</c>, <c>expSpec</c>, <c>sumSpec</c>, <c>meanOver</c>, and every
/// definition of the module) is elaborated from the text.</para>
/// </remarks>
public sealed class SpecModule
{
    private const string MirroredNamespace = "Generative.Latent.";
    private static readonly Lazy<SpecModule> s_mirrored = new(() => FromEmbedded(name => !name.StartsWith("spec/upstream/", StringComparison.Ordinal), "spec"));
    private static readonly Lazy<SpecModule> s_v3 = new(() => FromEmbedded(name => name.StartsWith("spec/upstream/v3/", StringComparison.Ordinal), "spec/upstream/v3"));

    private readonly SpecLibrary _library;

    private SpecModule(SpecLibrary library, string label)
    {
        _library = library;
        Label = label;
    }

    /// <summary>The text the mirror follows: upstream V1 and the definitions it reaches.</summary>
    public static SpecModule Mirrored => s_mirrored.Value;

    /// <summary>The newest upstream version, V3 (srirampc/TorchLean @ 3447b74), with the V3-era definitions it reaches.</summary>
    public static SpecModule UpstreamV3 => s_v3.Value;

    /// <summary>The version whose empty-shape mean is <paramref name="emptyMean"/>: V1 is <see cref="Mirrored"/>, V3 <see cref="UpstreamV3"/>.</summary>
    public static SpecModule For(EmptyMeanConvention emptyMean) => emptyMean switch
    {
        EmptyMeanConvention.V1 => Mirrored,
        EmptyMeanConvention.V3 => UpstreamV3,
        _ => throw new ArgumentOutOfRangeException(nameof(emptyMean), emptyMean, "Not a defined convention."),
    };

    /// <summary>Reads every <c>.lean</c> file below <paramref name="root"/> (for a changed copy of the text).</summary>
    /// <exception cref="Syntax.SpecTextException">The text cannot be evaluated; the message names the file, line and token.</exception>
    public static SpecModule FromDirectory(string root)
    {
        ArgumentNullException.ThrowIfNull(root);
        var files = Directory.EnumerateFiles(root, "*.lean", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Select(path => (Path.GetRelativePath(root, path).Replace('\\', '/'), File.ReadAllText(path)));
        return new SpecModule(new SpecLibrary(files), root);
    }

    /// <summary>Reads the given files (name, text).</summary>
    public static SpecModule FromFiles(IEnumerable<(string Name, string Text)> files) => new(new SpecLibrary(files), "files");

    /// <summary>Where the text came from, for reports.</summary>
    public string Label { get; }

    /// <summary>The files read.</summary>
    public IReadOnlyList<string> Files => _library.Files;

    /// <summary>Every definition the text declares, fully qualified.</summary>
    public IReadOnlyList<string> DefinitionNames => [.. _library.Definitions.Keys.Order(StringComparer.Ordinal)];

    /// <summary>The declarations that built-ins stand for: the evaluator's trusted base for this text.</summary>
    public IReadOnlyList<string> BuiltinNames => [.. _library.BuiltinDefinitions.Select(d => d.Builtin!).Order(StringComparer.Ordinal)];

    /// <summary>A definition's explicit value binders with their Lean types as written (<c>mu : Tensor α latent</c>), and its result type.</summary>
    public (IReadOnlyList<(string Name, string Type)> Binders, string Result, string File, int Line) Signature(string definition)
    {
        SpecDefinition d = Find(definition);
        var binders = d.Declaration.Binders
            .Where(b => b.Kind == LeanBinderKind.Explicit && !b.IsTypeLevel)
            .Select(b => (b.Name, b.Type))
            .ToList();
        LeanBody body = d.Declaration.Body;
        string result = body.TypeStart < 0 ? string.Empty : string.Join(" ", d.Source.Text[body.TypeStart..body.TypeEnd].Split((char[])[' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries));
        return (binders, result, d.Source.Name, d.Location.Line);
    }

    /// <summary>The names of a definition's explicit value binders, in order (<c>mu logvar eps</c>).</summary>
    public IReadOnlyList<string> ExplicitBinders(string definition) => [.. Find(definition).Explicit.Select(p => p.Name)];

    /// <summary>
    /// Evaluates <paramref name="definition"/> (short name inside <c>Generative.Latent</c>, or fully qualified) on
    /// arguments given by binder name; implicit binders (<c>latent</c>, <c>numCodes</c>) are inferred from them.
    /// </summary>
    /// <exception cref="ArgumentException">An argument is missing, of the wrong kind, or breaks a Lean type (two tensors of one shape variable differ in shape, an index is not below its <c>Fin</c> bound).</exception>
    public SpecValue<T> Evaluate<T, TContext>(string definition, params (string Binder, SpecValue<T> Value)[] arguments)
        where TContext : IContext<T>
    {
        ArgumentNullException.ThrowIfNull(arguments);
        SpecDefinition d = Find(definition);
        var byName = arguments.ToDictionary(a => a.Binder, a => a.Value, StringComparer.Ordinal);
        var positional = new List<SpecValue<T>>();
        foreach (Parameter p in d.Explicit)
        {
            positional.Add(byName.Remove(p.Name, out SpecValue<T>? v) ? v : throw new ArgumentException($"{d.FullName} needs the argument '{p.Name}'.", nameof(arguments)));
        }

        var named = byName.Select(kv => (kv.Key, kv.Value)).ToList();
        return Calls.Call<T, TContext>(d, positional, named, Expect.None);
    }

    /// <summary>A value of the spec's <c>Codebook α numCodes latent</c> holding <paramref name="book"/>'s embeddings.</summary>
    public SpecValue<T> Codebook<T>(Codebook<T> book)
    {
        ArgumentNullException.ThrowIfNull(book);
        LeanDeclaration structure = _library.Structure(MirroredNamespace + "Codebook");
        string field = structure.Fields.Single().Name;
        var embedding = new NativeFunction<T>(field, 1, a =>
        {
            long idx = a[0] is NatValue<T> n ? n.Value : throw new ArgumentException($"{field} takes an index, got {a[0].Describe()}.", nameof(book));
            return new TensorValue<T>(book.Latent, book.Embedding(checked((int)idx)).ToArray());
        });
        return new StructureValue<T>(
            "Codebook",
            [new NatValue<T>(book.NumCodes), new ShapeValue<T>(book.Latent)],
            new Dictionary<string, SpecValue<T>>(StringComparer.Ordinal) { [field] = embedding });
    }

    private SpecDefinition Find(string definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return _library.Definitions.TryGetValue(definition, out SpecDefinition? d)
            || _library.Definitions.TryGetValue(MirroredNamespace + definition, out d)
            ? d
            : throw new ArgumentException($"The spec text ({Label}) has no definition '{definition}'.", nameof(definition));
    }

    private static SpecModule FromEmbedded(Func<string, bool> include, string label)
    {
        Assembly assembly = typeof(SpecModule).Assembly;
        var files = assembly.GetManifestResourceNames()
            .Where(n => n.EndsWith(".lean", StringComparison.Ordinal) && include(n))
            .Order(StringComparer.Ordinal)
            .Select(n =>
            {
                using Stream stream = assembly.GetManifestResourceStream(n)!;
                using var reader = new StreamReader(stream);
                return (n, reader.ReadToEnd());
            })
            .ToList();
        return new SpecModule(new SpecLibrary(files), label);
    }
}

/// <summary>Builds evaluator values from C# data.</summary>
public static class SpecValues
{
    /// <summary>A tensor of <paramref name="shape"/> with the given row-major elements (copied).</summary>
    public static SpecValue<T> Tensor<T>(Shape shape, ReadOnlySpan<T> elements) => new TensorValue<T>(shape, elements.ToArray());

    /// <summary>An index <c>idx : Fin numCodes</c>.</summary>
    public static SpecValue<T> Index<T>(int idx, int numCodes) => new NatValue<T>(idx, numCodes);

    /// <summary>The elements of a result: a tensor's row-major elements, or a scalar as one element.</summary>
    public static T[] Elements<T>(SpecValue<T> value) => value switch
    {
        TensorValue<T> t => t.Elements,
        ScalarValue<T> s => [s.Value],
        _ => throw new ArgumentException($"Not a tensor or scalar: {value?.Describe()}.", nameof(value)),
    };
}

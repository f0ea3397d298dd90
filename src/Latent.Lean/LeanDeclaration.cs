using System.Collections.Immutable;
using System.Linq;

namespace Latent.Lean;

/// <summary>How a Lean binder is passed: explicit <c>( )</c>, implicit <c>{ }</c>, strict implicit <c>⦃ ⦄</c>, instance <c>[ ]</c>.</summary>
internal enum LeanBinderKind
{
    Explicit,
    Implicit,
    StrictImplicit,
    Instance,
}

/// <summary>One name bound by a binder group: <c>(mu logvar eps : Tensor α latent)</c> binds three.</summary>
internal sealed class LeanBinder
{
    public LeanBinder(string name, LeanBinderKind kind, string type, int start)
    {
        Name = name;
        Kind = kind;
        Type = type;
        Start = start;
    }

    public string Name { get; }

    public LeanBinderKind Kind { get; }

    /// <summary>The type text after the colon, whitespace-normalized; empty when the binder has no type.</summary>
    public string Type { get; }

    public int Start { get; }

    /// <summary>A binder of a universe (<c>α : Type</c>, <c>β : Sort u</c>): a type parameter in C#, not a value parameter.</summary>
    public bool IsTypeLevel => Type == "Type" || Type.StartsWith("Type ", System.StringComparison.Ordinal)
        || Type == "Sort" || Type.StartsWith("Sort ", System.StringComparison.Ordinal) || Type.StartsWith("Type*", System.StringComparison.Ordinal);

    public override string ToString() => Name;
}

/// <summary>A declaration of the spec that needs a mirror: a <c>def</c>/<c>abbrev</c> or a <c>structure</c>/<c>class</c>/<c>inductive</c>.</summary>
internal sealed class LeanDeclaration
{
    public LeanDeclaration(
        string fullName,
        string keyword,
        string path,
        int nameStart,
        int nameLength,
        ImmutableArray<LeanBinder> binders,
        ImmutableArray<LeanBinder> fields)
    {
        FullName = fullName;
        Keyword = keyword;
        Path = path;
        NameStart = nameStart;
        NameLength = nameLength;
        Binders = binders;
        Fields = fields;
    }

    /// <summary>The fully qualified name, namespaces included (<c>Generative.Latent.reparameterizeDiag</c>).</summary>
    public string FullName { get; }

    public string Keyword { get; }

    public string Path { get; }

    public int NameStart { get; }

    public int NameLength { get; }

    /// <summary>All binders of the header, in order.</summary>
    public ImmutableArray<LeanBinder> Binders { get; }

    /// <summary>The fields of a structure (names after <c>where</c>); empty for a definition.</summary>
    public ImmutableArray<LeanBinder> Fields { get; }

    /// <summary>The namespace and <c>open</c>s where the declaration stands.</summary>
    public LeanScope Scope { get; set; } = LeanScope.Root;

    /// <summary>Where the result type and the body stand in the file (<see cref="LeanBody.None"/> for a structure).</summary>
    public LeanBody Body { get; set; } = LeanBody.None;

    /// <summary>A declaration that needs a C# mirror (every kind the reader records except <c>instance</c>).</summary>
    public bool IsMirrored => Keyword != "instance";

    /// <summary>A type (structure, class, inductive), mirrored by a C# type rather than a method.</summary>
    public bool IsTypeLevel => Keyword is "structure" or "class" or "inductive";

    /// <summary>The explicit value binders a method mirror's parameters must match: universes are C# type parameters.</summary>
    public ImmutableArray<LeanBinder> ExplicitValueBinders =>
        Binders.Where(b => b.Kind == LeanBinderKind.Explicit && !b.IsTypeLevel).ToImmutableArray();

    public override string ToString() => FullName;
}

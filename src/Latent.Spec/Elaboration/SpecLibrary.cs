using System;
using System.Collections.Generic;
using System.Linq;
using Latent.Lean;
using Latent.Spec.Evaluation;
using Latent.Spec.Syntax;

namespace Latent.Spec.Elaboration;

/// <summary>
/// A set of Lean files read together (Latent's text of the module and of what it reaches): every declaration by its
/// fully qualified name, the instances on tensors, and every definition elaborated into an operation graph.
/// </summary>
internal sealed class SpecLibrary
{
    private readonly Dictionary<string, SpecDefinition> _definitions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (LeanDeclaration Declaration, SourceText Source)> _structures = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Node> _tensorInstances = new(StringComparer.Ordinal);
    private readonly HashSet<string> _namespaces = new(StringComparer.Ordinal) { string.Empty };
    private readonly List<(LeanDeclaration Declaration, SourceText Source)> _instances = [];

    public SpecLibrary(IEnumerable<(string Name, string Text)> files)
    {
        var sources = files.Select(f => new SourceText(f.Name, f.Text)).ToList();
        foreach (SourceText source in sources)
        {
            foreach (LeanDeclaration declaration in LeanReader.ReadCommands(source.Name, source.Text))
            {
                Register(declaration, source);
            }
        }

        foreach (SpecDefinition d in _definitions.Values.ToList())
        {
            Prepare(d);
        }

        foreach ((LeanDeclaration declaration, SourceText source) in _instances)
        {
            AddInstance(declaration, source);
        }

        foreach (SpecDefinition d in _definitions.Values.Where(d => d.Builtin is null && d.Body is null).ToList())
        {
            ElaborateBody(d);
        }

        Files = sources.Select(s => s.Name).ToList();
    }

    /// <summary>The files read, by name.</summary>
    public IReadOnlyList<string> Files { get; }

    /// <summary>Every definition, by fully qualified name.</summary>
    public IReadOnlyDictionary<string, SpecDefinition> Definitions => _definitions;

    /// <summary>The definitions that built-ins stand for.</summary>
    public IEnumerable<SpecDefinition> BuiltinDefinitions => _definitions.Values.Where(d => d.Builtin is not null);

    public SpecDefinition Definition(string fullName) =>
        _definitions.TryGetValue(fullName, out SpecDefinition? d) ? d : throw new ArgumentException($"The spec text has no definition '{fullName}'.", nameof(fullName));

    /// <summary>A structure of the spec and its field names (for building values of it from C# data).</summary>
    public LeanDeclaration Structure(string fullName) =>
        _structures.TryGetValue(fullName, out var s) ? s.Declaration : throw new ArgumentException($"The spec text has no structure '{fullName}'.", nameof(fullName));

    public Node? TensorInstance(string @class) => _tensorInstances.TryGetValue(@class, out Node? n) ? n : null;

    /// <summary>
    /// Resolves a name as Lean does where <paramref name="scope"/> stands: in the enclosing namespaces from the innermost
    /// out, then in each opened namespace; a name that resolves to two different declarations is an error.
    /// </summary>
    public SpecDefinition? TryResolve(string name, LeanScope scope)
    {
        var found = new List<SpecDefinition>();
        foreach (string prefix in Prefixes(scope.Namespace).Concat(ResolvedOpens(scope)))
        {
            string candidate = prefix.Length == 0 ? name : prefix + "." + name;
            if (_definitions.TryGetValue(candidate, out SpecDefinition? d) && !found.Contains(d))
            {
                found.Add(d);
            }
        }

        return found.Count switch
        {
            0 => null,
            1 => found[0],
            _ => throw new SpecTextException($"'{name}' is ambiguous: {string.Join(", ", found)}."),
        };
    }

    private List<string> ResolvedOpens(LeanScope scope)
    {
        var opened = new List<string>();
        foreach (string open in scope.Opens)
        {
            // `open Tensor` after `open Spec` opens Spec.Tensor: an open resolves like a name.
            foreach (string prefix in Prefixes(scope.Namespace).Concat(opened.ToList()))
            {
                string candidate = prefix.Length == 0 ? open : prefix + "." + open;
                if (_namespaces.Contains(candidate) && !opened.Contains(candidate))
                {
                    opened.Add(candidate);
                }
            }
        }

        return opened;
    }

    private static IEnumerable<string> Prefixes(string ns)
    {
        string[] parts = ns.Length == 0 ? [] : ns.Split('.');
        for (int n = parts.Length; n >= 0; n--)
        {
            yield return string.Join(".", parts.Take(n));
        }
    }

    private void Register(LeanDeclaration declaration, SourceText source)
    {
        switch (declaration.Keyword)
        {
            case "instance":
                _instances.Add((declaration, source));
                return;
            case "structure" or "class":
                _structures[declaration.FullName] = (declaration, source);
                AddNamespaces(declaration.FullName);

                // Fields are functions of the structure value; class fields (MathFunctions.exp) are the context's members.
                foreach (LeanBinder field in declaration.Fields)
                {
                    string name = declaration.FullName + "." + field.Name;
                    if (Builtins.Arities.ContainsKey(name))
                    {
                        AddDefinition(new SpecDefinition(declaration, source) { Builtin = name }, name, source, declaration.NameStart);
                    }
                }

                return;
            case "def" or "abbrev":
                AddDefinition(new SpecDefinition(declaration, source), declaration.FullName, source, declaration.NameStart);
                return;
            default:
                AddNamespaces(declaration.FullName);
                return;
        }
    }

    private void AddDefinition(SpecDefinition d, string name, SourceText source, int position)
    {
        if (!_definitions.TryAdd(name, d))
        {
            throw source.Error(position, name, $"'{name}' is declared twice in the spec text");
        }

        AddNamespaces(name);
    }

    private void AddNamespaces(string fullName)
    {
        for (int dot = fullName.IndexOf('.', StringComparison.Ordinal); dot > 0; dot = fullName.IndexOf('.', dot + 1))
        {
            _namespaces.Add(fullName[..dot]);
        }
    }

    /// <summary>Reads the binders and result type; decides whether a built-in stands for the definition.</summary>
    private static void Prepare(SpecDefinition d)
    {
        LeanDeclaration decl = d.Declaration;
        if (decl.IsTypeLevel)
        {
            // A class field mapped to a context member: one explicit argument per arrow of its type, none for a constant.
            int arity = Builtins.Arities[d.Builtin!];
            d.Explicit = Enumerable.Range(0, arity).Select(i => new Parameter("x" + i, true, null, i)).ToArray();
            d.Parameters.AddRange(d.Explicit);
            d.ExplicitExpects = d.Explicit.Select(_ => Expect.Scalar).ToArray();
            d.FrameSize = arity;
            return;
        }

        foreach (LeanBinder b in decl.Binders)
        {
            // {α : Type} binders, and a bare {α} (a Greek letter without a type, as Lean writes universe-polymorphic types).
            if (b.IsTypeLevel || (b.Kind == LeanBinderKind.Implicit && b.Type.Length == 0 && b.Name.Length == 1 && !IsAscii(b.Name[0])))
            {
                d.TypeBinders.Add(b.Name);
                continue;
            }

            if (b.Kind == LeanBinderKind.Instance)
            {
                continue;
            }

            Term? type = b.Type.Length == 0 ? null : ParseType(d, b.Type, b.Start);
            d.Parameters.Add(new Parameter(b.Name, b.Kind == LeanBinderKind.Explicit, type, d.Parameters.Count));
        }

        // The section's `variable {α : Type}` is a type binder of every definition.
        d.TypeBinders.Add("α");
        if (decl.Body.TypeStart >= 0)
        {
            d.ResultType = TermParser.Parse(d.Source, decl.Body.TypeStart, decl.Body.TypeEnd, d.FullName + "'s type");
        }

        if (Builtins.Arities.TryGetValue(d.FullName, out int builtinArity))
        {
            d.Builtin = d.FullName;

            // A built-in also takes the arguments of the arrows in its result type (`: Tensor α s → Tensor α s`).
            for (Term? t = d.ResultType; t is BinaryTerm { Operator: "→" } arrow; t = arrow.Right)
            {
                (string name, Term type) = arrow.Left is AscriptionTerm { Value: NameTerm n } a ? (n.Name, a.Type) : ("arg" + d.Parameters.Count, arrow.Left);
                d.Parameters.Add(new Parameter(name, true, type, d.Parameters.Count));
            }

            d.Explicit = d.Parameters.Where(p => p.IsExplicit).ToArray();
            if (d.ExplicitCount != builtinArity)
            {
                throw d.Source.Error(decl.NameStart, d.FullName,
                    $"the built-in for '{d.FullName}' takes {builtinArity} arguments but its Lean signature has {d.ExplicitCount}");
            }
        }
        else
        {
            d.Explicit = d.Parameters.Where(p => p.IsExplicit).ToArray();
        }

        d.ExplicitExpects = d.Explicit.Select(p => Calls.ExpectOf(d, p.Type)).ToArray();
        d.FrameSize = d.Parameters.Count;
    }

    private void ElaborateBody(SpecDefinition d)
    {
        LeanBody body = d.Declaration.Body;
        if (body.Kind == LeanBodyKind.Equations)
        {
            throw d.Source.Error(body.Start, "|", $"'{d.FullName}' is defined by pattern matching, which the evaluator does not elaborate, and no built-in stands for it");
        }

        if (body.Kind != LeanBodyKind.Term)
        {
            throw d.Source.Error(d.Declaration.NameStart, d.FullName, $"'{d.FullName}' has no ':=' body the evaluator can read");
        }

        d.Body = Elaborator.Elaborate(this, d, TermParser.Parse(d.Source, body.Start, body.End, d.FullName));
    }

    /// <summary>Reads <c>instance … : Add (Tensor α s) := ⟨addSpec⟩</c> (or <c>where add := addSpec</c>).</summary>
    private void AddInstance(LeanDeclaration declaration, SourceText source)
    {
        LeanBody body = declaration.Body;
        if (body.TypeStart < 0)
        {
            return;
        }

        Term type = TermParser.Parse(source, body.TypeStart, body.TypeEnd, "an instance type");
        if (type is not ApplyTerm { Function: NameTerm cls, Arguments: [{ Value: var target }] })
        {
            return;
        }

        bool onTensors = target is ApplyTerm { Function: NameTerm { Name: var head } } && (head == "Tensor" || head.EndsWith(".Tensor", StringComparison.Ordinal));
        if (!onTensors)
        {
            return;
        }

        Term method = body.Kind switch
        {
            LeanBodyKind.Term => TermParser.Parse(source, body.Start, body.End, "an instance"),
            LeanBodyKind.Where => TermParser.ParseWhereFields(source, body.Start, body.End, "an instance").Single().Value,
            _ => throw source.Error(declaration.NameStart, "instance", "an instance needs ':=' or 'where'"),
        };
        var holder = new SpecDefinition(declaration, source);
        holder.TypeBinders.Add("α");
        Node node = Elaborator.Elaborate(this, holder, method);
        string className = cls.Name[(cls.Name.LastIndexOf('.') + 1)..];
        if (!_tensorInstances.TryAdd(className, node))
        {
            throw source.Error(body.TypeStart, className, $"a second instance {className} on tensors");
        }
    }

    private static Term ParseType(SpecDefinition d, string typeText, int position)
    {
        // Binder types come from the reader as normalized text; parse them as a small spec file of their own.
        var source = new SourceText(d.Source.Name + $" (binder type at {d.Source.Locate(position).Line})", typeText);
        return TermParser.Parse(source, 0, typeText.Length, d.FullName + "'s binder type");
    }

    private static bool IsAscii(char c) => c < 128;
}

using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Latent.Spec.Syntax;

namespace Latent.Spec.Elaboration;

/// <summary>
/// Turns the term of one definition into its operation graph: locals become frame slots, names are resolved against the
/// library with the namespace and <c>open</c>s of the definition, operators on tensors are bound to the spec's instances.
/// </summary>
internal sealed class Elaborator
{
    private readonly SpecLibrary _library;
    private readonly SpecDefinition _definition;
    private Scope _scope;

    private Elaborator(SpecLibrary library, SpecDefinition definition, Scope scope)
    {
        _library = library;
        _definition = definition;
        _scope = scope;
    }

    public static Node Elaborate(SpecLibrary library, SpecDefinition definition, Term body)
    {
        var scope = new Scope(null);
        foreach (Parameter p in definition.Parameters)
        {
            scope.Locals[p.Name] = (p.Slot, p.Type);
        }

        scope.Next = definition.Parameters.Count;
        var elaborator = new Elaborator(library, definition, scope);
        Node node = elaborator.Visit(body);
        definition.FrameSize = scope.Next;
        return node;
    }

    private Node Visit(Term term) => term switch
    {
        NumeralTerm n => new NumeralNode(n.Value),
        NameTerm n => Name(n),
        ApplyTerm a => Apply(a),
        BinaryTerm b => new BinaryNode(b.Operator, Visit(b.Left), Visit(b.Right), TensorInstance(b), Where(b.Position)),
        LetTerm l => Let(l),
        FunTerm f => Fun(f),
        AscriptionTerm a => new AscriptionNode(Visit(a.Value), Calls.ExpectOf(_definition, a.Type)),
        IfTerm i => new IfNode(Visit(i.Condition), Visit(i.Then), Visit(i.Else)),
        AnonymousConstructorTerm { Items.Count: 1 } c => Visit(c.Items[0]),
        _ => throw _definition.Source.Error(term.Position, term.GetType().Name, $"{_definition.FullName}: this term cannot be evaluated here"),
    };

    private Node Name(NameTerm n)
    {
        if (Local(n.Name) is { } local)
        {
            return local;
        }

        if (_definition.TypeBinders.Contains(n.Name))
        {
            // A type passed by name, (α := α): it carries no value.
            return new TypeNode();
        }

        // x.f on a local x: a structure field, or generalized field notation (s.size is Shape.size s).
        int dot = n.Name.IndexOf('.', System.StringComparison.Ordinal);
        if (dot > 0 && Find(n.Name[..dot]) is { } owner)
        {
            Node target = Local(n.Name[..dot])!;
            foreach (string field in n.Name[(dot + 1)..].Split('.'))
            {
                SpecDefinition? generalized = owner.Type is { } type && TypeHead(type) is { } head
                    ? _library.TryResolve(head + "." + field, _definition.Declaration.Scope)
                    : null;
                target = new FieldNode(target, field, generalized);
                owner = (owner.Slot, null);
            }

            return target;
        }

        SpecDefinition global = _library.TryResolve(n.Name, _definition.Declaration.Scope)
            ?? throw _definition.Source.Error(n.Position, n.Name, $"{_definition.FullName}: unknown name '{n.Name}' (not a local, and no declaration of the spec text resolves it)");
        return new GlobalNode(global);
    }

    private ApplyNode Apply(ApplyTerm a)
    {
        var positional = new List<Node>();
        var named = new List<(string, Node)>();
        foreach (Argument argument in a.Arguments)
        {
            if (argument.Name is { } name)
            {
                named.Add((name, Visit(argument.Value)));
            }
            else
            {
                positional.Add(Visit(argument.Value));
            }
        }

        Node function = Visit(a.Function);
        if (named.Count > 0 && function is not GlobalNode)
        {
            throw _definition.Source.Error(a.Position, named[0].Item1, $"{_definition.FullName}: named arguments need a definition by name");
        }

        return new ApplyNode(function, positional, named);
    }

    private LetNode Let(LetTerm l)
    {
        Node value = Visit(l.Value);
        int slot = _scope.Next++;
        _scope.Locals[l.Name] = (slot, null);
        return new LetNode(slot, value, Visit(l.Body));
    }

    private LambdaNode Fun(FunTerm f)
    {
        var inner = new Scope(_scope);
        foreach (string p in f.Parameters)
        {
            inner.Locals[p] = (inner.Next++, null);
        }

        Scope outer = _scope;
        _scope = inner;
        Node body = Visit(f.Body);
        _scope = outer;
        return new LambdaNode(f.Parameters.Count, inner.Next, body);
    }

    private Node? TensorInstance(BinaryTerm b)
    {
        string? @class = b.Operator switch
        {
            "+" => "Add",
            "-" => "Sub",
            "*" => "Mul",
            "/" => "Div",
            _ => null,
        };
        return @class is null ? null : _library.TensorInstance(@class);
    }

    private LocalNode? Local(string name)
    {
        int depth = 0;
        for (Scope? s = _scope; s is not null; s = s.Parent, depth++)
        {
            if (s.Locals.TryGetValue(name, out var local))
            {
                return new LocalNode(depth, local.Slot, name, _definition.FullName);
            }
        }

        return null;
    }

    private (int Slot, Term? Type)? Find(string name)
    {
        for (Scope? s = _scope; s is not null; s = s.Parent)
        {
            if (s.Locals.TryGetValue(name, out var local))
            {
                return local;
            }
        }

        return null;
    }

    private static string? TypeHead(Term type) => type switch
    {
        NameTerm n => n.Name,
        ApplyTerm { Function: NameTerm n } => n.Name,
        _ => null,
    };

    private string Where(int position)
    {
        (int line, int column) = _definition.Source.Locate(position);
        return string.Create(CultureInfo.InvariantCulture, $"{_definition.FullName} ({_definition.Source.Name}:{line}:{column})");
    }

    private sealed class Scope(Scope? parent)
    {
        public Scope? Parent { get; } = parent;

        public Dictionary<string, (int Slot, Term? Type)> Locals { get; } = new(System.StringComparer.Ordinal);

        public int Next { get; set; }
    }
}

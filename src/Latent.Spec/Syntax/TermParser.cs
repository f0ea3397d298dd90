using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Latent.Lean;

namespace Latent.Spec.Syntax;

/// <summary>
/// Reads one Lean term from the tokens of a declaration body: <c>let</c>, <c>fun</c>, <c>if … then … else</c>, application
/// by juxtaposition with named arguments <c>(x := e)</c>, infix operators with Lean's precedences, type ascriptions,
/// sections <c>(· + ·)</c>, anonymous constructors <c>⟨a, b⟩</c> and natural-number literals. Anything else is an error
/// naming the file, line and token.
/// </summary>
/// <remarks>
/// <para>Precedences are Lean 4's: <c>→</c> 25 (right), <c>=</c> and <c>==</c> 50, <c>+ -</c> 65 (left), <c>* /</c> 70
/// (left), application 1024 (the arguments of a function bind tighter than any infix).</para>
/// <para>Layout: a token that starts a line at or left of the column of the enclosing <c>let</c> ends the term before it,
/// as Lean's line break stands for the <c>;</c> after a <c>let</c> value.</para>
/// </remarks>
internal sealed class TermParser
{
    private static readonly Dictionary<string, (int Precedence, bool RightAssociative)> Infix = new()
    {
        ["→"] = (25, true),
        ["="] = (50, false),
        ["=="] = (50, false),
        ["+"] = (65, false),
        ["-"] = (65, false),
        ["*"] = (70, false),
        ["/"] = (70, false),
    };

    private static readonly HashSet<string> Keywords = ["let", "fun", "if", "then", "else", "in", "match", "with", "do", "λ"];

    private readonly SourceText _source;
    private readonly List<LeanToken> _tokens;
    private readonly string _context;
    private readonly Stack<int> _layoutColumns = new();
    private int _next;

    private TermParser(SourceText source, int start, int end, string context)
    {
        _source = source;
        _context = context;
        _tokens = Merge(LeanTokens.Scan(source.Masked, start, end)).ToList();
        _layoutColumns.Push(0);
    }

    /// <summary>Parses the whole span as one term; <paramref name="context"/> names the declaration for messages.</summary>
    public static Term Parse(SourceText source, int start, int end, string context)
    {
        var parser = new TermParser(source, start, end, context);
        Term term = parser.ParseTerm();
        if (!parser.AtEnd)
        {
            throw parser.Unexpected(parser.Peek, "expected the end of the term");
        }

        return term;
    }

    /// <summary>Parses <c>field := term</c> entries of a <c>where</c> block.</summary>
    public static IReadOnlyList<(string Field, Term Value)> ParseWhereFields(SourceText source, int start, int end, string context)
    {
        var parser = new TermParser(source, start, end, context);
        var fields = new List<(string, Term)>();
        while (!parser.AtEnd)
        {
            LeanToken name = parser.Take();
            if (!name.IsIdentifier)
            {
                throw parser.Unexpected(name, "expected a field name");
            }

            parser.Expect(":=");
            int column = parser.Column(name);
            parser._layoutColumns.Push(column);
            fields.Add((name.Text, parser.ParseTerm()));
            parser._layoutColumns.Pop();
        }

        return fields;
    }

    private bool AtEnd => _next >= _tokens.Count;

    private LeanToken Peek => _tokens[_next];

    private Term ParseTerm()
    {
        if (AtEnd)
        {
            throw _source.Error(_tokens.Count > 0 ? _tokens[^1].Start : 0, "end of text", $"a term is missing in {_context}");
        }

        LeanToken token = Peek;
        switch (token.Text)
        {
            case "let":
                return ParseLet();
            case "fun":
            case "λ":
                return ParseFun();
            case "if":
                return ParseIf();
            default:
                return ParseBinary(0);
        }
    }

    private LetTerm ParseLet()
    {
        LeanToken let = Take();
        LeanToken name = Take();
        if (!name.IsIdentifier || Keywords.Contains(name.Text))
        {
            throw Unexpected(name, "expected the name a 'let' binds");
        }

        if (!AtEnd && Peek.Is(":"))
        {
            throw Unexpected(Peek, "a typed 'let' is not supported by the evaluator");
        }

        Expect(":=");
        _layoutColumns.Push(Column(let));
        Term value = ParseTerm();
        _layoutColumns.Pop();
        if (!AtEnd && Peek.Is(";"))
        {
            Take();
        }

        return new LetTerm(let.Start, name.Text, value, ParseTerm());
    }

    private FunTerm ParseFun()
    {
        LeanToken fun = Take();
        var parameters = new List<string>();
        while (!AtEnd && Peek.IsIdentifier && !Keywords.Contains(Peek.Text))
        {
            parameters.Add(Take().Text);
        }

        if (parameters.Count == 0)
        {
            throw Unexpected(AtEnd ? fun : Peek, "expected the parameters of 'fun' (typed or pattern parameters are not supported)");
        }

        Expect("=>");
        return new FunTerm(fun.Start, parameters, ParseTerm());
    }

    private IfTerm ParseIf()
    {
        LeanToken keyword = Take();
        Term condition = ParseTerm();
        Expect("then");
        Term then = ParseTerm();
        Expect("else");
        return new IfTerm(keyword.Start, condition, then, ParseTerm());
    }

    private Term ParseBinary(int minimum)
    {
        Term left = ParseApplication();
        while (!AtEnd && !EndsByLayout(Peek) && Infix.TryGetValue(Peek.Text, out var op) && op.Precedence >= minimum)
        {
            LeanToken symbol = Take();
            Term right = op.RightAssociative ? ParseBinary(op.Precedence) : ParseBinary(op.Precedence + 1);
            left = new BinaryTerm(symbol.Start, symbol.Text, left, right);
        }

        return left;
    }

    private Term ParseApplication()
    {
        Term function = ParseAtom();
        var arguments = new List<Argument>();
        while (!AtEnd && StartsAtom(Peek) && !EndsByLayout(Peek))
        {
            if (Peek.Is("(") && IsNamedArgument())
            {
                Take();
                string name = Take().Text;
                Expect(":=");
                _layoutColumns.Push(0);
                Term value = ParseTerm();
                _layoutColumns.Pop();
                Expect(")");
                arguments.Add(new Argument(name, value));
            }
            else
            {
                arguments.Add(new Argument(null, ParseAtom()));
            }
        }

        return arguments.Count == 0 ? function : new ApplyTerm(function.Position, function, arguments);
    }

    private bool IsNamedArgument() =>
        _next + 2 < _tokens.Count && _tokens[_next + 1].IsIdentifier && _tokens[_next + 2].Is(":=");

    private Term ParseAtom()
    {
        if (AtEnd)
        {
            throw _source.Error(_tokens.Count > 0 ? _tokens[^1].Start : 0, "end of text", $"a term is missing in {_context}");
        }

        LeanToken token = Take();
        if (token.IsNumber)
        {
            return new NumeralTerm(token.Start, long.Parse(token.Text, NumberStyles.None, CultureInfo.InvariantCulture));
        }

        if (token.IsIdentifier && !Keywords.Contains(token.Text))
        {
            return new NameTerm(token.Start, token.Text);
        }

        switch (token.Text)
        {
            case "·":
                return new HoleTerm(token.Start);
            case "(":
                return ParseParenthesized(token);
            case "⟨":
                var items = new List<Term>();
                _layoutColumns.Push(0);
                while (!AtEnd && !Peek.Is("⟩"))
                {
                    items.Add(ParseTerm());
                    if (!AtEnd && Peek.Is(","))
                    {
                        Take();
                    }
                }

                _layoutColumns.Pop();
                Expect("⟩");
                return new AnonymousConstructorTerm(token.Start, items);
            default:
                throw Unexpected(token, "this syntax is not part of what the evaluator reads");
        }
    }

    private Term ParseParenthesized(LeanToken open)
    {
        _layoutColumns.Push(0);
        Term inner = ParseTerm();
        if (!AtEnd && Peek.Is(":"))
        {
            Take();
            Term type = ParseTerm();
            inner = new AscriptionTerm(open.Start, inner, type);
        }

        _layoutColumns.Pop();
        Expect(")");
        return Section(inner);
    }

    /// <summary><c>(· + ·)</c> is <c>fun a b => a + b</c>: each hole directly inside the parentheses becomes a parameter, in order.</summary>
    private static Term Section(Term inner)
    {
        int holes = 0;
        Term Fill(Term t) => t switch
        {
            HoleTerm h => new NameTerm(h.Position, "·" + (holes++).ToString(CultureInfo.InvariantCulture)),
            BinaryTerm b => b with { Left = Fill(b.Left), Right = Fill(b.Right) },
            ApplyTerm a => a with { Function = Fill(a.Function), Arguments = a.Arguments.Select(x => x with { Value = Fill(x.Value) }).ToList() },
            _ => t,
        };
        Term body = Fill(inner);
        return holes == 0
            ? inner
            : new FunTerm(inner.Position, Enumerable.Range(0, holes).Select(i => "·" + i.ToString(CultureInfo.InvariantCulture)).ToList(), body);
    }

    private static bool StartsAtom(LeanToken token) =>
        token.IsNumber || (token.IsIdentifier && !Keywords.Contains(token.Text)) || token.Text is "(" or "⟨" or "·";

    private bool EndsByLayout(LeanToken token) =>
        _source.IsFirstOnLine(token.Start) && Column(token) <= _layoutColumns.Peek();

    private int Column(LeanToken token) => _source.Locate(token.Start).Column;

    private LeanToken Take() =>
        AtEnd ? throw _source.Error(_tokens.Count > 0 ? _tokens[^1].Start : 0, "end of text", $"the term of {_context} ends too early") : _tokens[_next++];

    private void Expect(string text)
    {
        if (AtEnd)
        {
            throw _source.Error(_tokens.Count > 0 ? _tokens[^1].Start : 0, "end of text", $"expected '{text}' in {_context}");
        }

        LeanToken token = Take();
        if (!token.Is(text))
        {
            throw Unexpected(token, $"expected '{text}'");
        }
    }

    private SpecTextException Unexpected(LeanToken token, string why) =>
        _source.Error(token.Start, token.Text, $"{why} in {_context}");

    /// <summary>The scanner yields one-character symbols; <c>==</c> is one operator here.</summary>
    private static IEnumerable<LeanToken> Merge(IEnumerable<LeanToken> tokens)
    {
        LeanToken? pending = null;
        foreach (LeanToken token in tokens)
        {
            if (pending is { } p && p.Is("=") && token.Is("=") && token.Start == p.Start + 1)
            {
                yield return new LeanToken("==", p.Start, isIdentifier: false);
                pending = null;
                continue;
            }

            if (pending is { } q)
            {
                yield return q;
            }

            pending = token;
        }

        if (pending is { } last)
        {
            yield return last;
        }
    }
}

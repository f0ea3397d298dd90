using System.Collections.Generic;

namespace Latent.Spec.Syntax;

/// <summary>
/// A Lean term as the spec evaluator reads it: the fragment of Lean 4 term syntax that the spec's definitions use.
/// Every node remembers the offset of its first token in the file, for messages.
/// </summary>
internal abstract record Term(int Position);

/// <summary>A name, possibly dotted: a local (<c>mu</c>), a field access on a local (<c>book.embedding</c>) or a global.</summary>
internal sealed record NameTerm(int Position, string Name) : Term(Position);

/// <summary>A natural-number literal; its type (<c>α</c> or <c>Nat</c>) comes from where it stands, as Lean's <c>OfNat</c>.</summary>
internal sealed record NumeralTerm(int Position, long Value) : Term(Position);

/// <summary>Application by juxtaposition: <c>f a (x := b) c</c>.</summary>
internal sealed record ApplyTerm(int Position, Term Function, IReadOnlyList<Argument> Arguments) : Term(Position);

/// <summary>One argument: positional, or named as <c>(α := α)</c>.</summary>
internal sealed record Argument(string? Name, Term Value);

/// <summary>An infix operator: <c>+ - * /</c> (Lean's <c>infixl:65</c> and <c>infixl:70</c>), <c>=</c> and <c>→</c>.</summary>
internal sealed record BinaryTerm(int Position, string Operator, Term Left, Term Right) : Term(Position);

/// <summary><c>let name := value; body</c> (or a line break for the semicolon).</summary>
internal sealed record LetTerm(int Position, string Name, Term Value, Term Body) : Term(Position);

/// <summary><c>fun x y => body</c>, and the sections <c>(· + ·)</c>, which stand for <c>fun a b => a + b</c>.</summary>
internal sealed record FunTerm(int Position, IReadOnlyList<string> Parameters, Term Body) : Term(Position);

/// <summary><c>(e : T)</c>: the term elaborated at a type (<c>(1 : α)</c> is <c>OfNat</c>, <c>(n : α)</c> a cast).</summary>
internal sealed record AscriptionTerm(int Position, Term Value, Term Type) : Term(Position);

/// <summary><c>if c then a else b</c>.</summary>
internal sealed record IfTerm(int Position, Term Condition, Term Then, Term Else) : Term(Position);

/// <summary>The anonymous constructor <c>⟨a, b⟩</c>.</summary>
internal sealed record AnonymousConstructorTerm(int Position, IReadOnlyList<Term> Items) : Term(Position);

/// <summary>The placeholder <c>·</c> of a section, before the enclosing parentheses turn it into a parameter.</summary>
internal sealed record HoleTerm(int Position) : Term(Position);

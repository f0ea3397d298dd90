namespace Latent;

/// <summary>
/// Mirror of Lean's <c>Context α</c> type class, restricted to the members <c>Generative.Latent</c> reaches.
/// </summary>
/// <typeparam name="T">The scalar type (Lean's <c>α</c>).</typeparam>
/// <remarks>
/// <para>Lean passes the <c>[Context α]</c> dictionary implicitly; C# passes it as a type argument, so each
/// definition is written once over <c>(T, TContext)</c> and instantiated per scalar type, as in Lean.
/// Every rounding step of a definition is a call to one of these members, so a context fixes the complete
/// arithmetic: <see cref="IeeeContext{T}"/> is the platform's IEEE 754 arithmetic (Lean <c>Float</c> and
/// <c>Float32</c>), and other contexts (correctly rounded primitives, exact arithmetic, intervals) plug in
/// without another copy of any definition.</para>
/// <para>Implementations must be pure: the same arguments always give the same result.</para>
/// </remarks>
public interface IContext<T>
{
    /// <summary>Lean <c>(0 : α)</c> (<c>Zero α</c>), the seed of every sum.</summary>
    static abstract T Zero { get; }

    /// <summary>Lean <c>(1 : α)</c> (<c>One α</c>).</summary>
    static abstract T One { get; }

    /// <summary>Lean <c>Numbers.pointfive</c> (V1); V2 and V3 write <c>(1 / 2 : α)</c>, the same value in binary formats.</summary>
    static abstract T PointFive { get; }

    /// <summary>Lean <c>x + y</c> (<c>Add α</c>).</summary>
    static abstract T Add(T x, T y);

    /// <summary>Lean <c>x - y</c> (<c>Sub α</c>).</summary>
    static abstract T Sub(T x, T y);

    /// <summary>Lean <c>x * y</c> (<c>Mul α</c>).</summary>
    static abstract T Mul(T x, T y);

    /// <summary>Lean <c>x / y</c> (<c>Div α</c>).</summary>
    static abstract T Div(T x, T y);

    /// <summary>Lean <c>MathFunctions.exp</c>.</summary>
    static abstract T Exp(T x);

    /// <summary>Lean's cast of a natural number (<c>Coe Nat α</c> in V1, <c>NatCast α</c> in V2/V3); <paramref name="n"/> is never negative.</summary>
    static abstract T NatCast(int n);
}

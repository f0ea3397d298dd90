using System.Numerics;
using Latent.Oracles.FastExp;
using Latent.Ieee;
using Latent.Oracles.Exact;

namespace Latent.Oracles;

/// <summary>
/// The <b>spec-cr</b> semantics as a context: the Lean evaluation order with every primitive correctly rounded.
/// <c>+ − × ÷</c>, the constants and the count cast are <see cref="IeeeContext{T}"/>'s (the hardware's, already correctly
/// rounded); only <see cref="Exp"/> differs: the correctly rounded exponential of <see cref="FastExp.CorrectlyRoundedExp"/> (a proven
/// double-double fast path, MPFR's Ziv loop on the rare inputs it cannot decide) instead of the C library's.
/// </summary>
/// <remarks>
/// The spec evaluator runs the Lean text with this context (<c>Invocation.Spec&lt;CorrectlyRoundedContext&lt;double, Binary64&gt;&gt;</c>):
/// results that depend on nothing but IEEE 754 and the Lean order, so they are what golden vectors pin. The C# mirror with
/// <see cref="IeeeContext{T}"/> equals them wherever the platform <c>exp</c> happens to be correctly rounded, and the mirror
/// with this context equals them everywhere (<c>latent golden</c> checks that on every test).
/// </remarks>
/// <typeparam name="T">The scalar type.</typeparam>
/// <typeparam name="TFormat">Its binary format.</typeparam>
public readonly struct CorrectlyRoundedContext<T, TFormat> : IContext<T>
    where T : IBinaryFloatingPointIeee754<T>
    where TFormat : IBinaryFormat<T>
{
    /// <inheritdoc/>
    public static T Zero => IeeeContext<T>.Zero;

    /// <inheritdoc/>
    public static T One => IeeeContext<T>.One;

    /// <inheritdoc/>
    public static T PointFive => IeeeContext<T>.PointFive;

    /// <inheritdoc/>
    public static T Add(T x, T y) => IeeeContext<T>.Add(x, y);

    /// <inheritdoc/>
    public static T Sub(T x, T y) => IeeeContext<T>.Sub(x, y);

    /// <inheritdoc/>
    public static T Mul(T x, T y) => IeeeContext<T>.Mul(x, y);

    /// <inheritdoc/>
    public static T Div(T x, T y) => IeeeContext<T>.Div(x, y);

    /// <inheritdoc/>
    public static T Exp(T x) => CorrectlyRoundedExp.Exp<T, TFormat>(x);

    /// <inheritdoc/>
    public static T NatCast(int n) => IeeeContext<T>.NatCast(n);
}

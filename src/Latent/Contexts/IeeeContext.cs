using System.Numerics;

namespace Latent;

/// <summary>
/// The platform's IEEE 754 arithmetic as a <see cref="IContext{T}"/>: <c>IeeeContext&lt;double&gt;</c> mirrors
/// Lean's <c>instance : Context Float</c> and <c>IeeeContext&lt;float&gt;</c> mirrors <c>Context Float32</c>.
/// </summary>
/// <typeparam name="T">An IEEE 754 binary format.</typeparam>
/// <remarks>
/// <para><c>+ - * /</c> are the format's correctly rounded operations (round to nearest, ties to even); .NET never
/// contracts a product and a sum into a fused multiply-add on its own.</para>
/// <para><see cref="Exp"/> is <c>T.Exp</c>: for <c>double</c> that is <c>Math.Exp</c>, which on Linux calls the C library's
/// <c>exp</c>, the same function Lean's <c>Float.exp</c> compiles to (an <c>@[extern "exp"]</c>); for <c>float</c> it is
/// <c>MathF.Exp</c>, the C library's <c>expf</c>. Neither is correctly rounded in every case (glibc: at most about
/// 0.51 ulp).</para>
/// <para><see cref="NatCast"/> converts with one rounding to nearest, like Lean's <c>Float.ofNat</c>.</para>
/// </remarks>
public readonly struct IeeeContext<T> : IContext<T>
    where T : IFloatingPointIeee754<T>
{
    /// <inheritdoc/>
    public static T Zero => T.Zero;

    /// <inheritdoc/>
    public static T One => T.One;

    /// <summary>One half, computed as <c>1 / 2</c> in the format (V2/V3's spelling); exactly <c>0.5</c> in every binary format.</summary>
    public static T PointFive => T.One / (T.One + T.One);

    /// <inheritdoc/>
    public static T Add(T x, T y) => x + y;

    /// <inheritdoc/>
    public static T Sub(T x, T y) => x - y;

    /// <inheritdoc/>
    public static T Mul(T x, T y) => x * y;

    /// <inheritdoc/>
    public static T Div(T x, T y) => x / y;

    /// <inheritdoc/>
    public static T Exp(T x) => T.Exp(x);

    /// <inheritdoc/>
    public static T NatCast(int n) => T.CreateChecked(n);
}

namespace Latent;

/// <summary>
/// Mirror of TorchLean's <c>instance : Context (Dual α)</c> (lean-dojo/TorchLean @ 4ec1f62,
/// <c>NN/Runtime/Autograd/Model/Dual.lean</c>): forward-mode differentiation of any definition written over
/// <see cref="IContext{T}"/>, with the scalar arithmetic of <typeparamref name="TContext"/> in the upstream operand order.
/// </summary>
/// <typeparam name="T">The scalar type.</typeparam>
/// <typeparam name="TContext">The context of the components (IEEE, correctly rounded, symbolic, …).</typeparam>
/// <remarks>
/// <para>In upstream order, each component one rounding in <typeparamref name="TContext"/>:</para>
/// <list type="table">
/// <listheader><term>operation</term><description>⟨re, du⟩</description></listheader>
/// <item><term><c>x + y</c></term><description><c>⟨x.re + y.re, x.du + y.du⟩</c></description></item>
/// <item><term><c>x − y</c></term><description><c>⟨x.re − y.re, x.du − y.du⟩</c></description></item>
/// <item><term><c>x * y</c></term><description><c>⟨x.re * y.re, x.du * y.re + x.re * y.du⟩</c></description></item>
/// <item><term><c>x / y</c></term><description><c>⟨x.re / y.re, (x.du * y.re − x.re * y.du) / (y.re * y.re)⟩</c></description></item>
/// <item><term><c>exp x</c></term><description><c>let ex := exp x.re; ⟨ex, ex * x.du⟩</c> (the tangent multiplies the rounded primal)</description></item>
/// <item><term><c>0</c>, <c>1</c>, casts, <c>pointfive</c></term><description>constants with tangent <c>0</c></description></item>
/// </list>
/// <para>V1's <c>Numbers.pointfive</c> is a constant ⟨0.5, 0⟩; V3's <c>1 / 2</c> through the dual division gives
/// <c>⟨0.5, (0·2 − 1·0)/(2·2)⟩ = ⟨0.5, 0⟩</c>, the same (spec-facts §8). Reverse mode and higher derivatives are not mirrored.</para>
/// </remarks>
public readonly struct DualContext<T, TContext> : IContext<Dual<T>>
    where TContext : IContext<T>
{
    /// <inheritdoc/>
    public static Dual<T> Zero => Constant(TContext.Zero);

    /// <inheritdoc/>
    public static Dual<T> One => Constant(TContext.One);

    /// <inheritdoc/>
    public static Dual<T> PointFive => Constant(TContext.PointFive);

    /// <inheritdoc/>
    public static Dual<T> Add(Dual<T> x, Dual<T> y) => new(TContext.Add(x.Re, y.Re), TContext.Add(x.Du, y.Du));

    /// <inheritdoc/>
    public static Dual<T> Sub(Dual<T> x, Dual<T> y) => new(TContext.Sub(x.Re, y.Re), TContext.Sub(x.Du, y.Du));

    /// <inheritdoc/>
    public static Dual<T> Mul(Dual<T> x, Dual<T> y) =>
        new(TContext.Mul(x.Re, y.Re), TContext.Add(TContext.Mul(x.Du, y.Re), TContext.Mul(x.Re, y.Du)));

    /// <inheritdoc/>
    public static Dual<T> Div(Dual<T> x, Dual<T> y)
    {
        T denominator = TContext.Mul(y.Re, y.Re);
        return new(TContext.Div(x.Re, y.Re), TContext.Div(TContext.Sub(TContext.Mul(x.Du, y.Re), TContext.Mul(x.Re, y.Du)), denominator));
    }

    /// <inheritdoc/>
    public static Dual<T> Exp(Dual<T> x)
    {
        T ex = TContext.Exp(x.Re);
        return new(ex, TContext.Mul(ex, x.Du));
    }

    /// <inheritdoc/>
    public static Dual<T> NatCast(int n) => Constant(TContext.NatCast(n));

    private static Dual<T> Constant(T value) => new(value, TContext.Zero);
}

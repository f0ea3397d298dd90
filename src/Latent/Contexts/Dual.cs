using System.Diagnostics.Contracts;

namespace Latent;

/// <summary>
/// Mirror of TorchLean's <c>Runtime.Autograd.Model.Dual α</c>: a primal value and a tangent (forward-mode derivative).
/// </summary>
/// <typeparam name="T">The scalar type of both components.</typeparam>
/// <remarks>
/// Running a definition once over <see cref="DualContext{T, TContext}"/> with inputs <c>⟨x, ẋ⟩</c> gives its value and its
/// Jacobian-vector product in the direction <c>ẋ</c> (lean-dojo/TorchLean @ 4ec1f62, <c>NN/Runtime/Autograd/Model/Dual.lean</c>).
/// A readonly struct marked pure, so that the kernels' dual arithmetic allocates nothing and calls nothing impure.
/// </remarks>
public readonly struct Dual<T>
{
    /// <summary>The primal value (Lean <c>re</c>).</summary>
    [Pure]
    public T Re { get; }

    /// <summary>The tangent (Lean <c>du</c>).</summary>
    [Pure]
    public T Du { get; }

    /// <summary>Lean <c>⟨re, du⟩</c>.</summary>
    [Pure]
    public Dual(T re, T du)
    {
        Re = re;
        Du = du;
    }

    /// <inheritdoc/>
    public override string ToString() => $"⟨{Re}, {Du}⟩";
}

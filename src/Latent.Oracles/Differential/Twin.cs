using System.Numerics;

namespace Latent.Oracles.Differential;

/// <summary>
/// One value of a definition evaluated twice in lockstep, with the platform's <c>exp</c> (<see cref="Spec"/>) and with a
/// correctly rounded one (<see cref="Cr"/>), plus a rigorous bound on <c>|Spec − Cr|</c> that the measured <c>exp</c>
/// discrepancies explain.
/// </summary>
/// <remarks>
/// <see cref="Bound"/> is 0 exactly when nothing upstream differed, and then the two values are identical (the same
/// operations on the same operands); <see cref="double.PositiveInfinity"/> means no finite bound applies (a non-finite
/// value differed).
/// </remarks>
/// <typeparam name="T">The scalar type.</typeparam>
public readonly record struct Twin<T>(T Spec, T Cr, double Bound)
    where T : IBinaryFloatingPointIeee754<T>
{
    /// <summary>Both semantics gave the same bits, or both gave NaN.</summary>
    public bool Identical => T.IsNaN(Spec) ? T.IsNaN(Cr) : Spec.Equals(Cr) && T.IsNegative(Spec) == T.IsNegative(Cr);

    /// <summary>The values are identical, or finite and within <see cref="Bound"/> of each other.</summary>
    public bool Explained =>
        Identical
        || (T.IsFinite(Spec) && T.IsFinite(Cr) && double.IsFinite(Bound)
            && double.Abs(double.CreateTruncating(Spec) - double.CreateTruncating(Cr)) <= Bound);
}

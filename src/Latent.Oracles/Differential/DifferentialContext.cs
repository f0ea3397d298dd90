using System;
using System.Numerics;
using Latent.Oracles.FastExp;
using Latent.Ieee;
using Latent.Oracles.Exact;

namespace Latent.Oracles.Differential;

/// <summary>
/// A context over <see cref="Twin{T}"/>: running a mirror with it evaluates the spec (platform <c>exp</c>) and spec-cr
/// (correctly rounded <c>exp</c>) semantics of the very same generic definition at once, and propagates a first-order
/// bound on their difference from the <c>exp</c> discrepancies it measures.
/// </summary>
/// <remarks>
/// <para>Each operation computes both values with the same IEEE operation. When both operands agree in both semantics
/// (bound 0) the results are identical and the bound stays 0. Otherwise, with <c>ulp(y)</c> the spacing above <c>|y|</c>:
/// <c>±</c>: <c>Ba + Bb</c>; <c>×</c>: <c>|a|·Bb + |b'|·Ba</c>; <c>÷</c> by an agreed divisor: <c>Ba / |b|</c>; each plus
/// <c>½ulp(spec) + ½ulp(cr)</c> for the two roundings. <c>exp</c> of an agreed argument contributes the measured
/// <c>|exp_platform − exp_cr|</c>. Bounds are computed in binary64 and nudged up one ulp after each step.</para>
/// <para>The thread-static counters record how many <c>exp</c> calls ran and how many of them differed.</para>
/// </remarks>
/// <typeparam name="T">The scalar type.</typeparam>
/// <typeparam name="TFormat">Its binary format.</typeparam>
/// <typeparam name="TSpec">The context whose <c>exp</c> the spec side uses: <see cref="IeeeContext{T}"/> for the platform; tests
/// plug in others (an <c>exp</c> several ulps off) to show the bound stays sound.</typeparam>
public readonly struct DifferentialContext<T, TFormat, TSpec> : IContext<Twin<T>>
    where T : IBinaryFloatingPointIeee754<T>
    where TFormat : IBinaryFormat<T>
    where TSpec : IContext<T>
{
    [ThreadStatic]
    private static long t_expCalls;

    [ThreadStatic]
    private static long t_expDiscrepancies;

    /// <summary><c>exp</c> calls on this thread since the last <see cref="TakeExpCounts"/>.</summary>
    public static (long Calls, long Discrepancies) TakeExpCounts()
    {
        (long, long) counts = (t_expCalls, t_expDiscrepancies);
        t_expCalls = 0;
        t_expDiscrepancies = 0;
        return counts;
    }

    /// <inheritdoc/>
    public static Twin<T> Zero => Agreed(T.Zero);

    /// <inheritdoc/>
    public static Twin<T> One => Agreed(T.One);

    /// <inheritdoc/>
    public static Twin<T> PointFive => Agreed(T.One / (T.One + T.One));

    /// <inheritdoc/>
    public static Twin<T> Add(Twin<T> x, Twin<T> y) => Rounded(x.Spec + y.Spec, x.Cr + y.Cr, Up(x.Bound + y.Bound));

    /// <inheritdoc/>
    public static Twin<T> Sub(Twin<T> x, Twin<T> y) => Rounded(x.Spec - y.Spec, x.Cr - y.Cr, Up(x.Bound + y.Bound));

    /// <inheritdoc/>
    public static Twin<T> Mul(Twin<T> x, Twin<T> y) =>
        Rounded(x.Spec * y.Spec, x.Cr * y.Cr, Up(Up(Abs(x.Spec) * y.Bound) + Up(Abs(y.Cr) * x.Bound)));

    /// <inheritdoc/>
    public static Twin<T> Div(Twin<T> x, Twin<T> y) =>
        Rounded(x.Spec / y.Spec, x.Cr / y.Cr, y.Bound == 0 ? Up(x.Bound / Abs(y.Spec)) : double.PositiveInfinity);

    /// <inheritdoc/>
    public static Twin<T> Exp(Twin<T> x)
    {
        T spec = TSpec.Exp(x.Spec);
        T cr = CorrectlyRoundedExp.Exp<T, TFormat>(x.Cr);
        t_expCalls++;
        var result = new Twin<T>(spec, cr, 0);
        if (!result.Identical)
        {
            t_expDiscrepancies++;
        }

        if (x.Bound == 0)
        {
            return result with { Bound = result.Identical ? 0 : Difference(spec, cr) };
        }

        // The arguments differ too. Split |exp_spec(a) − exp_cr(a')| at the real values: the spec exp's error at a,
        // measured against the correctly rounded exp at a (within half an ulp of e^a); |e^a − e^a'| ≤ e^max(a, a')·|a − a'|
        // (mean value theorem, the larger correctly rounded result standing for e^max within an ulp); and the half ulp of
        // exp_cr(a').
        T crAtSpecArgument = CorrectlyRoundedExp.Exp<T, TFormat>(x.Spec);
        double larger = Math.Max(double.CreateTruncating(crAtSpecArgument), double.CreateTruncating(cr));
        double bound = Up(Up(Up(Difference(spec, crAtSpecArgument) + HalfUlp(crAtSpecArgument)) + Up(Up(Up(larger) * x.Bound))) + HalfUlp(cr));
        return result with { Bound = double.IsNaN(bound) ? double.PositiveInfinity : bound };
    }

    /// <inheritdoc/>
    public static Twin<T> NatCast(int n) => Agreed(T.CreateChecked(n));

    private static Twin<T> Agreed(T value) => new(value, value, 0);

    private static Twin<T> Rounded(T spec, T cr, double propagated)
    {
        if (propagated == 0)
        {
            // Agreed operands give identical results, except that a product with an agreed zero keeps each side's own
            // sign: −0 against +0 differ by 0, which a zero bound explains. Any other difference here has no exp
            // discrepancy behind it and must stay unexplained.
            var agreed = new Twin<T>(spec, cr, 0);
            return agreed.Identical || (T.IsZero(spec) && T.IsZero(cr)) ? agreed : agreed with { Bound = double.PositiveInfinity };
        }

        if (!T.IsFinite(spec) || !T.IsFinite(cr) || !double.IsFinite(propagated))
        {
            var twin = new Twin<T>(spec, cr, 0);
            return twin with { Bound = twin.Identical ? 0 : double.PositiveInfinity };
        }

        return new(spec, cr, Up(propagated + HalfUlp(spec) + HalfUlp(cr)));
    }

    private static double Difference(T a, T b) =>
        T.IsFinite(a) && T.IsFinite(b) ? Up(double.Abs(double.CreateTruncating(a) - double.CreateTruncating(b))) : double.PositiveInfinity;

    private static double Abs(T value) => double.Abs(double.CreateTruncating(value));

    /// <summary>Half the spacing above <c>|y|</c> in the format: at least the rounding error of any result that rounded to <c>y</c>.</summary>
    private static double HalfUlp(T y)
    {
        T magnitude = T.Abs(y);
        T above = T.BitIncrement(magnitude);

        // Above the largest finite value the spacing is the one just below it, not ∞ − MaxValue.
        T spacing = T.IsFinite(above) ? above - magnitude : magnitude - T.BitDecrement(magnitude);
        return 0.5 * double.CreateTruncating(spacing);
    }

    /// <summary>The next double up, so that bounds computed in binary64 stay bounds; an exact zero stays zero.</summary>
    private static double Up(double value) => double.IsFinite(value) && value != 0 ? Math.BitIncrement(value) : value;
}

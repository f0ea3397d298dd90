using System;
using System.Numerics;
using Latent.Golden.Numerics;
using Latent.Ieee;
using Latent.Oracles.Mpfr;

namespace Latent.Golden.Tolerance;

/// <summary>
/// The two faithful values of <c>e^x</c> in a format: the largest format value at most <c>e^x</c> (<see cref="Down"/>) and the
/// smallest at least <c>e^x</c> (<see cref="Up"/>). An <c>exp</c> within 1 ulp returns one of them; the strict profile's band is
/// the spec evaluated with each (<see cref="FaithfulExpContext{T, TFormat, TDirection}"/>).
/// </summary>
/// <remarks>
/// Computed from a 256-bit MPFR enclosure of <c>e^x</c> rounded outward: both ends must round alike, which fails only if
/// <c>e^x</c> lies within 2^−250 of a format value. For a nonzero rational <c>x</c> it never equals one (Lindemann–Weierstrass),
/// and no binary64 argument away from 0 comes that close (the worst cases of exp need about 2^−113, Lefèvre and Muller), so a
/// disagreement is reported as a bug; arguments below 2^−(p+2) in magnitude, where <c>e^x</c> is within <c>|x|</c> of 1, are
/// decided by their sign. Past MPFR's own exponent range <c>e^x</c> is below every format's least subnormal: the
/// downward value is +0 and the upward one the least subnormal.
/// </remarks>
internal static class FaithfulExp
{
    public static T Down<T, TFormat>(T x)
        where T : IBinaryFloatingPointIeee754<T>
        where TFormat : IBinaryFormat<T> => Directed<T, TFormat>(x, up: false);

    public static T Up<T, TFormat>(T x)
        where T : IBinaryFloatingPointIeee754<T>
        where TFormat : IBinaryFormat<T> => Directed<T, TFormat>(x, up: true);

    private static T Directed<T, TFormat>(T x, bool up)
        where T : IBinaryFloatingPointIeee754<T>
        where TFormat : IBinaryFormat<T>
    {
        if (T.IsNaN(x))
        {
            return T.NaN;
        }

        if (T.IsInfinity(x))
        {
            return T.IsNegative(x) ? T.Zero : T.PositiveInfinity;
        }

        if (T.IsZero(x))
        {
            return T.One;
        }

        // |x| < 2^−(p+2): e^x lies strictly between 1 and its neighbour on the side of x's sign, closer to 1 than any
        // fixed precision resolves (e^x − 1 ≈ x); the sign decides.
        if (double.Abs(double.CreateTruncating(x)) < double.ScaleB(1, -(TFormat.Precision + 2)))
        {
            bool positive = x > T.Zero;
            return positive ? (up ? T.BitIncrement(T.One) : T.One) : (up ? T.One : T.BitDecrement(T.One));
        }

        using var math = new BoundMath(FormatLimits.Of<T, TFormat>());
        Enclosure e = math.Exp(math.Exactly(double.CreateTruncating(x)));
        T a = up ? DirectedRounding.Up<T, TFormat>(e.Lo) : DirectedRounding.Down<T, TFormat>(e.Lo);
        T b = up ? DirectedRounding.Up<T, TFormat>(e.Hi) : DirectedRounding.Down<T, TFormat>(e.Hi);
        if (TFormat.ToBits(a) == TFormat.ToBits(b))
        {
            // Past 2^(emax+1) both neighbours of e^x in the unbounded format exceed MAX: both overflow to +∞. (Between MAX and
            // 2^(emax+1) the lower neighbour is MAX itself, within one ulp.)
            return !up && T.IsFinite(a) && TFormat.ToBits(T.BitIncrement(a)) == TFormat.ToBits(T.PositiveInfinity)
                && MpfrNative.Compare(e.Lo, math.PowerOfTwo(TFormat.MaxExponent + 1)) >= 0 ? T.PositiveInfinity : a;
        }

        if (MpfrNative.Sign(e.Lo) == 0)
        {
            // MPFR underflowed: 0 < e^x < every format's least subnormal.
            return up ? TFormat.FromBits(1) : T.Zero;
        }

        throw new InvalidOperationException($"The enclosure of exp({IeeeText.FormatDecimal(x)}) does not settle its {TFormat.Name} neighbours.");
    }
}

/// <summary>Which faithful neighbour of <c>e^x</c> a <see cref="FaithfulExpContext{T, TFormat, TDirection}"/> returns.</summary>
internal interface IExpDirection
{
    static abstract bool Up { get; }
}

/// <summary>The largest format value at most <c>e^x</c>.</summary>
internal readonly struct Downward : IExpDirection
{
    public static bool Up => false;
}

/// <summary>The smallest format value at least <c>e^x</c>.</summary>
internal readonly struct Upward : IExpDirection
{
    public static bool Up => true;
}

/// <summary>The format's IEEE arithmetic with one of the faithful <c>exp</c>s (<see cref="FaithfulExp"/>).</summary>
internal readonly struct FaithfulExpContext<T, TFormat, TDirection> : IContext<T>
    where T : IBinaryFloatingPointIeee754<T>
    where TFormat : IBinaryFormat<T>
    where TDirection : IExpDirection
{
    public static T Zero => IeeeContext<T>.Zero;

    public static T One => IeeeContext<T>.One;

    public static T PointFive => IeeeContext<T>.PointFive;

    public static T Add(T x, T y) => IeeeContext<T>.Add(x, y);

    public static T Sub(T x, T y) => IeeeContext<T>.Sub(x, y);

    public static T Mul(T x, T y) => IeeeContext<T>.Mul(x, y);

    public static T Div(T x, T y) => IeeeContext<T>.Div(x, y);

    public static T Exp(T x) => TDirection.Up ? FaithfulExp.Up<T, TFormat>(x) : FaithfulExp.Down<T, TFormat>(x);

    public static T NatCast(int n) => IeeeContext<T>.NatCast(n);
}

using System.Numerics;
using Latent.Ieee;
using Latent.Oracles.Exact;

namespace Latent.Properties.Differential;

/// <summary>
/// IEEE arithmetic with an <c>exp</c> up to 3 ulps away from the correctly rounded value (how far depends on the
/// argument's bits, so it is deterministic): a worse libm than glibc, still a faithful one. Like any real libm it keeps
/// results that are 0 or ∞ and does not push a finite result to 0 or ∞.
/// </summary>
internal readonly struct SloppyExpContext<T, TFormat> : IContext<T>
    where T : IBinaryFloatingPointIeee754<T>
    where TFormat : IBinaryFormat<T>
{
    public static T Zero => IeeeContext<T>.Zero;

    public static T One => IeeeContext<T>.One;

    public static T PointFive => IeeeContext<T>.PointFive;

    public static T Add(T x, T y) => IeeeContext<T>.Add(x, y);

    public static T Sub(T x, T y) => IeeeContext<T>.Sub(x, y);

    public static T Mul(T x, T y) => IeeeContext<T>.Mul(x, y);

    public static T Div(T x, T y) => IeeeContext<T>.Div(x, y);

    public static T NatCast(int n) => IeeeContext<T>.NatCast(n);

    public static T Exp(T x)
    {
        T e = ExactOracle.Exp<T, TFormat>(x);
        int shift = (int)(TFormat.ToBits(x) % 7) - 3;
        for (int i = 0; i < System.Math.Abs(shift) && T.IsFinite(e) && !T.IsZero(e); i++)
        {
            T next = shift > 0 ? T.BitIncrement(e) : T.BitDecrement(e);
            if (!T.IsFinite(next) || T.IsZero(next))
            {
                break;
            }

            e = next;
        }

        return e;
    }
}

/// <summary>A context with one wrong operation: its subtraction rounds up by one ulp whenever the result is not exact zero.</summary>
internal readonly struct SubtractionOffByOneUlpContext<T> : IContext<T>
    where T : IBinaryFloatingPointIeee754<T>
{
    public static T Zero => IeeeContext<T>.Zero;

    public static T One => IeeeContext<T>.One;

    public static T PointFive => IeeeContext<T>.PointFive;

    public static T Add(T x, T y) => IeeeContext<T>.Add(x, y);

    public static T Sub(T x, T y)
    {
        T d = x - y;
        return T.IsZero(d) || !T.IsFinite(d) ? d : T.BitIncrement(d);
    }

    public static T Mul(T x, T y) => IeeeContext<T>.Mul(x, y);

    public static T Div(T x, T y) => IeeeContext<T>.Div(x, y);

    public static T NatCast(int n) => IeeeContext<T>.NatCast(n);

    public static T Exp(T x) => IeeeContext<T>.Exp(x);
}

/// <summary>A context whose one half is not quite a half (the V1 constant typed wrong).</summary>
internal readonly struct WrongHalfContext<T> : IContext<T>
    where T : IBinaryFloatingPointIeee754<T>
{
    public static T Zero => IeeeContext<T>.Zero;

    public static T One => IeeeContext<T>.One;

    public static T PointFive => T.BitIncrement(T.One / (T.One + T.One));

    public static T Add(T x, T y) => IeeeContext<T>.Add(x, y);

    public static T Sub(T x, T y) => IeeeContext<T>.Sub(x, y);

    public static T Mul(T x, T y) => IeeeContext<T>.Mul(x, y);

    public static T Div(T x, T y) => IeeeContext<T>.Div(x, y);

    public static T NatCast(int n) => IeeeContext<T>.NatCast(n);

    public static T Exp(T x) => IeeeContext<T>.Exp(x);
}

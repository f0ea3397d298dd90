using System;
using System.Numerics;
using Latent.Golden.Tests.Support;

namespace Latent.Golden.Tests.Ports;

/// <summary>
/// C# ports that each make one of the choices the port profiles are about, all through the generic mirror (so the Lean
/// order is kept unless a port says otherwise) over a context of their own. Written for the profile tests; none shares
/// code with the generator's bands.
/// </summary>
internal sealed class ContextPort<TArithmetic> : ICSharpPort
    where TArithmetic : IArithmetic
{
    public T[] Exp<T>(T[] x)
        where T : IFloatingPointIeee754<T>
    {
        var r = new T[x.Length];
        GenerativeLatent.ExpTensor<T, PortContext<T, TArithmetic>>(x, r);
        return r;
    }

    public T[] Half<T>(T[] x)
        where T : IFloatingPointIeee754<T>
    {
        var r = new T[x.Length];
        GenerativeLatent.HalfTensor<T, PortContext<T, TArithmetic>>(x, r);
        return r;
    }

    public T[] Reparameterize<T>(T[] mu, T[] logvar, T[] eps)
        where T : IFloatingPointIeee754<T>
    {
        var r = new T[mu.Length];
        GenerativeLatent.ReparameterizeDiag<T, PortContext<T, TArithmetic>>(mu, logvar, eps, r);
        return r;
    }

    public T Kl<T>(T[] mu, T[] logvar, EmptyMeanConvention emptyMean)
        where T : IFloatingPointIeee754<T> =>
        TArithmetic.ReassociatesKl
            ? ReassociatedKl<T, PortContext<T, TArithmetic>>(mu, logvar, emptyMean)
            : GenerativeLatent.DiagonalGaussianKlToStandard<T, PortContext<T, TArithmetic>>(mu, logvar, emptyMean);

    /// <summary>The KL with each term computed as <c>e^l + (mu² − 1) − l</c> (a reassociation), everything else in the spec's order.</summary>
    private static T ReassociatedKl<T, TContext>(T[] mu, T[] logvar, EmptyMeanConvention emptyMean)
        where T : IFloatingPointIeee754<T>
        where TContext : IContext<T>
    {
        T sum = TContext.Zero;
        for (int i = 0; i < mu.Length; i++)
        {
            T term = TContext.Sub(TContext.Add(TContext.Exp(logvar[i]), TContext.Sub(TContext.Mul(mu[i], mu[i]), TContext.One)), logvar[i]);
            sum = TContext.Add(sum, term);
        }

        int n = mu.Length == 0 && emptyMean == EmptyMeanConvention.V3 ? 1 : mu.Length;
        return TContext.Mul(TContext.PointFive, TContext.Div(sum, TContext.NatCast(n)));
    }
}

/// <summary>The choices of one port: its exp, whether it flushes subnormals, whether it reassociates the KL term.</summary>
internal interface IArithmetic
{
    static abstract T Exp<T>(T x)
        where T : IFloatingPointIeee754<T>;

    static abstract bool Flushes { get; }

    static abstract bool ReassociatesKl { get; }
}

/// <summary>IEEE arithmetic in the format, with the port's exp and, for a flushing port, subnormal operands and results read as signed zeros.</summary>
internal readonly struct PortContext<T, TArithmetic> : IContext<T>
    where T : IFloatingPointIeee754<T>
    where TArithmetic : IArithmetic
{
    public static T Zero => T.Zero;

    public static T One => T.One;

    public static T PointFive => T.One / (T.One + T.One);

    public static T Add(T x, T y) => F(F(x) + F(y));

    public static T Sub(T x, T y) => F(F(x) - F(y));

    public static T Mul(T x, T y) => F(F(x) * F(y));

    public static T Div(T x, T y) => F(F(x) / F(y));

    public static T Exp(T x) => F(TArithmetic.Exp(F(x)));

    public static T NatCast(int n) => T.CreateChecked(n);

    private static T F(T x) => TArithmetic.Flushes && T.IsSubnormal(x) ? (T.IsNegative(x) ? T.NegativeZero : T.Zero) : x;
}

/// <summary>Exp helpers of the ports: the platform's exp moved by whole ulps, and the two faithful neighbours.</summary>
internal static class PortExp
{
    /// <summary>The platform's exp moved <paramref name="ulps"/> steps up or down (by the argument's last bit), kept finite and positive.</summary>
    public static T Moved<T>(T x, int ulps)
        where T : IFloatingPointIeee754<T>
    {
        T y = T.Exp(x);
        if (!T.IsFinite(y) || T.IsZero(y) || y == T.One)
        {
            return y;
        }

        bool up = (BitConverter.DoubleToInt64Bits(double.CreateTruncating(x)) & 1) == 0;
        T moved = y;
        for (int i = 0; i < ulps; i++)
        {
            moved = up ? T.BitIncrement(moved) : T.BitDecrement(moved);
        }

        return T.IsFinite(moved) && moved > T.Zero ? moved : y;
    }

    /// <summary>
    /// A faithful exp within 1 ulp: the exp in binary64 (glibc's, within 0.51 ulp of binary64), then rounded down or up (by the
    /// argument's last bit) into the format, except past the overflow threshold (always +inf): for binary32 and narrower formats that is always one of the two format values around e^x
    /// unless e^x is within a binary64 ulp of a format value, which no test reaches. For binary64 itself the platform's exp.
    /// </summary>
    public static T Faithful<T>(T x)
        where T : IFloatingPointIeee754<T>
    {
        if (typeof(T) == typeof(double))
        {
            return T.Exp(x);
        }

        double wide = Math.Exp(double.CreateTruncating(x));
        T nearest = T.CreateTruncating(wide);
        bool down = (BitConverter.DoubleToInt64Bits(double.CreateTruncating(x)) & 1) == 0;
        double n = double.CreateTruncating(nearest);

        // Past the overflow threshold the downward value would be MAX, many ulps below e^x: a port within 3 ulps (the
        // default profile) returns +inf there, so this one does too (+inf is still one of the two faithful values).
        if (n == wide || T.IsInfinity(nearest) || wide == 0)
        {
            return nearest;
        }

        if (down && n > wide)
        {
            return T.BitDecrement(nearest);
        }

        return !down && n < wide ? T.BitIncrement(nearest) : nearest;
    }
}

/// <summary>The strict profile's port: the Lean order, a faithful exp that rounds down or up.</summary>
internal readonly struct SpecOrderFaithful : IArithmetic
{
    public static T Exp<T>(T x)
        where T : IFloatingPointIeee754<T> => PortExp.Faithful(x);

    public static bool Flushes => false;

    public static bool ReassociatesKl => false;
}

/// <summary>The Lean order with an exp two ulps off: passes default, fails strict.</summary>
internal readonly struct SpecOrderTwoUlpExp : IArithmetic
{
    public static T Exp<T>(T x)
        where T : IFloatingPointIeee754<T> => PortExp.Moved(x, 2);

    public static bool Flushes => false;

    public static bool ReassociatesKl => false;
}

/// <summary>A GPU-like port: the Lean order, an exp within 2 ulps, subnormal operands and results flushed to signed zero.</summary>
internal readonly struct FlushToZero : IArithmetic
{
    public static T Exp<T>(T x)
        where T : IFloatingPointIeee754<T> => PortExp.Moved(x, 1);

    public static bool Flushes => true;

    public static bool ReassociatesKl => false;
}

/// <summary>The platform's exp and IEEE arithmetic, with the KL term reassociated: passes default, fails strict.</summary>
internal readonly struct ReassociatedTerm : IArithmetic
{
    public static T Exp<T>(T x)
        where T : IFloatingPointIeee754<T> => PortExp.Faithful(x);

    public static bool Flushes => false;

    public static bool ReassociatesKl => true;
}

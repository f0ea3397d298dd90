using System;
using System.Numerics;
using Latent.Ieee;
using Latent.Oracles;

namespace Latent.Golden.Generation;

/// <summary>
/// The spec-cr arithmetic that also notes whether any operand or result of any operation is subnormal: where one is, a
/// port that flushes subnormals (the gpu profile) may compute something else, so the test gets the flag
/// <c>SubnormalIntermediate</c> even when no input and no result is subnormal.
/// </summary>
internal readonly struct SubnormalWatch<T, TFormat> : IContext<T>
    where T : IBinaryFloatingPointIeee754<T>
    where TFormat : IBinaryFormat<T>
{
    [ThreadStatic]
    private static bool s_seen;

    /// <summary>Evaluates <paramref name="evaluate"/> and says whether it met a subnormal operand or result.</summary>
    public static bool Sees(Action evaluate)
    {
        ArgumentNullException.ThrowIfNull(evaluate);
        s_seen = false;
        evaluate();
        return s_seen;
    }

    public static T Zero => T.Zero;

    public static T One => T.One;

    public static T PointFive => CorrectlyRoundedContext<T, TFormat>.PointFive;

    public static T Add(T x, T y) => Watch(x, y, CorrectlyRoundedContext<T, TFormat>.Add(x, y));

    public static T Sub(T x, T y) => Watch(x, y, CorrectlyRoundedContext<T, TFormat>.Sub(x, y));

    public static T Mul(T x, T y) => Watch(x, y, CorrectlyRoundedContext<T, TFormat>.Mul(x, y));

    public static T Div(T x, T y) => Watch(x, y, CorrectlyRoundedContext<T, TFormat>.Div(x, y));

    public static T Exp(T x) => Watch(x, T.One, CorrectlyRoundedContext<T, TFormat>.Exp(x));

    public static T NatCast(int n) => CorrectlyRoundedContext<T, TFormat>.NatCast(n);

    private static T Watch(T x, T y, T result)
    {
        s_seen |= T.IsSubnormal(x) || T.IsSubnormal(y) || T.IsSubnormal(result);
        return result;
    }
}

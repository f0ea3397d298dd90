using System;
using System.Runtime.CompilerServices;

namespace Latent.Oracles.FastExp;

/// <summary>
/// The error-free transformations of binary64 arithmetic (round to nearest, ties to even) that the double-double
/// evaluation of <see cref="ExpKernel"/> is built from. Each returns a pair <c>(hi, lo)</c> with <c>hi + lo</c> equal to the
/// exact real result, so the only errors of the kernel are the ones its proof counts.
/// </summary>
internal static class ErrorFreeTransforms
{
    /// <summary>
    /// Knuth's TwoSum: <c>hi = RN(a + b)</c> and <c>lo = a + b − hi</c> exactly, for any finite <c>a</c>, <c>b</c> whose sum does
    /// not overflow (the error of a rounded addition is always representable, underflow included).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double TwoSum(double a, double b, out double lo)
    {
        double hi = a + b;
        double bVirtual = hi - a;
        double aVirtual = hi - bVirtual;
        lo = (a - aVirtual) + (b - bVirtual);
        return hi;
    }

    /// <summary>
    /// Dekker's FastTwoSum: <c>hi = RN(a + b)</c> and <c>lo = a + b − hi</c> exactly, provided <c>a = 0</c> or the exponent of
    /// <c>a</c> is at least that of <c>b</c> (for example <c>|a| ≥ |b|</c>).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double FastTwoSum(double a, double b, out double lo)
    {
        double hi = a + b;
        lo = b - (hi - a);
        return hi;
    }

    /// <summary>
    /// TwoProduct with an IEEE fused multiply-add: <c>hi = RN(a · b)</c> and <c>lo = a · b − hi</c>, exact unless <c>lo</c> falls
    /// below the subnormal range, where its error is at most <c>2^−1075</c>. <see cref="Math.FusedMultiplyAdd"/> is the
    /// single-rounding IEEE operation (hardware FMA, or the C library's correctly rounded <c>fma</c>); the proof of the
    /// kernel's bound relies on that and on nothing else about it.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double TwoProduct(double a, double b, out double lo)
    {
        double hi = a * b;
        lo = Math.FusedMultiplyAdd(a, b, -hi);
        return hi;
    }
}

using System;
using System.Numerics;
using Xunit;

namespace Latent.Properties.Support;

/// <summary>Assertions on IEEE values that distinguish +0 from −0 and compare every bit.</summary>
internal static class Same
{
    public static ulong Bits<T>(T value)
        where T : IFloatingPointIeee754<T> =>
        value switch
        {
            double d => BitConverter.DoubleToUInt64Bits(d),
            float f => BitConverter.SingleToUInt32Bits(f),
            _ => throw new NotSupportedException(typeof(T).Name),
        };

    /// <summary>Equal bit patterns; when <paramref name="expected"/> is NaN, any NaN (NaN encodings are the hardware's choice).</summary>
    public static void Value<T>(T expected, T actual)
        where T : IFloatingPointIeee754<T>
    {
        if (T.IsNaN(expected))
        {
            Assert.True(T.IsNaN(actual), $"expected NaN, got {actual} (0x{Bits(actual):X})");
            return;
        }

        Assert.True(
            Bits(expected) == Bits(actual),
            $"expected {expected} (0x{Bits(expected):X}), got {actual} (0x{Bits(actual):X})");
    }

    public static void Values<T>(ReadOnlySpan<T> expected, ReadOnlySpan<T> actual)
        where T : IFloatingPointIeee754<T>
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            Value(expected[i], actual[i]);
        }
    }

    /// <summary>Same bits, or both NaN (IEEE 754 leaves the payload of a propagated NaN unspecified).</summary>
    public static bool Equivalent<T>(T a, T b)
        where T : IFloatingPointIeee754<T> =>
        T.IsNaN(a) ? T.IsNaN(b) : Bits(a) == Bits(b);

    /// <summary>Exactly the same bits, NaN payloads included.</summary>
    public static bool Identical<T>(T a, T b)
        where T : IFloatingPointIeee754<T> =>
        Bits(a) == Bits(b);
}

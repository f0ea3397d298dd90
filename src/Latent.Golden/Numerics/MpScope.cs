using System;
using System.Collections.Generic;
using Latent.Oracles.Mpfr;

namespace Latent.Golden.Numerics;

/// <summary>
/// Owns every MPFR number made while bounding one test, and frees them all at once: the bound computations create many
/// short-lived numbers, and one scope per test keeps each of them freed exactly once.
/// </summary>
/// <remarks>
/// All numbers have <see cref="Precision"/> bits. MPFR's exponent range is far wider than any binary format's, so real
/// intermediates beyond the format's largest finite value (an <c>exp</c> that would overflow) stay finite and comparable.
/// </remarks>
internal sealed class MpScope : IDisposable
{
    /// <summary>Working precision of enclosures and bounds: far beyond binary64, so their own rounding is negligible.</summary>
    public const long Precision = 256;

    private readonly List<MpfrNumber> _numbers = [];

    /// <summary>A new number, initially NaN.</summary>
    public MpfrNumber New()
    {
        var number = new MpfrNumber(Precision);
        _numbers.Add(number);
        return number;
    }

    /// <summary>A new number holding <paramref name="value"/> exactly (every binary32 and binary64 value fits).</summary>
    public MpfrNumber Of(double value)
    {
        MpfrNumber number = New();
        MpfrNative.SetDouble(number, value, MpfrRound.Nearest);
        return number;
    }

    /// <summary>A new number holding <c>2^exponent</c> exactly.</summary>
    public MpfrNumber PowerOfTwo(long exponent)
    {
        MpfrNumber number = New();
        MpfrNative.SetUInt(number, 1, MpfrRound.Nearest);
        MpfrNative.MulPow2(number, number, (nint)exponent, MpfrRound.Nearest);
        return number;
    }

    /// <summary>A new number holding the nonnegative integer <paramref name="value"/> exactly.</summary>
    public MpfrNumber Integer(long value)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(value);
        MpfrNumber number = New();
        MpfrNative.SetUInt(number, (nuint)value, MpfrRound.Nearest);
        return number;
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        foreach (MpfrNumber number in _numbers)
        {
            number.Dispose();
        }

        _numbers.Clear();
    }
}

using System;
using System.Runtime.InteropServices;

namespace Latent.Oracles.Mpfr;

/// <summary>
/// One MPFR number (<c>mpfr_t</c>) of a fixed precision, owned by this object: the struct lives in native memory that
/// never moves, is initialized once and cleared exactly once when the handle is released.
/// </summary>
/// <remarks>Not thread-safe: use one instance from one thread at a time.</remarks>
public sealed class MpfrNumber : SafeHandle
{
    /// <summary>Creates a number of <paramref name="precision"/> significand bits, set to NaN (MPFR's initial value).</summary>
    public MpfrNumber(long precision)
        : base(IntPtr.Zero, ownsHandle: true)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(precision, 2);
        unsafe
        {
            nint memory = (nint)NativeMemory.AllocZeroed(MpfrNative.StructSize);
            MpfrNative.Init2(memory, (nint)precision);
            SetHandle(memory);
        }
    }

    /// <summary>Creates a number of <paramref name="precision"/> bits holding <paramref name="value"/> exactly (precision ≥ 53).</summary>
    public MpfrNumber(long precision, double value)
        : this(precision)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(precision, 53);
        MpfrNative.SetDouble(this, value, MpfrRound.Nearest);
    }

    /// <inheritdoc/>
    public override bool IsInvalid => handle == IntPtr.Zero;

    /// <summary>The precision in bits.</summary>
    public long Precision => MpfrNative.GetPrecision(this);

    /// <summary>Whether the value is NaN.</summary>
    public bool IsNaN => MpfrNative.IsNaN(this) != 0;

    /// <summary>Whether the value is ±∞.</summary>
    public bool IsInfinity => MpfrNative.IsInfinity(this) != 0;

    /// <summary>Whether the value is ±0.</summary>
    public bool IsZero => MpfrNative.IsZero(this) != 0;

    /// <summary>Whether the sign bit is set (also for −0, −∞ and NaN).</summary>
    public bool IsNegative => MpfrNative.SignBit(this) != 0;

    /// <summary>For a regular (finite, nonzero) value <c>m · 2^e</c> with <c>0.5 ≤ |m| &lt; 1</c>, the exponent <c>e</c>.</summary>
    /// <exception cref="InvalidOperationException">The value is NaN, ±∞ or ±0 (MPFR aborts the process on those).</exception>
    public long Exponent =>
        IsNaN || IsInfinity || IsZero
            ? throw new InvalidOperationException("Only a regular MPFR number has an exponent.")
            : MpfrNative.GetExponent(this);

    /// <summary>The MPFR library version, for example <c>4.2.0</c>.</summary>
    public static string LibraryVersion => Marshal.PtrToStringAnsi(MpfrNative.GetVersion()) ?? "unknown";

    /// <inheritdoc/>
    protected override bool ReleaseHandle()
    {
        MpfrNative.Clear(handle);
        unsafe
        {
            NativeMemory.Free((void*)handle);
        }

        return true;
    }
}

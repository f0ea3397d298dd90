using System.Runtime.InteropServices;

namespace Latent.Oracles.Mpfr;

/// <summary>
/// The MPFR 4 entry points the oracles use. An <see cref="MpfrNumber"/> argument marshals as the pointer to the
/// <c>mpfr_t</c> it owns (32 bytes on x86-64), kept alive for the duration of the call; C <c>long</c>
/// (<c>mpfr_prec_t</c>, <c>mpfr_exp_t</c>) is <c>nint</c> on LP64 Linux.
/// </summary>
internal static partial class MpfrNative
{
    /// <summary>Debian's <c>libmpfr6</c> ships only the versioned name.</summary>
    public const string Library = "libmpfr.so.6";

    /// <summary>Size of <c>__mpfr_struct</c> on x86-64: prec (8), sign (4 + 4 padding), exp (8), limb pointer (8).</summary>
    public const int StructSize = 32;

    [LibraryImport(Library, EntryPoint = "mpfr_init2")]
    public static partial void Init2(nint x, nint precision);

    [LibraryImport(Library, EntryPoint = "mpfr_clear")]
    public static partial void Clear(nint x);

    [LibraryImport(Library, EntryPoint = "mpfr_set_prec")]
    public static partial void SetPrecision(MpfrNumber x, nint precision);

    [LibraryImport(Library, EntryPoint = "mpfr_get_prec")]
    public static partial nint GetPrecision(MpfrNumber x);

    [LibraryImport(Library, EntryPoint = "mpfr_set")]
    public static partial int Set(MpfrNumber rop, MpfrNumber op, MpfrRound rnd);

    [LibraryImport(Library, EntryPoint = "mpfr_set_d")]
    public static partial int SetDouble(MpfrNumber rop, double op, MpfrRound rnd);

    [LibraryImport(Library, EntryPoint = "mpfr_set_ui")]
    public static partial int SetUInt(MpfrNumber rop, nuint op, MpfrRound rnd);

    [LibraryImport(Library, EntryPoint = "mpfr_set_zero")]
    public static partial void SetZero(MpfrNumber rop, int sign);

    [LibraryImport(Library, EntryPoint = "mpfr_get_d")]
    public static partial double GetDouble(MpfrNumber op, MpfrRound rnd);

    [LibraryImport(Library, EntryPoint = "mpfr_add")]
    public static partial int Add(MpfrNumber rop, MpfrNumber a, MpfrNumber b, MpfrRound rnd);

    [LibraryImport(Library, EntryPoint = "mpfr_sub")]
    public static partial int Sub(MpfrNumber rop, MpfrNumber a, MpfrNumber b, MpfrRound rnd);

    [LibraryImport(Library, EntryPoint = "mpfr_mul")]
    public static partial int Mul(MpfrNumber rop, MpfrNumber a, MpfrNumber b, MpfrRound rnd);

    [LibraryImport(Library, EntryPoint = "mpfr_div")]
    public static partial int Div(MpfrNumber rop, MpfrNumber a, MpfrNumber b, MpfrRound rnd);

    [LibraryImport(Library, EntryPoint = "mpfr_div_ui")]
    public static partial int DivUInt(MpfrNumber rop, MpfrNumber a, nuint b, MpfrRound rnd);

    [LibraryImport(Library, EntryPoint = "mpfr_mul_2si")]
    public static partial int MulPow2(MpfrNumber rop, MpfrNumber op, nint exponent, MpfrRound rnd);

    [LibraryImport(Library, EntryPoint = "mpfr_exp")]
    public static partial int Exp(MpfrNumber rop, MpfrNumber op, MpfrRound rnd);

    [LibraryImport(Library, EntryPoint = "mpfr_exp2")]
    public static partial int Exp2(MpfrNumber rop, MpfrNumber op, MpfrRound rnd);

    [LibraryImport(Library, EntryPoint = "mpfr_const_log2")]
    public static partial int ConstLog2(MpfrNumber rop, MpfrRound rnd);

    [LibraryImport(Library, EntryPoint = "mpfr_expm1")]
    public static partial int Expm1(MpfrNumber rop, MpfrNumber op, MpfrRound rnd);

    [LibraryImport(Library, EntryPoint = "mpfr_rint")]
    public static partial int Rint(MpfrNumber rop, MpfrNumber op, MpfrRound rnd);

    [LibraryImport(Library, EntryPoint = "mpfr_nextabove")]
    public static partial void NextAbove(MpfrNumber x);

    [LibraryImport(Library, EntryPoint = "mpfr_nextbelow")]
    public static partial void NextBelow(MpfrNumber x);

    [LibraryImport(Library, EntryPoint = "mpfr_cmp")]
    public static partial int Compare(MpfrNumber a, MpfrNumber b);

    [LibraryImport(Library, EntryPoint = "mpfr_cmpabs")]
    public static partial int CompareAbs(MpfrNumber a, MpfrNumber b);

    [LibraryImport(Library, EntryPoint = "mpfr_sgn")]
    public static partial int Sign(MpfrNumber op);

    [LibraryImport(Library, EntryPoint = "mpfr_nan_p")]
    public static partial int IsNaN(MpfrNumber op);

    [LibraryImport(Library, EntryPoint = "mpfr_inf_p")]
    public static partial int IsInfinity(MpfrNumber op);

    [LibraryImport(Library, EntryPoint = "mpfr_zero_p")]
    public static partial int IsZero(MpfrNumber op);

    [LibraryImport(Library, EntryPoint = "mpfr_signbit")]
    public static partial int SignBit(MpfrNumber op);

    [LibraryImport(Library, EntryPoint = "mpfr_get_exp")]
    public static partial nint GetExponent(MpfrNumber op);

    [LibraryImport(Library, EntryPoint = "mpfr_get_version")]
    public static partial nint GetVersion();
}

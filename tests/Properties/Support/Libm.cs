using System.Runtime.InteropServices;

namespace Latent.Properties.Support;

/// <summary>The C library's exponentials, called directly, as an independent reference for the platform context.</summary>
internal static partial class Libm
{
    private const string Library = "libm.so.6";

    [LibraryImport(Library, EntryPoint = "exp")]
    [UnmanagedCallConv(CallConvs = [typeof(System.Runtime.CompilerServices.CallConvCdecl)])]
    public static partial double Exp(double x);

    [LibraryImport(Library, EntryPoint = "expf")]
    [UnmanagedCallConv(CallConvs = [typeof(System.Runtime.CompilerServices.CallConvCdecl)])]
    public static partial float ExpF(float x);
}

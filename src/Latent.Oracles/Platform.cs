using System;
using System.Runtime.InteropServices;
using Latent.Oracles.Mpfr;

namespace Latent.Oracles;

/// <summary>The versions that decide the platform semantics (spec) and the oracle, for reports.</summary>
public static partial class Platform
{
    /// <summary>The C library version, e.g. <c>glibc 2.36</c>: its <c>exp</c> is what spec calls.</summary>
    public static string CLibrary
    {
        get
        {
            try
            {
                return "glibc " + (Marshal.PtrToStringAnsi(GnuGetLibcVersion()) ?? "?");
            }
            catch (EntryPointNotFoundException)
            {
                return "C library (not glibc)";
            }
            catch (DllNotFoundException)
            {
                return "C library (not glibc)";
            }
        }
    }

    /// <summary>The MPFR version behind the oracles.</summary>
    public static string Mpfr => "MPFR " + MpfrNumber.LibraryVersion;

    /// <summary>The .NET runtime, e.g. <c>.NET 10.0.12</c>.</summary>
    public static string Runtime => RuntimeInformation.FrameworkDescription;

    /// <summary>
    /// What the measured numbers depend on, for one line of a report: the C library (spec's <c>exp</c>), MPFR (the
    /// oracles) and the processor architecture. The .NET version is left out: it only forwards <c>exp</c> to the C library.
    /// </summary>
    public static string Summary => $"{CLibrary}, {Mpfr}, {RuntimeInformation.OSArchitecture}";

    [LibraryImport("libc.so.6", EntryPoint = "gnu_get_libc_version")]
    private static partial nint GnuGetLibcVersion();
}

using System;
using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace Latent.Golden.Reading;

/// <summary>
/// Whether a path (links followed) is a regular file, from <c>stat(2)</c>. Opening a FIFO blocks until something writes
/// to it, so a FIFO planted in a vector set would hang <c>latent check</c>; set files are therefore required to be
/// regular files before they are opened. .NET does not expose the file type, hence the call into the C library.
/// </summary>
internal static partial class FileKind
{
    // S_IFMT and S_IFREG of <sys/stat.h>: the same on every Linux architecture.
    private const uint TypeMask = 0xF000;
    private const uint RegularType = 0x8000;

    /// <summary>True or false when <c>stat</c> answered; null when it cannot be asked here (then the open decides).</summary>
    public static bool? IsRegular(string path)
    {
        // Where st_mode lies in glibc's struct stat: after st_dev, st_ino and st_nlink on x86-64, after st_dev and st_ino on arm64.
        int modeOffset = RuntimeInformation.ProcessArchitecture switch
        {
            Architecture.X64 => 24,
            Architecture.Arm64 => 16,
            _ => -1,
        };
        if (!OperatingSystem.IsLinux() || modeOffset < 0)
        {
            return null;
        }

        Span<byte> status = stackalloc byte[256]; // struct stat is 144 bytes on x86-64 and 128 on arm64
        try
        {
            if (Stat(path, status) != 0)
            {
                return null; // missing or unreadable: the open reports it with its own message
            }
        }
        catch (EntryPointNotFoundException)
        {
            return null; // glibc before 2.33 exports stat only as __xstat
        }

        return (BinaryPrimitives.ReadUInt32LittleEndian(status[modeOffset..]) & TypeMask) == RegularType;
    }

    private static unsafe int Stat(string path, Span<byte> status)
    {
        fixed (byte* buffer = status)
        {
            return StatNative(path, buffer);
        }
    }

    [LibraryImport("libc", EntryPoint = "stat", StringMarshalling = StringMarshalling.Utf8)]
    private static unsafe partial int StatNative(string path, byte* status);
}

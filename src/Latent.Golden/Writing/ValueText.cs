using System;
using Latent.Ieee;

namespace Latent.Golden.Writing;

/// <summary>Bit patterns and shortest round-trip decimals of the file formats, by format name.</summary>
public static class ValueText
{
    /// <summary>The formats that have vector files, in file order.</summary>
    public static string[] Formats { get; } = ["f64", "f32"];

    /// <summary>The width in bits of a format (<c>f64</c>: 64, <c>f32</c>: 32).</summary>
    public static int BitWidth(string format) => format switch
    {
        "f64" => 64,
        "f32" => 32,
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Expected f64 or f32."),
    };

    /// <summary><c>0x</c> and exactly <c>width / 4</c> upper-case hex digits.</summary>
    public static string Bits(string format, ulong bits) => format switch
    {
        "f64" => IeeeText.FormatBits<double, Binary64>(Binary64.FromBits(bits)),
        "f32" => "0x" + ((uint)bits).ToString("X8", System.Globalization.CultureInfo.InvariantCulture),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Expected f64 or f32."),
    };

    /// <summary>The shortest round-trip decimal (<c>nan</c>, <c>inf</c>, <c>-inf</c>, <c>-0</c> for the special values).</summary>
    public static string ShortestDecimal(string format, ulong bits) => format switch
    {
        "f64" => IeeeText.FormatDecimal(Binary64.FromBits(bits)),
        "f32" => IeeeText.FormatDecimal(Binary32.FromBits(bits)),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Expected f64 or f32."),
    };
}

using System.Numerics;
using Latent.Ieee;

namespace Latent.Golden.Writing;

/// <summary>Bit patterns and shortest round-trip decimals of the file formats, by format name.</summary>
public static class ValueText
{
    /// <summary>The formats that have vector files, in file order (<see cref="BinaryFormats.Names"/>).</summary>
    public static System.Collections.Generic.IReadOnlyList<string> Formats => BinaryFormats.Names;

    /// <summary>The width in bits of a format (<c>f64</c>: 64, <c>f32</c>: 32, <c>f16</c> and <c>bf16</c>: 16).</summary>
    public static int BitWidth(string format) => BinaryFormats.BitWidth(format);

    /// <summary><c>0x</c> and exactly <c>width / 4</c> upper-case hex digits.</summary>
    public static string Bits(string format, ulong bits) => BinaryFormats.Visit(format, new BitsText(bits));

    /// <summary>The shortest round-trip decimal (<c>nan</c>, <c>inf</c>, <c>-inf</c>, <c>-0</c> for the special values).</summary>
    public static string ShortestDecimal(string format, ulong bits) => BinaryFormats.Visit(format, new DecimalText(bits));

    private readonly struct BitsText(ulong bits) : IFormatVisitor<string>
    {
        public string Visit<T, TFormat>()
            where T : IBinaryFloatingPointIeee754<T>
            where TFormat : IBinaryFormat<T> => IeeeText.FormatBits<T, TFormat>(TFormat.FromBits(bits));
    }

    private readonly struct DecimalText(ulong bits) : IFormatVisitor<string>
    {
        public string Visit<T, TFormat>()
            where T : IBinaryFloatingPointIeee754<T>
            where TFormat : IBinaryFormat<T> => IeeeText.FormatDecimal(TFormat.FromBits(bits));
    }
}

using System.Linq;
using System.Numerics;
using Latent.Ieee;

namespace Latent.Properties.Generators;

/// <summary>How generated inputs print in a failure report: bit patterns first (exact, replayable), decimals beside them.</summary>
internal static class IeeeFormatText
{
    public static string Value<T, TFormat>(T value)
        where T : IBinaryFloatingPointIeee754<T>
        where TFormat : IBinaryFormat<T> =>
        $"{IeeeText.FormatBits<T, TFormat>(value)} ({IeeeText.FormatDecimal(value)})";

    public static string Values<T, TFormat>(T[] values)
        where T : IBinaryFloatingPointIeee754<T>
        where TFormat : IBinaryFormat<T> =>
        "[" + string.Join(", ", values.Select(Value<T, TFormat>)) + "]";
}

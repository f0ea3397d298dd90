using System;
using System.Numerics;
using Latent.Ieee;

namespace Latent.Cli.Text;

/// <summary>Comma-separated value lists on the command line; the empty string is the empty list.</summary>
internal static class ValueList
{
    public static T[] Parse<T, TFormat>(string optionName, string text)
        where T : IBinaryFloatingPointIeee754<T>
        where TFormat : IBinaryFormat<T>
    {
        if (text.Trim().Length == 0)
        {
            return [];
        }

        string[] parts = text.Split(',');
        var values = new T[parts.Length];
        for (int i = 0; i < parts.Length; i++)
        {
            RequireFullWidth(optionName, i, parts[i].Trim(), TFormat.BitWidth);
            string? error = IeeeText.TryParse<T, TFormat>(parts[i], out values[i]);
            if (error is not null)
            {
                throw new UsageException($"{optionName}: value {i + 1}: {error} (expected a decimal, nan, inf, -inf, -0 or 0x and {TFormat.BitWidth / 4} hex digits)");
            }
        }

        return values;
    }

    /// <summary>
    /// A bit pattern must have the format's full width: <c>0x3F800000</c> (1.0f) in an f64 run is an error, not the
    /// zero-padded subnormal <c>0x000000003F800000</c> it would silently become.
    /// </summary>
    private static void RequireFullWidth(string optionName, int index, string part, int bitWidth)
    {
        string digits = part.StartsWith('-') ? part[1..] : part;
        if (!digits.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        int width = digits.Length - 2;
        if (width != bitWidth / 4)
        {
            throw new UsageException($"{optionName}: value {index + 1}: '{Latent.Golden.Reading.SafeText.Excerpt(part)}' is not a f{bitWidth} bit pattern: it has {width} hex digits, a f{bitWidth} pattern has exactly {bitWidth / 4}");
        }
    }

    /// <summary>Requires a list to fill a shape exactly.</summary>
    public static void RequireSize<T>(string optionName, T[] values, Shape shape)
    {
        if (values.Length != shape.Size)
        {
            throw new UsageException($"{optionName} has {values.Length} values but the shape {shape} holds {shape.Size}");
        }
    }
}

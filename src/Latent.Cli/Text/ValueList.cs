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
            string? error = IeeeText.TryParse<T, TFormat>(parts[i], out values[i]);
            if (error is not null)
            {
                throw new UsageException($"{optionName}: value {i + 1}: {error} (expected a decimal, nan, inf, -inf, -0 or 0x and up to {TFormat.BitWidth / 4} hex digits)");
            }
        }

        return values;
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

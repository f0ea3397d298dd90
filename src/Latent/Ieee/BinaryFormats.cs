using System;
using System.Collections.Generic;
using System.Numerics;

namespace Latent.Ieee;

/// <summary>
/// Code that runs once per binary format: <see cref="BinaryFormats.Visit{TResult}"/> calls <see cref="Visit{T, TFormat}"/>
/// with the format's value type and descriptor, so a tool names a format by its string once and stays generic after.
/// </summary>
/// <typeparam name="TResult">What the code returns.</typeparam>
public interface IFormatVisitor<out TResult>
{
    /// <summary>Runs for one format.</summary>
    TResult Visit<T, TFormat>()
        where T : IBinaryFloatingPointIeee754<T>
        where TFormat : IBinaryFormat<T>;
}

/// <summary>
/// The one list of the binary formats Latent evaluates in, by their file and command-line names. Adding a format means
/// adding its descriptor here; every command, reader and generator dispatches through <see cref="Visit{TResult}"/>.
/// </summary>
public static class BinaryFormats
{
    /// <summary>Every format, in file order: <c>f64</c>, <c>f32</c>, <c>f16</c>, <c>bf16</c>.</summary>
    public static IReadOnlyList<string> Names { get; } = [Binary64.Name, Binary32.Name, Binary16.Name, BFloat16Format.Name];

    /// <summary>The names joined for messages: <c>f64, f32, f16 or bf16</c>.</summary>
    public static string Expected => string.Join(", ", Names.Take(Names.Count - 1)) + " or " + Names[^1];

    /// <summary>Whether <paramref name="name"/> is a format's name (case-sensitive, as in files).</summary>
    public static bool IsKnown(string? name) => name is not null && Names.Contains(name);

    /// <summary>Runs <paramref name="visitor"/> for the format named <paramref name="name"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="name"/> is not a format's name.</exception>
    public static TResult Visit<TResult>(string name, IFormatVisitor<TResult> visitor)
    {
        ArgumentNullException.ThrowIfNull(visitor);
        return name switch
        {
            "f64" => visitor.Visit<double, Binary64>(),
            "f32" => visitor.Visit<float, Binary32>(),
            "f16" => visitor.Visit<Half, Binary16>(),
            "bf16" => visitor.Visit<BFloat16, BFloat16Format>(),
            _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Expected " + Expected + "."),
        };
    }

    /// <summary>The width in bits of the format named <paramref name="name"/>.</summary>
    public static int BitWidth(string name) => Visit(name, new WidthOf());

    private readonly struct WidthOf : IFormatVisitor<int>
    {
        public int Visit<T, TFormat>()
            where T : IBinaryFloatingPointIeee754<T>
            where TFormat : IBinaryFormat<T> => TFormat.BitWidth;
    }

    private static IEnumerable<string> Take(this IReadOnlyList<string> list, int count)
    {
        for (int i = 0; i < count; i++)
        {
            yield return list[i];
        }
    }

    private static bool Contains(this IReadOnlyList<string> list, string name)
    {
        foreach (string n in list)
        {
            if (n == name)
            {
                return true;
            }
        }

        return false;
    }
}

using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using FsCheck;
using FsCheck.Fluent;

namespace Latent.Fuzz.Tests;

/// <summary>
/// Generators of hostile files: a valid seed of the corpus, damaged by one to four edits of the kinds that break readers
/// (bit flips, cuts, inserted JSON punctuation, escape and invalid UTF-8 bytes, a byte-order mark, repeated segments,
/// deep nesting, huge numbers, data after the value). Kept small so that the suite is bounded in CI.
/// </summary>
internal static class HostileBytes
{
    /// <summary>Fragments that reach the readers' edge cases when spliced into JSON.</summary>
    private static readonly byte[][] Fragments =
    [
        .. new[]
        {
            "{", "}", "[", "]", "\"", "\\", ",", ":", "null", "true", "-0", "1e400", "99999999999999999999", "0x", "0xFFFFFFFF",
            "\"0x7FF8000000000000\"", "\\u0000", "\\ud800", "\u001b[2J", "\r\n", "{}", "[[[[[[[[[[[[[[[[[[[[", "\"files\":{}",
            "\"schema\":\"latent-results-v1\"", "\"tcId\":1", "\"nan\":[\"required\"]",
        }.Select(Encoding.UTF8.GetBytes),
        [0xFF], [0xC3], [0xE2, 0x82], [0xEF, 0xBB, 0xBF], [0x00], [0xF4, 0x90, 0x80, 0x80],
    ];

    public static Gen<byte[]> Damaged(IReadOnlyList<byte[]> seeds) =>
        from seed in Gen.Elements(seeds.ToArray())
        from count in Gen.Choose(1, 4)
        from edits in Gen.ListOf(Edit, count)
        select edits.Aggregate(seed, (bytes, edit) => edit(bytes));

    private static Gen<Func<byte[], byte[]>> Edit => Gen.OneOf(
        from at in Gen.Choose(0, int.MaxValue) from bit in Gen.Choose(0, 7) select (Func<byte[], byte[]>)(b => Flip(b, at, bit)),
        from at in Gen.Choose(0, int.MaxValue) select (Func<byte[], byte[]>)(b => b[..(b.Length == 0 ? 0 : at % b.Length)]),
        from at in Gen.Choose(0, int.MaxValue) from f in Gen.Elements(Fragments) select (Func<byte[], byte[]>)(b => Insert(b, at, f)),
        from at in Gen.Choose(0, int.MaxValue) from length in Gen.Choose(1, 64) from to in Gen.Choose(0, int.MaxValue) select (Func<byte[], byte[]>)(b => Repeat(b, at, length, to)),
        from f in Gen.Elements(Fragments) select (Func<byte[], byte[]>)(b => [.. b, .. f]),
        Gen.Constant((Func<byte[], byte[]>)(b => [0xEF, 0xBB, 0xBF, .. b])),
        from depth in Gen.Choose(1, 200) from at in Gen.Choose(0, int.MaxValue) select (Func<byte[], byte[]>)(b => Insert(b, at, Encoding.UTF8.GetBytes(new string('[', depth)))));

    private static byte[] Flip(byte[] b, int at, int bit)
    {
        if (b.Length == 0)
        {
            return b;
        }

        byte[] copy = [.. b];
        copy[at % b.Length] ^= (byte)(1 << bit);
        return copy;
    }

    private static byte[] Insert(byte[] b, int at, byte[] fragment)
    {
        int i = b.Length == 0 ? 0 : at % (b.Length + 1);
        return [.. b[..i], .. fragment, .. b[i..]];
    }

    private static byte[] Repeat(byte[] b, int at, int length, int to)
    {
        if (b.Length == 0)
        {
            return b;
        }

        int start = at % b.Length;
        byte[] segment = b[start..Math.Min(b.Length, start + length)];
        return Insert(b, to, segment);
    }
}

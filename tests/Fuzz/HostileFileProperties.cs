using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Latent.Golden.Conformance;
using Latent.Golden.Generation;
using Xunit;

namespace Latent.Fuzz.Tests;

/// <summary>
/// Bounded property-based hostile-file tests, run in CI: damaged versions of valid results, vector and manifest files
/// are accepted or refused with one short escaped line, never another exception; a cut file and data after the value
/// are always refused; a byte-order mark changes nothing.
/// </summary>
public sealed class HostileFileProperties
{
    private const int Tests = 2000;

    public static TheoryData<string> Targets => [.. FuzzTargets.Names];

    [Theory]
    [MemberData(nameof(Targets))]
    public void Damaged_files_are_read_or_refused_with_a_short_input_error(string target)
    {
        Prop.ForAll(Arb.From(HostileBytes.Damaged(Seeds(target))), bytes => FuzzTargets.Run(target, bytes, FuzzInputs.Vectors))
            .Check(Config.QuickThrowOnFailure.WithMaxTest(Tests));
    }

    [Theory]
    [MemberData(nameof(Targets))]
    public void A_file_cut_anywhere_inside_its_value_is_refused(string target)
    {
        Gen<(byte[] Seed, int Cut)> cuts =
            from seed in Gen.Elements(Seeds(target).ToArray())
            from cut in Gen.Choose(0, LastByteOfValue(seed))
            select (seed, cut);
        Prop.ForAll(Arb.From(cuts), c => Refused(target, c.Seed[..c.Cut]))
            .Check(Config.QuickThrowOnFailure.WithMaxTest(Tests));
    }

    [Theory]
    [MemberData(nameof(Targets))]
    public void Data_after_the_value_is_refused(string target)
    {
        Gen<(byte[] Seed, string Trailer)> trailers =
            from seed in Gen.Elements(Seeds(target).ToArray())
            from space in Gen.Elements("", " ", "\n", "\r\n\t")
            from junk in Gen.Elements("{}", "[]", "0", "x", "\"s\"", "null", "}", "\u001b[0m", "//", ",")
            select (seed, space + junk);
        Prop.ForAll(Arb.From(trailers), t => Refused(target, [.. t.Seed, .. Encoding.UTF8.GetBytes(t.Trailer)]))
            .Check(Config.QuickThrowOnFailure.WithMaxTest(100));
    }

    [Theory]
    [MemberData(nameof(Targets))]
    public void A_byte_order_mark_changes_nothing(string target)
    {
        foreach (byte[] seed in Seeds(target))
        {
            // One mark is skipped, as RFC 8259 allows; a seed that has one already is compared without it.
            byte[] plain = seed.AsSpan().StartsWith((byte[])[0xEF, 0xBB, 0xBF]) ? seed[3..] : seed;
            Assert.Equal(Describe(target, plain), Describe(target, [0xEF, 0xBB, 0xBF, .. plain]));
        }
    }

    private static IReadOnlyList<byte[]> Seeds(string target) =>
        [.. FuzzInputs.Files("corpus").Where(f => f.Target == target).Select(f => FuzzInputs.Read(f.Path))];

    /// <summary>The index of the closing brace of the top-level value: a cut before it leaves an incomplete value.</summary>
    private static int LastByteOfValue(byte[] seed) => Array.LastIndexOf(seed, (byte)'}');

    private static void Refused(string target, byte[] bytes)
    {
        InputErrorException e = Assert.Throws<InputErrorException>(() => Describe(target, bytes));
        FuzzTargets.Run(target, bytes, FuzzInputs.Vectors); // and the message is short and escaped
        Assert.DoesNotContain('\n', e.Message);
    }

    /// <summary>What a reader made of the bytes, as text that can be compared.</summary>
    private static string Describe(string target, byte[] bytes)
    {
        switch (target)
        {
            case "results":
                PortResults r = ResultsReader.Parse(bytes, "f.json", FuzzInputs.Vectors);
                return r.Port + "|" + string.Join(",", r.Files.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => $"{f.Key}:{string.Join(";", f.Value.OrderBy(t => t.Key).Select(t => $"{t.Key}={string.Join("/", t.Value)}"))}"));
            case "vector":
                CheckedFile v = VectorReader.Parse(bytes, "f.json");
                return $"{v.Definition}|{v.Format}|{string.Join(",", v.Tests.Select(t => $"{t.TcId}:{string.Join("/", t.Expected)}"))}";
            default:
                Manifest m = ManifestReader.Parse(bytes, "MANIFEST.json");
                return $"{m.GeneratorVersion}|{m.Options.Seed}|{m.Options.Count}|{string.Join(",", m.Files)}";
        }
    }
}

using System;
using System.Collections.Generic;
using System.Linq;
using System.Numerics;
using Latent.Golden.Cases;
using Latent.Golden.Model;
using Latent.Oracles;
using Latent.Golden.Random;
using Latent.Ieee;

namespace Latent.Golden.Generation;

/// <summary>
/// Builds one vector file: the edge cases of the definition, then <c>count</c> seeded random cases from the file's own
/// random stream, their expectations and flags, grouped by shape. A pure function of (definition, format, seed, count).
/// </summary>
internal static class FileBuilder<T, TFormat>
    where T : IBinaryFloatingPointIeee754<T>
    where TFormat : IBinaryFormat<T>
{
    /// <summary>
    /// Builds the file. Its <c>specCr</c> values come from the Lean text; the C# mirror is run on every test with the same
    /// correctly rounded primitives, and each test where it gives other bits is added to <paramref name="mirrorMoved"/>:
    /// the vectors follow the text, so a disagreement means the mirror moved.
    /// </summary>
    public static VectorFile Build(Definition definition, ulong seed, int count, Action<int>? progress = null, ICollection<string>? mirrorMoved = null)
    {
        string stream = $"{definition.LeanName()}.{TFormat.Name}";
        var kit = new ValueKit<T, TFormat>(Xoshiro256StarStar.ForStream(seed, stream));
        var cases = new List<GoldenCase<T>>(Edges(definition, kit));
        for (int i = 0; i < count; i++)
        {
            cases.Add(RandomCase(definition, kit));
        }

        // Group by shape (and convention) in order of first appearance; within a group, keep the case order.
        var groups = new List<(int[] Shape, EmptyMeanConvention? EmptyMean, List<(GoldenCase<T> Case, IReadOnlyList<Expectation> Expected, List<string> Flags)> Tests)>();
        int done = 0;
        foreach (GoldenCase<T> c in cases)
        {
            IReadOnlyList<Expectation> expected = Expectations<T, TFormat>.Compute(definition, c);
            var flags = new List<string>(c.Flags);
            foreach (string f in Expectations<T, TFormat>.DerivedFlags(definition, c, expected))
            {
                if (!flags.Contains(f))
                {
                    flags.Add(f);
                }
            }

            var group = groups.Find(g => g.Shape.AsSpan().SequenceEqual(c.Shape) && g.EmptyMean == c.EmptyMean);
            if (group.Tests is null)
            {
                group = (c.Shape, c.EmptyMean, []);
                groups.Add(group);
            }

            group.Tests.Add((c, expected, flags));
            if (mirrorMoved is not null && MirrorDisagreement(definition, c, expected) is { } why)
            {
                mirrorMoved.Add($"{stream}: test {done + 1} ({c.Comment}): {why}");
            }

            progress?.Invoke(++done);
        }

        int tcId = 0;
        var testGroups = new List<TestGroup>();
        var usedFlags = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var (shape, emptyMean, tests) in groups)
        {
            var vectorTests = new List<VectorTest>();
            foreach (var (c, expected, flags) in tests)
            {
                usedFlags.UnionWith(flags);
                IReadOnlyList<string> names = definition.TensorInputs();
                var inputs = new List<NamedBits>();
                for (int k = 0; k < names.Count; k++)
                {
                    inputs.Add(new NamedBits(names[k], [.. c.Inputs[k].Select(v => TFormat.ToBits(v))]));
                }

                bool codebook = definition == Definition.QuantizeAt;
                vectorTests.Add(new VectorTest(++tcId, c.Comment, flags, inputs, codebook ? c.NumCodes : null, codebook ? c.Index : null, expected));
            }

            testGroups.Add(new TestGroup(shape, emptyMean, vectorTests));
        }

        var notes = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (string flag in usedFlags)
        {
            notes[flag] = Flags.Notes.TryGetValue(flag, out string? note) ? note : throw new InvalidOperationException($"Flag {flag} has no note.");
        }

        return new VectorFile(definition, TFormat.Name, seed, notes, testGroups);
    }

    /// <summary>The first element where the mirror, with correctly rounded primitives, differs from the text's <c>specCr</c>.</summary>
    private static string? MirrorDisagreement(Definition definition, GoldenCase<T> c, IReadOnlyList<Expectation> expected)
    {
        T[] mirror = c.ToInvocation(definition).Mirror<CorrectlyRoundedContext<T, TFormat>>();
        for (int i = 0; i < expected.Count; i++)
        {
            T text = TFormat.FromBits(expected[i].SpecCr);
            bool same = T.IsNaN(text) ? T.IsNaN(mirror[i]) : TFormat.ToBits(mirror[i]) == expected[i].SpecCr;
            if (!same)
            {
                return $"element {i}: mirror {IeeeText.FormatBits<T, TFormat>(mirror[i])}, spec text {IeeeText.FormatBits<T, TFormat>(text)}";
            }
        }

        return null;
    }

    /// <summary>The number of edge cases of a definition (for progress totals).</summary>
    public static int EdgeCount(Definition definition) =>
        Edges(definition, new ValueKit<T, TFormat>(new Xoshiro256StarStar(0))).Count();

    internal static IEnumerable<GoldenCase<T>> Edges(Definition definition, ValueKit<T, TFormat> kit) => definition switch
    {
        Definition.ExpTensor => ElementwiseCases.ExpEdges(kit),
        Definition.HalfTensor => ElementwiseCases.HalfEdges(kit),
        Definition.ReparameterizeDiag => ReparameterizeCases.Edges(kit),
        Definition.DiagonalGaussianKlToStandard => KlCases.Edges(kit),
        Definition.QuantizeAt => QuantizeCases.Edges(kit),
        _ => throw new ArgumentOutOfRangeException(nameof(definition)),
    };

    internal static GoldenCase<T> RandomCase(Definition definition, ValueKit<T, TFormat> kit) => definition switch
    {
        Definition.ExpTensor => ElementwiseCases.RandomExp(kit),
        Definition.HalfTensor => ElementwiseCases.RandomHalf(kit),
        Definition.ReparameterizeDiag => ReparameterizeCases.Random(kit),
        Definition.DiagonalGaussianKlToStandard => KlCases.Random(kit),
        Definition.QuantizeAt => QuantizeCases.Random(kit),
        _ => throw new ArgumentOutOfRangeException(nameof(definition)),
    };
}

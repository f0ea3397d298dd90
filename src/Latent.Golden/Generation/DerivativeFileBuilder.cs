using System;
using System.Collections.Generic;
using System.Linq;
using System.Numerics;
using Latent.Golden.Cases;
using Latent.Golden.Model;
using Latent.Golden.Random;
using Latent.Ieee;
using Latent.Oracles;

namespace Latent.Golden.Generation;

/// <summary>
/// Builds one derivative file: the definition's edge and random cases with finite inputs (IEEE's special values are the
/// forward files' business), a cotangent for a vector-Jacobian product, and per result element the expectations of
/// <see cref="DerivativeExpectations{T, TFormat}"/>. A pure function of (definition, derivative, format, seed, count).
/// </summary>
internal static class DerivativeFileBuilder<T, TFormat>
    where T : IBinaryFloatingPointIeee754<T>
    where TFormat : IBinaryFormat<T>
{
    public static VectorFile Build(Definition definition, Derivative derivative, ulong seed, int count, Action<int>? progress = null)
    {
        string stream = $"{Derivatives.Stem(definition, derivative)}.{TFormat.Name}";
        var kit = new ValueKit<T, TFormat>(Xoshiro256StarStar.ForStream(seed, stream));
        var cases = new List<GoldenCase<T>>(FileBuilder<T, TFormat>.Edges(definition, kit).Where(Finite));
        int target = cases.Count + RandomCount(count);
        for (int attempts = 0; cases.Count < target; attempts++)
        {
            if (attempts > 100 * (count + 1))
            {
                throw new InvalidOperationException($"{stream}: the random cases are too rarely finite.");
            }

            GoldenCase<T> c = FileBuilder<T, TFormat>.RandomCase(definition, kit);
            if (Finite(c))
            {
                cases.Add(c);
            }
        }

        var groups = new List<(int[] Shape, EmptyMeanConvention? EmptyMean, List<VectorTest> Tests)>();
        int tcId = 0, done = 0;
        var usedFlags = new SortedSet<string>(StringComparer.Ordinal);
        foreach (GoldenCase<T> input in cases)
        {
            GoldenCase<T> c = derivative == Derivative.Vjp ? input with { Inputs = [.. input.Inputs, Cotangent(kit, input.Size)] } : input;
            IReadOnlyList<Expectation> expected = DerivativeExpectations<T, TFormat>.Compute(definition, derivative, c);
            var flags = new List<string>(c.Flags);
            foreach (string f in DerivativeExpectations<T, TFormat>.DerivedFlags(c, expected))
            {
                if (!flags.Contains(f))
                {
                    flags.Add(f);
                }
            }

            usedFlags.UnionWith(flags);
            var group = groups.Find(g => g.Shape.AsSpan().SequenceEqual(c.Shape) && g.EmptyMean == c.EmptyMean);
            if (group.Tests is null)
            {
                group = (c.Shape, c.EmptyMean, []);
                groups.Add(group);
            }

            IReadOnlyList<string> names = Inputs(definition, derivative);
            var inputs = names.Select((name, k) => new NamedBits(name, [.. c.Inputs[k].Select(v => TFormat.ToBits(v))])).ToList();
            group.Tests.Add(new VectorTest(0, c.Comment, flags, inputs, null, null, expected));
            progress?.Invoke(++done);
        }

        var testGroups = groups.Select(g => new TestGroup(g.Shape, g.EmptyMean, [.. g.Tests.Select(t => t with { TcId = ++tcId })])).ToList();
        var notes = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (string flag in usedFlags)
        {
            notes[flag] = Flags.Notes.TryGetValue(flag, out string? note) ? note : throw new InvalidOperationException($"Flag {flag} has no note.");
        }

        return new VectorFile(definition, TFormat.Name, seed, notes, testGroups) { Derivative = derivative };
    }

    /// <summary>The number of tests a file will have: the finite edge cases plus <see cref="RandomCount"/>.</summary>
    public static int TestCount(Definition definition, int count) =>
        FileBuilder<T, TFormat>.Edges(definition, new ValueKit<T, TFormat>(new Xoshiro256StarStar(0))).Count(Finite) + RandomCount(count);

    /// <summary>
    /// A derivative file holds a quarter of the set's random tests (rounded up): each test has two or three result
    /// columns per element, and the quarter keeps a file near the size of a forward one.
    /// </summary>
    public static int RandomCount(int count) => (count + 3) / 4;

    /// <summary>The input names of a derivative file: the definition's, then the cotangent of a vector-Jacobian product.</summary>
    public static IReadOnlyList<string> Inputs(Definition definition, Derivative derivative) =>
        derivative == Derivative.Vjp ? [.. definition.TensorInputs(), Derivatives.Cotangent] : definition.TensorInputs();

    private static bool Finite(GoldenCase<T> c) => c.Inputs.All(v => v.All(T.IsFinite));

    /// <summary>A cotangent: moderate values, a wide magnitude, signed zeros and ±1, drawn from the file's stream.</summary>
    private static T[] Cotangent(ValueKit<T, TFormat> kit, int size)
    {
        var g = new T[size];
        for (int i = 0; i < size; i++)
        {
            double pick = kit.Random.NextUnit();
            g[i] = pick switch
            {
                < 0.5 => kit.Uniform(-4, 4),
                < 0.7 => kit.LogUniform(-10, 10),
                < 0.8 => T.Zero,
                < 0.85 => T.NegativeZero,
                < 0.95 => T.One,
                _ => -T.One,
            };
        }

        return g;
    }
}

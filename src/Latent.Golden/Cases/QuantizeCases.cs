using System.Collections.Generic;
using System.Numerics;
using Latent.Ieee;

namespace Latent.Golden.Cases;

/// <summary>
/// The cases of <c>quantizeAt book idx</c>. Every code differs from its neighbours in some element by more than a NaN
/// payload, so a port returning the neighbouring code fails.
/// </summary>
internal static class QuantizeCases
{
    public static IEnumerable<GoldenCase<T>> Edges<T, TFormat>(ValueKit<T, TFormat> kit)
        where T : IBinaryFloatingPointIeee754<T>
        where TFormat : IBinaryFormat<T>
    {
        T[] guide = [V<T>(0), V<T>(0), V<T>(1), V<T>(1), V<T>(-1), V<T>(0.5)];
        for (int idx = 0; idx < 3; idx++)
        {
            string[] flags = idx == 0 ? [Flags.GuideExample, Flags.FirstCode] : idx == 2 ? [Flags.GuideExample, Flags.LastCode] : [Flags.GuideExample];
            yield return Book([2], 3, idx, guide, "the guide's codebook [[0,0],[1,1],[-1,0.5]]", flags);
        }

        yield return Book([2], 1, 0, [V<T>(0.25), V<T>(-7)], "a single code", [Flags.SingleCode, Flags.FirstCode, Flags.LastCode]);
        yield return Book([], 2, 1, [V<T>(3), V<T>(4)], "scalar latent shape", [Flags.LastCode]);
        yield return Book<T>([0], 3, 1, [], "empty latent shape: the code is empty", []);
        yield return Book<T>([2, 0], 2, 0, [], "empty latent shape of rank 2", [Flags.FirstCode]);

        T nz = T.NegativeZero;
        yield return Book([2], 2, 0, [nz, T.Zero, T.Zero, nz], "signed zeros are copied, not normalized", [Flags.SignedZero, Flags.FirstCode]);
        yield return Book([2], 2, 1, [nz, T.Zero, T.Zero, nz], "signed zeros are copied, not normalized", [Flags.SignedZero, Flags.LastCode]);
        T[] nanBook = [ValueKit<T, TFormat>.PayloadNaN, V<T>(1), ValueKit<T, TFormat>.NegativeNaN, V<T>(2), ValueKit<T, TFormat>.SignalingNaN, V<T>(3)];
        for (int idx = 0; idx < 3; idx++)
        {
            yield return Book([2], 3, idx, nanBook, "NaN codes with payloads and signs", [Flags.NanPayload, Flags.NaN]);
        }

        T q = kit.Quantum;
        yield return Book([3], 3, 1, [q, -q, kit.MinNormal, T.PositiveInfinity, T.NegativeInfinity, kit.Max, -kit.Max, ValueKit<T, TFormat>.Previous(kit.MinNormal), q + q], "subnormals, infinities and extremes", [Flags.Subnormal, Flags.Infinity]);
        foreach (int[] shape in new[] { new[] { 2, 3 }, [2, 2, 2], [1, 2, 1, 2] })
        {
            int size = ElementwiseCases.Size(shape);
            const int Codes = 4;
            var values = new T[Codes * size];
            for (int i = 0; i < values.Length; i++)
            {
                values[i] = kit.Uniform(-4, 4);
            }

            yield return Book(shape, Codes, 0, values, $"latent shape [{string.Join(", ", shape)}], first code", [Flags.FirstCode]);
            yield return Book(shape, Codes, Codes - 1, values, $"latent shape [{string.Join(", ", shape)}], last code", [Flags.LastCode]);
        }
    }

    public static GoldenCase<T> Random<T, TFormat>(ValueKit<T, TFormat> kit)
        where T : IBinaryFloatingPointIeee754<T>
        where TFormat : IBinaryFormat<T>
    {
        int[] shape = RandomShapes.Next(kit.Random, 1, 8);
        int size = ElementwiseCases.Size(shape);
        int codes = kit.Random.NextInt(1, 6);
        int idx = kit.Random.NextInt(codes);
        bool bits = kit.Random.Chance(0.2);
        var values = new T[codes * size];
        for (int i = 0; i < values.Length; i++)
        {
            double r = kit.Random.NextUnit();
            values[i] = !bits ? kit.Uniform(-4, 4) : r < 0.3 ? kit.Special() : r < 0.6 ? kit.AnyBits() : kit.Uniform(-4, 4);
        }

        // Make code idx differ from both neighbours in element 0 by a non-NaN value.
        foreach (int neighbour in new[] { idx - 1, idx + 1 })
        {
            if (neighbour >= 0 && neighbour < codes && !Differ(values, idx * size, neighbour * size, size))
            {
                values[(idx * size) + 0] = kit.Uniform(5, 6);
            }
        }

        var flags = new List<string> { bits ? Flags.RandomBits : Flags.Random };
        if (idx == 0)
        {
            flags.Add(Flags.FirstCode);
        }

        if (idx == codes - 1)
        {
            flags.Add(Flags.LastCode);
        }

        if (codes == 1)
        {
            flags.Add(Flags.SingleCode);
        }

        return Book(shape, codes, idx, values, bits ? "random codebook with special values and bit patterns" : "random codebook", [.. flags]);
    }

    /// <summary>Whether two codes differ in some element other than by NaN payload.</summary>
    private static bool Differ<T>(T[] values, int a, int b, int size)
        where T : IBinaryFloatingPointIeee754<T>
    {
        for (int i = 0; i < size; i++)
        {
            T x = values[a + i], y = values[b + i];
            if (!(T.IsNaN(x) && T.IsNaN(y)) && (T.IsNaN(x) || T.IsNaN(y) || x != y || T.IsNegative(x) != T.IsNegative(y)))
            {
                return true;
            }
        }

        return false;
    }

    private static GoldenCase<T> Book<T>(int[] shape, int codes, int idx, T[] values, string comment, string[] flags) =>
        new(shape, [values], comment, flags) { NumCodes = codes, Index = idx };

    private static T V<T>(double value)
        where T : IBinaryFloatingPointIeee754<T> =>
        T.CreateTruncating(value);
}

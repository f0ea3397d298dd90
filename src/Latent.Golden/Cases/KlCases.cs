using System.Collections.Generic;
using System.Numerics;
using Latent.Ieee;

namespace Latent.Golden.Cases;

/// <summary>The cases of <c>diagonalGaussianKlToStandard mu logvar</c>, each under one empty-mean convention.</summary>
internal static class KlCases
{
    public static IEnumerable<GoldenCase<T>> Edges<T, TFormat>(ValueKit<T, TFormat> kit)
        where T : IBinaryFloatingPointIeee754<T>
        where TFormat : IBinaryFormat<T>
    {
        T zero = T.Zero, nz = T.NegativeZero, one = T.One, inf = T.PositiveInfinity, ninf = T.NegativeInfinity, nan = ValueKit<T, TFormat>.QuietNaN;
        yield return Case("guide: mu = [0.5, -0.25], logvar = 0: KL = 0.078125 (the mean; PyTorch's sum is 0.15625)", [Flags.GuideExample, Flags.SpecFacts, Flags.ExpOne], [V<T>(0.5), V<T>(-0.25)], [zero, zero]);
        yield return Case("standard normal: KL = +0", [Flags.SpecFacts, Flags.ExpOne], [zero, zero], [zero, zero]);
        yield return new GoldenCase<T>([], [[one], [zero]], "scalar latent: 0.5 * ((0 + 1) / 1) = 0.5", [Flags.SpecFacts, Flags.ExpOne]) { EmptyMean = EmptyMeanConvention.V1 };
        yield return Case("mu = -0: the zero-seeded fold gives +0", [Flags.SpecFacts, Flags.SignedZero, Flags.ExpOne], [nz], [zero]);
        yield return Case("logvar = +inf: inf - inf in the last subtraction is NaN (the real limit is +inf)", [Flags.SpecFacts, Flags.InfMinusInf], [zero], [inf]);
        yield return Case("logvar = -inf: (0 - 1) - (-inf) = +inf", [Flags.SpecFacts, Flags.Infinity], [zero], [ninf]);

        foreach (int[] shape in new[] { new[] { 0 }, [3, 0], [0, 2, 2] })
        {
            yield return new GoldenCase<T>(shape, [[], []], "empty shape, V1 mean: 0.5 * (0 / 0) = NaN", [Flags.EmptyMeanV1]) { EmptyMean = EmptyMeanConvention.V1 };
            yield return new GoldenCase<T>(shape, [[], []], "empty shape, V3 mean: 0.5 * (0 / 1) = +0", [Flags.EmptyMeanV3]) { EmptyMean = EmptyMeanConvention.V3 };
        }

        // Every pair of special classes, alone and beside a typical coordinate.
        T[] specials = [zero, nz, one, -one, kit.Quantum, kit.Max, -kit.Max, inf, ninf, nan, V<T>(-800)];
        foreach (T m in specials)
        {
            foreach (T l in specials)
            {
                yield return Case($"special classes: mu = {IeeeText.FormatDecimal(m)}, logvar = {IeeeText.FormatDecimal(l)}", [], [m], [l]);
                yield return Case($"special classes: mu = {IeeeText.FormatDecimal(m)}, logvar = {IeeeText.FormatDecimal(l)}, beside mu = 0.75, logvar = -0.5", [], [m, V<T>(0.75)], [l, V<T>(-0.5)]);
            }
        }

        // exp(logvar) at its edges.
        T edge = kit.ExpOverflowEdge;
        foreach (T l in new[] { ValueKit<T, TFormat>.Previous(edge), edge, ValueKit<T, TFormat>.Next(edge), edge + V<T>(1) })
        {
            yield return Case("exp(logvar) at the overflow edge", [Flags.ExpOverflow], [one, zero], [l, zero]);
        }

        foreach (T l in new[] { kit.ExpNormalEdge, ValueKit<T, TFormat>.Previous(kit.ExpNormalEdge), kit.ExpZeroEdge, ValueKit<T, TFormat>.Previous(kit.ExpZeroEdge), -kit.Max })
        {
            yield return Case("exp(logvar) subnormal or 0: the term is about -logvar", [Flags.ExpUnderflow], [V<T>(0.5), zero], [l, one]);
        }

        // mu² and the sum at the overflow edge.
        T root = kit.SquareOverflowEdge;
        yield return Case("mu * mu just below overflow", [], [root], [zero]);
        yield return Case("mu * mu overflows; the real KL is finite", [Flags.MuSquaredOverflow], [ValueKit<T, TFormat>.Next(root)], [zero]);
        T large = T.ScaleB(root, -1) + T.ScaleB(root, -2);
        yield return Case("two finite terms whose sum overflows; the real mean is finite", [Flags.SumOverflow], [large, large, large, large], [zero, zero, zero, zero]);

        // Cancellation in exp(l) - 1 - l: small logvar, zero mean.
        int smallest = TFormat.Precision + 8;
        for (int k = 1; k <= smallest; k += 3)
        {
            T l = T.ScaleB(one, -k);
            yield return Case($"logvar = +-2^-{k}, mu = 0: exp(l) - 1 - l cancels", [Flags.Cancellation], [zero, zero], [l, -l]);
        }

        // Below 1 the format's grid is 2^-p: for l = -(2j+1) 2^-(p+2) the rounded exp(l) lies under 1 + l, so the spec's
        // term (exp(l) - 1) - l is negative although the real one, about l^2 / 2, is positive.
        for (int j = 1; j <= 8; j++)
        {
            T l = -T.ScaleB(T.CreateTruncating((2 * j) + 1), -(TFormat.Precision + 2));
            yield return Case($"logvar = -{(2 * j) + 1} * 2^-{TFormat.Precision + 2}, mu = 0: the spec-order KL is negative", [Flags.Cancellation], [zero], [l]);
            yield return Case($"two coordinates with logvar = -{(2 * j) + 1} * 2^-{TFormat.Precision + 2}, mu = 0: the spec-order KL is negative", [Flags.Cancellation], [zero, nz], [l, l]);
        }

        T qn = kit.Quantum;
        yield return Case("subnormal mu and logvar", [Flags.Subnormal], [qn, -qn], [qn, -(qn + qn + qn)]);

        foreach (int[] shape in new[] { new[] { 1 }, [2, 3], [2, 2, 2], [1, 2, 1, 3], [2, 2, 2, 2], [16] })
        {
            int size = ElementwiseCases.Size(shape);
            T[] mu = new T[size], lv = new T[size];
            for (int i = 0; i < size; i++)
            {
                mu[i] = kit.Uniform(-4, 4);
                lv[i] = kit.Uniform(-8, 8);
            }

            yield return new GoldenCase<T>(shape, [mu, lv], $"shape [{string.Join(", ", shape)}] with typical values", []) { EmptyMean = EmptyMeanConvention.V1 };
        }
    }

    public static GoldenCase<T> Random<T, TFormat>(ValueKit<T, TFormat> kit)
        where T : IBinaryFloatingPointIeee754<T>
        where TFormat : IBinaryFormat<T>
    {
        // At least two coordinates, so that a sum taken for the mean differs from it.
        int[] shape = RandomShapes.Next(kit.Random, 2, 16);
        int size = ElementwiseCases.Size(shape);
        T[] mu = new T[size], lv = new T[size];
        double kind = kit.Random.NextUnit();
        string comment, flag;
        for (int i = 0; i < size; i++)
        {
            mu[i] = kit.Uniform(-4, 4);
            lv[i] = kit.Uniform(-8, 8);
        }

        if (kind < 0.55)
        {
            comment = "random mu and logvar";
            flag = Flags.Random;
        }
        else if (kind < 0.7)
        {
            comment = "random mu and logvar of wide magnitude";
            flag = Flags.RandomWide;
            double low = 1.05 * double.CreateTruncating(kit.ExpZeroEdge), high = 0.98 * double.CreateTruncating(kit.ExpOverflowEdge);
            for (int i = 0; i < size; i++)
            {
                mu[i] = kit.LogUniform(-40, 40);
                lv[i] = kit.Random.Chance(0.5) ? kit.Uniform(low, high) : kit.LogUniform(-40, 5);
            }
        }
        else if (kind < 0.85)
        {
            comment = "random small logvar and small mu: exp(l) - 1 - l + mu^2 cancels";
            flag = Flags.Cancellation;
            int deepest = TFormat.Precision / 2 + 4;
            bool zeroMean = kit.Random.Chance(0.4);
            for (int i = 0; i < size; i++)
            {
                // Tiny logvars (down to about 2^-p) make exp(l) - 1 - l vanish below the rounding of exp(l) near 1.
                lv[i] = kit.Random.Chance(0.3) ? kit.LogUniform(-TFormat.Precision - 2, -deepest) : kit.LogUniform(-deepest, -2);
                mu[i] = zeroMean || kit.Random.Chance(0.5) ? T.Zero : kit.LogUniform(-deepest, -4);
            }
        }
        else
        {
            comment = "random inputs mixed with special values and random bit patterns";
            flag = Flags.RandomBits;
            foreach (T[] input in new[] { mu, lv })
            {
                for (int i = 0; i < size; i++)
                {
                    double r = kit.Random.NextUnit();
                    input[i] = r < 0.1 ? kit.Special() : r < 0.15 ? kit.AnyBits() : input[i];
                }
            }
        }

        return new GoldenCase<T>(shape, [mu, lv], comment, [flag]) { EmptyMean = EmptyMeanConvention.V1 };
    }

    private static T V<T>(double value)
        where T : IBinaryFloatingPointIeee754<T> =>
        T.CreateTruncating(value);

    private static GoldenCase<T> Case<T>(string comment, string[] flags, T[] mu, T[] logvar) =>
        GoldenCase<T>.Vector(comment, flags, mu, logvar) with { EmptyMean = EmptyMeanConvention.V1 };
}

using System;
using System.Collections.Generic;
using System.Numerics;
using Latent.Oracles.FastExp;
using Latent.Ieee;
using Latent.Oracles.Exact;

namespace Latent.Golden.Cases;

/// <summary>The cases of <c>reparameterizeDiag mu logvar eps</c>.</summary>
internal static class ReparameterizeCases
{
    public static IEnumerable<GoldenCase<T>> Edges<T, TFormat>(ValueKit<T, TFormat> kit)
        where T : IBinaryFloatingPointIeee754<T>
        where TFormat : IBinaryFormat<T>
    {
        T h = V<T>(0.5), q = V<T>(-0.25), one = T.One, zero = T.Zero, nz = T.NegativeZero;
        T inf = T.PositiveInfinity, ninf = T.NegativeInfinity, nan = ValueKit<T, TFormat>.QuietNaN;
        yield return Case("guide: zero noise returns mu", [Flags.GuideExample, Flags.SpecFacts, Flags.ExpOne], [h, q], [zero, zero], [zero, zero]);
        yield return Case("guide: eps = 0.5 gives [1, 0.25] (decoder x2 gives the guide's [2, 0.5])", [Flags.GuideExample, Flags.SpecFacts, Flags.ExpOne], [h, q], [zero, zero], [h, h]);
        yield return Case("mu = 0, logvar = 0: z = eps", [Flags.SpecFacts, Flags.ExpOne], [zero, zero], [zero, zero], [V<T>(1.25), V<T>(-3)]);
        yield return new GoldenCase<T>([], [[one], [zero], [V<T>(0.25)]], "scalar latent: z = 1 + eps", [Flags.SpecFacts, Flags.ExpOne]);
        yield return Case("-0 + 1 * -0 = -0", [Flags.SpecFacts, Flags.SignedZero, Flags.ExpOne], [nz], [zero], [nz]);
        yield return Case("logvar = +inf, eps = 0: 0 * inf is NaN", [Flags.SpecFacts, Flags.ZeroTimesInf], [zero], [inf], [zero]);
        yield return Case("logvar = +inf, eps = 2: +inf", [Flags.SpecFacts, Flags.Infinity], [zero], [inf], [V<T>(2)]);
        yield return Case("logvar = -inf: mu + 0 * eps = mu", [Flags.SpecFacts, Flags.Infinity], [V<T>(3)], [ninf], [V<T>(5)]);
        yield return Case("logvar = -inf, eps = +inf: 0 * inf is NaN", [Flags.ZeroTimesInf], [one], [ninf], [inf]);
        yield return Case("mu = -inf against +inf scaled noise: NaN", [Flags.InfMinusInf], [ninf], [inf], [one]);
        yield return Case("mu = +inf against -inf noise: NaN", [Flags.InfMinusInf], [inf], [zero], [ninf]);

        // Every combination of special classes, one element each.
        T[] mus = [zero, nz, one, -kit.Max, inf, ninf, nan];
        T[] logvars = [zero, nz, one, V<T>(-40), T.ScaleB(kit.ExpOverflowEdge, 1), T.ScaleB(kit.ExpZeroEdge, 1), inf, ninf, nan];
        T[] noises = [zero, nz, one, -one, inf, ninf, nan];
        foreach (T m in mus)
        {
            foreach (T l in logvars)
            {
                foreach (T e in noises)
                {
                    yield return Case($"special classes: mu = {IeeeText.FormatDecimal(m)}, logvar = {IeeeText.FormatDecimal(l)}, eps = {IeeeText.FormatDecimal(e)}", [], [m], [l], [e]);
                }
            }
        }

        // exp(logvar * 0.5) at its overflow and underflow edges.
        T overflowHalf = T.ScaleB(kit.ExpOverflowEdge, 1);
        foreach (T l in new[] { ValueKit<T, TFormat>.Previous(overflowHalf), overflowHalf, ValueKit<T, TFormat>.Next(overflowHalf), T.ScaleB(ValueKit<T, TFormat>.Next(kit.ExpOverflowEdge), 1) })
        {
            yield return Case("exp(logvar / 2) at the overflow edge, eps = 0.5: the spec overflows where the real z may be finite", [Flags.ExpOverflow], [zero], [l], [h]);
            yield return Case("exp(logvar / 2) at the overflow edge, eps = 0", [Flags.ExpOverflow], [one], [l], [zero]);
            yield return Case("exp(logvar / 2) at the overflow edge against a huge negative mean", [Flags.ExpOverflow], [-kit.Max], [l], [V<T>(1.5)]);
        }

        T zeroHalf = T.ScaleB(kit.ExpZeroEdge, 1);
        foreach (T l in new[] { T.ScaleB(kit.ExpNormalEdge, 1), zeroHalf, ValueKit<T, TFormat>.Previous(zeroHalf) })
        {
            yield return Case("exp(logvar / 2) subnormal or 0: z = mu + tiny", [Flags.ExpUnderflow], [zero, one], [l, l], [one, V<T>(-3)]);
        }

        // The product overflows although mu brings the real sum back (a fused multiply-add stays finite).
        T big = T.ScaleB(kit.ExpOverflowEdge, 1) - V<T>(2);
        yield return Case("s * eps overflows, mu = -max brings the real z back into range", [Flags.ExpOverflow], [-kit.Max], [big], [V<T>(3)]);

        // Subnormal inputs and an odd subnormal logvar, whose halving rounds.
        T qn = kit.Quantum;
        yield return Case("subnormal mu and eps", [Flags.Subnormal], [qn, -qn, qn + qn + qn], [zero, one, V<T>(-2)], [qn, qn, -qn]);
        yield return Case("odd subnormal logvar: logvar * 0.5 rounds", [Flags.Subnormal, Flags.HalfRounds], [one], [qn + qn + qn], [one]);

        // Cancellation: mu = -(s * eps) up to a few ulps.
        foreach (double l in new[] { 0.3, -1.7, 2.9, -6.1 })
        {
            T lv = V<T>(l), e = V<T>(1.375);
            T p = CorrectlyRoundedExp.Exp<T, TFormat>(lv * V<T>(0.5)) * e;
            yield return Case("mu = -(s * eps): z is 0 in the spec, the error of exp in absolute terms", [Flags.Cancellation], [-p], [lv], [e]);
            yield return Case("mu = -(s * eps) + 1 ulp", [Flags.Cancellation], [ValueKit<T, TFormat>.Next(-p)], [lv], [e]);
        }

        foreach (int[] shape in new[] { Array.Empty<int>(), [0], [2, 0, 3], [2, 3], [2, 2, 2], [1, 2, 1, 3], [2, 2, 2, 2] })
        {
            int size = ElementwiseCases.Size(shape);
            T[] mu = new T[size], lv = new T[size], ep = new T[size];
            for (int i = 0; i < size; i++)
            {
                mu[i] = kit.Uniform(-4, 4);
                lv[i] = kit.Uniform(-8, 8);
                ep[i] = kit.Uniform(-4, 4);
            }

            yield return new GoldenCase<T>(shape, [mu, lv, ep], $"shape [{string.Join(", ", shape)}] with typical values", []);
        }
    }

    public static GoldenCase<T> Random<T, TFormat>(ValueKit<T, TFormat> kit)
        where T : IBinaryFloatingPointIeee754<T>
        where TFormat : IBinaryFormat<T>
    {
        int[] shape = RandomShapes.Next(kit.Random, 1, 12);
        int size = ElementwiseCases.Size(shape);
        T[] mu = new T[size], lv = new T[size], eps = new T[size];
        double kind = kit.Random.NextUnit();
        string comment, flag;
        double overflowArgument = 2 * double.CreateTruncating(kit.ExpOverflowEdge), zeroArgument = 2 * double.CreateTruncating(kit.ExpZeroEdge);
        for (int i = 0; i < size; i++)
        {
            mu[i] = kit.Uniform(-4, 4);
            lv[i] = kit.Uniform(-8, 8);
            eps[i] = kit.Uniform(-4, 4);
        }

        if (kind < 0.5)
        {
            comment = "random mu, logvar, eps";
            flag = Flags.Random;
        }
        else if (kind < 0.7)
        {
            comment = "random inputs of wide magnitude";
            flag = Flags.RandomWide;
            for (int i = 0; i < size; i++)
            {
                mu[i] = kit.Random.Chance(0.2) ? kit.AnyFinite() : kit.LogUniform(-60, 60);
                lv[i] = kit.Uniform(zeroArgument * 1.02, overflowArgument * 1.02);
                eps[i] = kit.Random.Chance(0.2) ? kit.AnyFinite() : kit.LogUniform(-60, 60);
            }
        }
        else if (kind < 0.85)
        {
            comment = "random inputs where mu nearly cancels exp(logvar / 2) * eps";
            flag = Flags.Cancellation;
            for (int i = 0; i < size; i++)
            {
                T p = CorrectlyRoundedExp.Exp<T, TFormat>(lv[i] * V<T>(0.5)) * eps[i];
                T m = -p;
                for (int step = kit.Random.NextInt(-3, 3); step != 0; step -= int.Sign(step))
                {
                    m = step > 0 ? ValueKit<T, TFormat>.Next(m) : ValueKit<T, TFormat>.Previous(m);
                }

                mu[i] = m;
            }
        }
        else
        {
            comment = "random inputs mixed with special values and random bit patterns";
            flag = Flags.RandomBits;
            foreach (T[] input in new[] { mu, lv, eps })
            {
                for (int i = 0; i < size; i++)
                {
                    double r = kit.Random.NextUnit();
                    input[i] = r < 0.15 ? kit.Special() : r < 0.25 ? kit.AnyBits() : input[i];
                }
            }
        }

        return new GoldenCase<T>(shape, [mu, lv, eps], comment, [flag]);
    }

    private static T V<T>(double value)
        where T : IBinaryFloatingPointIeee754<T> =>
        T.CreateTruncating(value);

    private static GoldenCase<T> Case<T>(string comment, string[] flags, T[] mu, T[] logvar, T[] eps) =>
        GoldenCase<T>.Vector(comment, flags, mu, logvar, eps);
}

using System;
using System.Collections.Generic;
using System.Numerics;
using Latent.Ieee;

namespace Latent.Golden.Cases;

/// <summary>The cases of <c>expTensor</c> and <c>halfTensor</c>: one input tensor <c>x</c>.</summary>
internal static class ElementwiseCases
{
    public static IEnumerable<GoldenCase<T>> ExpEdges<T, TFormat>(ValueKit<T, TFormat> kit)
        where T : IBinaryFloatingPointIeee754<T>
        where TFormat : IBinaryFormat<T>
    {
        T one = T.One;
        yield return One("exp(+0) = 1", [Flags.ExpOne, Flags.SpecFacts], T.Zero);
        yield return One("exp(-0) = 1", [Flags.ExpOne, Flags.SignedZero, Flags.SpecFacts], T.NegativeZero);
        yield return One("exp(+inf) = +inf", [Flags.Infinity, Flags.SpecFacts], T.PositiveInfinity);
        yield return One("exp(-inf) = +0", [Flags.Infinity, Flags.SpecFacts], T.NegativeInfinity);
        yield return One("exp(1) = e", [], one);
        yield return One("exp(-1)", [], -one);
        yield return One("largest argument with a finite exp", [Flags.ExpOverflow], kit.ExpOverflowEdge);
        yield return One("smallest argument whose exp overflows", [Flags.ExpOverflow], ValueKit<T, TFormat>.Next(kit.ExpOverflowEdge));
        yield return One("argument one step below the overflow edge", [Flags.ExpOverflow], ValueKit<T, TFormat>.Previous(kit.ExpOverflowEdge));
        yield return One("exp(max) overflows", [Flags.ExpOverflow], kit.Max);
        yield return One("smallest argument whose exp is normal", [Flags.ExpUnderflow], kit.ExpNormalEdge);
        yield return One("largest argument whose exp is subnormal", [Flags.ExpUnderflow, Flags.Subnormal], ValueKit<T, TFormat>.Previous(kit.ExpNormalEdge));
        yield return One("smallest argument whose exp is not 0", [Flags.ExpUnderflow, Flags.Subnormal], kit.ExpZeroEdge);
        yield return One("largest argument whose exp rounds to +0", [Flags.ExpUnderflow], ValueKit<T, TFormat>.Previous(kit.ExpZeroEdge));
        yield return One("exp(-max) = +0", [Flags.ExpUnderflow], -kit.Max);
        yield return One("exp of the smallest subnormal", [Flags.Subnormal, Flags.ExpOne], kit.Quantum);
        yield return One("exp of minus the smallest subnormal", [Flags.Subnormal, Flags.ExpOne], -kit.Quantum);
        yield return One("exp of the smallest normal", [], kit.MinNormal);
        yield return One("exp of a tiny negative normal: 1 - tiny rounds to the value below 1 or to 1", [], -kit.MinNormal);
        yield return One("exp of 2^-p: just above 1", [], T.ScaleB(one, -TFormat.Precision));
        yield return One("exp of -2^-p: just below 1", [], -T.ScaleB(one, -TFormat.Precision));
        foreach (T nan in new[] { ValueKit<T, TFormat>.QuietNaN, ValueKit<T, TFormat>.NegativeNaN, ValueKit<T, TFormat>.PayloadNaN, ValueKit<T, TFormat>.SignalingNaN })
        {
            yield return One("exp(NaN) is NaN", [Flags.NaN], nan);
        }

        foreach (GoldenCase<T> c in CommonShapes(kit, (k, n) => k.Uniform(-30, 30)))
        {
            yield return c;
        }

        yield return GoldenCase<T>.Vector("all special values in one tensor", [], [.. kit.Specials]);
    }

    public static IEnumerable<GoldenCase<T>> HalfEdges<T, TFormat>(ValueKit<T, TFormat> kit)
        where T : IBinaryFloatingPointIeee754<T>
        where TFormat : IBinaryFormat<T>
    {
        T q = kit.Quantum;
        yield return One("+0 * 0.5 = +0", [Flags.SignedZero], T.Zero);
        yield return One("-0 * 0.5 = -0", [Flags.SignedZero], T.NegativeZero);
        yield return One("eta * 0.5 is a tie between 0 and eta: rounds to even, +0", [Flags.HalfRounds, Flags.Subnormal, Flags.SignedZero], q);
        yield return One("-eta * 0.5 rounds to -0", [Flags.HalfRounds, Flags.Subnormal, Flags.SignedZero], -q);
        yield return One("3 eta * 0.5 = 1.5 eta: a tie, rounds to 2 eta", [Flags.HalfRounds, Flags.Subnormal], q + q + q);
        yield return One("5 eta * 0.5 = 2.5 eta: a tie, rounds to 2 eta", [Flags.HalfRounds, Flags.Subnormal], q + q + q + q + q);
        yield return One("smallest normal halves exactly into a subnormal", [Flags.Subnormal], kit.MinNormal);
        yield return One("smallest normal plus eta halves with rounding", [Flags.HalfRounds, Flags.Subnormal], kit.MinNormal + q);
        yield return One("largest subnormal halves with rounding", [Flags.HalfRounds, Flags.Subnormal], ValueKit<T, TFormat>.Previous(kit.MinNormal));
        yield return One("max * 0.5 is exact", [], kit.Max);
        yield return One("-max * 0.5 is exact", [], -kit.Max);
        yield return One("+inf * 0.5 = +inf", [Flags.Infinity], T.PositiveInfinity);
        yield return One("-inf * 0.5 = -inf", [Flags.Infinity], T.NegativeInfinity);
        yield return One("1 * 0.5", [], T.One);
        foreach (T nan in new[] { ValueKit<T, TFormat>.QuietNaN, ValueKit<T, TFormat>.NegativeNaN, ValueKit<T, TFormat>.PayloadNaN, ValueKit<T, TFormat>.SignalingNaN })
        {
            yield return One("NaN * 0.5 is NaN", [Flags.NaN], nan);
        }

        foreach (GoldenCase<T> c in CommonShapes(kit, (k, n) => k.Uniform(-4, 4)))
        {
            yield return c;
        }

        yield return GoldenCase<T>.Vector("all special values in one tensor", [], [.. kit.Specials]);
    }

    public static GoldenCase<T> RandomExp<T, TFormat>(ValueKit<T, TFormat> kit)
        where T : IBinaryFloatingPointIeee754<T>
        where TFormat : IBinaryFormat<T>
    {
        double low = double.CreateTruncating(kit.ExpZeroEdge) * 1.02, high = double.CreateTruncating(kit.ExpOverflowEdge) * 1.02;
        return RandomCase(kit, "random arguments", k => k.Uniform(-30, 30), "random arguments over the whole domain of exp", k => k.Random.Chance(0.5) ? k.Uniform(low, high) : k.LogUniform(-TFormat.Precision - 8, 6));
    }

    public static GoldenCase<T> RandomHalf<T, TFormat>(ValueKit<T, TFormat> kit)
        where T : IBinaryFloatingPointIeee754<T>
        where TFormat : IBinaryFormat<T> =>
        RandomCase(kit, "random values", k => k.Uniform(-4, 4), "random finite values of every magnitude", k => k.AnyFinite());

    private static GoldenCase<T> RandomCase<T, TFormat>(ValueKit<T, TFormat> kit, string typicalComment, System.Func<ValueKit<T, TFormat>, T> typical, string wideComment, System.Func<ValueKit<T, TFormat>, T> wide)
        where T : IBinaryFloatingPointIeee754<T>
        where TFormat : IBinaryFormat<T>
    {
        int[] shape = RandomShapes.Next(kit.Random, 1, 12);
        int size = Size(shape);
        double kind = kit.Random.NextUnit();
        var x = new T[size];
        string comment;
        string flag;
        if (kind < 0.6)
        {
            comment = typicalComment;
            flag = Flags.Random;
            for (int i = 0; i < size; i++)
            {
                x[i] = typical(kit);
            }
        }
        else if (kind < 0.85)
        {
            comment = wideComment;
            flag = Flags.RandomWide;
            for (int i = 0; i < size; i++)
            {
                x[i] = wide(kit);
            }
        }
        else
        {
            comment = "random values mixed with special values and random bit patterns";
            flag = Flags.RandomBits;
            for (int i = 0; i < size; i++)
            {
                double r = kit.Random.NextUnit();
                x[i] = r < 0.3 ? kit.Special() : r < 0.5 ? kit.AnyBits() : typical(kit);
            }
        }

        return new GoldenCase<T>(shape, [x], comment, [flag]);
    }

    /// <summary>Scalar, empty and high-rank shapes filled with typical values.</summary>
    private static IEnumerable<GoldenCase<T>> CommonShapes<T, TFormat>(ValueKit<T, TFormat> kit, System.Func<ValueKit<T, TFormat>, int, T> value)
        where T : IBinaryFloatingPointIeee754<T>
        where TFormat : IBinaryFormat<T>
    {
        foreach (int[] shape in new[] { Array.Empty<int>(), [0], [3, 0], [0, 2, 2], [2, 3], [2, 2, 3], [2, 1, 2, 3], [1, 1, 1, 1] })
        {
            int size = Size(shape);
            var x = new T[size];
            for (int i = 0; i < size; i++)
            {
                x[i] = value(kit, i);
            }

            yield return new GoldenCase<T>(shape, [x], $"shape [{string.Join(", ", shape)}] with typical values", []);
        }
    }

    private static GoldenCase<T> One<T>(string comment, string[] flags, T x) => GoldenCase<T>.Vector(comment, flags, [x]);

    internal static int Size(int[] shape)
    {
        int size = 1;
        foreach (int d in shape)
        {
            size *= d;
        }

        return size;
    }
}

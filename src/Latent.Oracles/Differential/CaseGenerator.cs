using System;
using System.Numerics;
using Latent.Ieee;

namespace Latent.Oracles.Differential;

/// <summary>
/// Draws differential test cases. Case <c>i</c> of a run depends only on the seed, the definition and <c>i</c>, so a
/// run is reproducible whatever the number of threads, and any single case can be regenerated from its index.
/// </summary>
/// <typeparam name="T">The scalar type.</typeparam>
/// <typeparam name="TFormat">Its binary format.</typeparam>
public static class CaseGenerator<T, TFormat>
    where T : IBinaryFloatingPointIeee754<T>
    where TFormat : IBinaryFormat<T>
{
    private delegate T Draw(ref SplitMix64 random);

    /// <summary>Case <paramref name="index"/> of a run of <paramref name="definition"/> with <paramref name="seed"/>.</summary>
    public static DrtCase<T> Generate(Definition definition, ulong seed, long index)
    {
        SplitMix64 random = SplitMix64.ForItem(seed + ((ulong)definition * 0x9E3779B97F4A7C15UL), (ulong)index);
        return definition switch
        {
            Definition.ExpTensor => Elementwise(definition, ref random, expArgument: true),
            Definition.HalfTensor => Elementwise(definition, ref random, expArgument: false),
            Definition.ReparameterizeDiag => Reparameterize(ref random),
            Definition.DiagonalGaussianKlToStandard => Kl(ref random),
            Definition.QuantizeAt => Quantize(ref random),
            _ => throw new ArgumentOutOfRangeException(nameof(definition), definition, null),
        };
    }

    /// <summary>A shape of rank 0 to 4 with dimensions 1 to 3, or with one zero-length dimension 1 time in 40.</summary>
    private static Shape RandomShape(ref SplitMix64 random)
    {
        int rank = random.NextInt(0, 4);
        var dims = new int[rank];
        for (int k = 0; k < rank; k++)
        {
            dims[k] = random.NextInt(1, 3);
        }

        if (rank > 0 && random.NextInt(40) == 0)
        {
            dims[random.NextInt(rank)] = 0;
        }

        return Shape.Of(dims);
    }

    private static T[] Fill(int n, ref SplitMix64 random, Draw draw)
    {
        var values = new T[n];
        for (int i = 0; i < n; i++)
        {
            values[i] = draw(ref random);
        }

        return values;
    }

    private static T Moderate(ref SplitMix64 r) => ValueSampler<T, TFormat>.Moderate(ref r);

    private static T Wide(ref SplitMix64 r) => ValueSampler<T, TFormat>.Moderate(ref r, -60, 60);

    private static DrtCase<T> Elementwise(Definition definition, ref SplitMix64 random, bool expArgument)
    {
        Shape shape = RandomShape(ref random);
        (string inputClass, Draw draw) = random.NextInt(expArgument ? 6 : 5) switch
        {
            0 => ("moderate", (Draw)Moderate),
            1 => ("random-bits", ValueSampler<T, TFormat>.AnyBits),
            2 => ("subnormal", ValueSampler<T, TFormat>.Subnormal),
            3 => ("tiny", ValueSampler<T, TFormat>.Tiny),
            4 => ("special", ValueSampler<T, TFormat>.Special),
            _ => ("exp-edge", (ref SplitMix64 r) => ValueSampler<T, TFormat>.ExpEdge(ref r)),
        };
        return DrtCase<T>.Empty(definition, inputClass, shape) with { X = Fill(shape.Size, ref random, draw) };
    }

    private static DrtCase<T> Reparameterize(ref SplitMix64 random)
    {
        Shape shape = RandomShape(ref random);
        int n = shape.Size;
        DrtCase<T> empty = DrtCase<T>.Empty(Definition.ReparameterizeDiag, "", shape);
        switch (random.NextInt(6))
        {
            case 0:
                return empty with { Class = "moderate", Mu = Fill(n, ref random, Moderate), Logvar = Fill(n, ref random, Moderate), Eps = Fill(n, ref random, Moderate) };
            case 1:
                return empty with { Class = "random-bits", Mu = Fill(n, ref random, ValueSampler<T, TFormat>.AnyBits), Logvar = Fill(n, ref random, ValueSampler<T, TFormat>.AnyBits), Eps = Fill(n, ref random, ValueSampler<T, TFormat>.AnyBits) };
            case 2:
                return empty with { Class = "special", Mu = Fill(n, ref random, ValueSampler<T, TFormat>.Special), Logvar = Fill(n, ref random, ValueSampler<T, TFormat>.Special), Eps = Fill(n, ref random, ValueSampler<T, TFormat>.Special) };
            case 3:
                // logvar is halved before exp, so the edges of exp sit at twice the usual arguments.
                return empty with { Class = "exp-edge", Mu = Fill(n, ref random, Wide), Logvar = Fill(n, ref random, (ref SplitMix64 r) => ValueSampler<T, TFormat>.ExpEdge(ref r, 2)), Eps = Fill(n, ref random, Wide) };
            case 4:
                return empty with { Class = "tiny-logvar", Mu = Fill(n, ref random, Moderate), Logvar = Fill(n, ref random, ValueSampler<T, TFormat>.Tiny), Eps = Fill(n, ref random, Moderate) };
            default:
            {
                // mu cancels the rounded product, so z is what rounding and exp errors leave over.
                T[] logvar = Fill(n, ref random, Moderate), eps = Fill(n, ref random, Moderate), mu = new T[n];
                T half = T.One / (T.One + T.One);
                for (int i = 0; i < n; i++)
                {
                    mu[i] = -(ValueSampler<T, TFormat>.CorrectlyRoundedExp(logvar[i] * half) * eps[i]);
                }

                return empty with { Class = "cancellation", Mu = mu, Logvar = logvar, Eps = eps };
            }
        }
    }

    private static DrtCase<T> Kl(ref SplitMix64 random)
    {
        Shape shape = RandomShape(ref random);
        int n = shape.Size;
        var emptyMean = random.NextBool() ? EmptyMeanConvention.V1 : EmptyMeanConvention.V3;
        DrtCase<T> empty = DrtCase<T>.Empty(Definition.DiagonalGaussianKlToStandard, "", shape) with { EmptyMean = emptyMean };
        return random.NextInt(7) switch
        {
            0 => empty with { Class = "moderate", Mu = Fill(n, ref random, Moderate), Logvar = Fill(n, ref random, Moderate) },
            1 => empty with { Class = "random-bits", Mu = Fill(n, ref random, ValueSampler<T, TFormat>.AnyBits), Logvar = Fill(n, ref random, ValueSampler<T, TFormat>.AnyBits) },
            2 => empty with { Class = "special", Mu = Fill(n, ref random, ValueSampler<T, TFormat>.Special), Logvar = Fill(n, ref random, ValueSampler<T, TFormat>.Special) },
            3 => empty with { Class = "exp-edge", Mu = Fill(n, ref random, Moderate), Logvar = Fill(n, ref random, (ref SplitMix64 r) => ValueSampler<T, TFormat>.ExpEdge(ref r)) },
            4 => empty with { Class = "mu-square-edge", Mu = Fill(n, ref random, ValueSampler<T, TFormat>.SquareOverflowEdge), Logvar = Fill(n, ref random, Moderate) },
            5 => empty with { Class = "cancellation", Mu = new T[n], Logvar = Fill(n, ref random, ValueSampler<T, TFormat>.Tiny) },
            _ => empty with { Class = "small-mu-tiny-logvar", Mu = Fill(n, ref random, ValueSampler<T, TFormat>.Tiny), Logvar = Fill(n, ref random, ValueSampler<T, TFormat>.Tiny) },
        };
    }

    private static DrtCase<T> Quantize(ref SplitMix64 random)
    {
        Shape latent = RandomShape(ref random);
        int numCodes = random.NextInt(1, 6);
        T[] embeddings = Fill(numCodes * latent.Size, ref random, ValueSampler<T, TFormat>.AnyBits);
        int index = random.NextInt(3) switch { 0 => 0, 1 => numCodes - 1, _ => random.NextInt(numCodes) };
        return DrtCase<T>.Empty(Definition.QuantizeAt, "lookup", latent) with
        {
            Book = new Codebook<T>(numCodes, latent, embeddings),
            Index = index,
        };
    }
}

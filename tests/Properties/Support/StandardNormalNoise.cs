using System;
using MathNet.Numerics.Distributions;

namespace Latent.Properties.Support;

/// <summary>
/// Standard normal noise for the distributional laws, drawn here in the tests (never in the library) from a seeded
/// <see cref="Random"/> through MathNet's sampler, so that every run sees the same draws and a goodness-of-fit verdict is
/// deterministic. The seeds were fixed before the tests were first run and are not tuned.
/// </summary>
internal static class StandardNormalNoise
{
    public static double[] Draw(int seed, int count)
    {
        var draws = new double[count];
        Normal.Samples(new Random(seed), draws, 0, 1);
        return draws;
    }
}

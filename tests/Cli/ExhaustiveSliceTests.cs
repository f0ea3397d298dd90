using System;
using System.Linq;
using Latent.Cli.Exhaustive;
using Latent.Ieee;
using Xunit;

namespace Latent.Cli.Tests;

/// <summary>The slices' batch evaluation against the general path, one <c>Invocation</c> per argument.</summary>
public sealed class ExhaustiveSliceTests
{
    [Fact]
    public void Every_slice_evaluates_as_one_invocation_per_argument_does()
    {
        var random = new Random(1230);
        float[] arguments = Enumerable.Range(0, 20_000)
            .Select(i => i % 2 == 0 ? BitConverter.Int32BitsToSingle(random.Next(int.MinValue, int.MaxValue)) : (float)((random.NextDouble() - 0.5) * Math.ScaleB(1, -random.Next(0, 40))))
            .Concat([0f, -0f, float.NaN, float.PositiveInfinity, float.NegativeInfinity, float.Epsilon, float.MaxValue])
            .ToArray();
        foreach (ExhaustiveSlice slice in ExhaustiveSlice.All)
        {
            (float[] spec, float[] specCr, float[] exact) = slice.Evaluate<float, Binary32>(arguments);
            (float[] spec1, float[] specCr1, float[] exact1) = slice.EvaluateByInvocation<float, Binary32>(arguments);
            for (int i = 0; i < arguments.Length; i++)
            {
                Assert.True(Same(spec[i], spec1[i]) && Same(specCr[i], specCr1[i]) && Same(exact[i], exact1[i]), $"{slice.Name} at {arguments[i]:R}");
            }
        }
    }

    [Fact]
    public void Every_slice_sweeps_all_inputs_by_default() =>
        Assert.All(ExhaustiveSlice.All, s => Assert.Equal(1, s.DefaultStride));

    private static bool Same(float a, float b) => BitConverter.SingleToUInt32Bits(a) == BitConverter.SingleToUInt32Bits(b) || (float.IsNaN(a) && float.IsNaN(b));
}

using System.Linq;
using System.Numerics;
using Latent.Ieee;
using Latent.Oracles;
using Latent.Oracles.Differential;
using Latent.Spec;
using Xunit;

namespace Latent.Properties.SpecText;

/// <summary>
/// The claim of <c>spec/README.md</c>, as a test: upstream V1 (the mirrored text) and V3 (<c>spec/upstream/v3</c>) give the
/// same bits on the differential cases, in both formats, except the mean of an empty shape (V1 0/0 = NaN, V3 0/1 = +0).
/// Both texts are evaluated by the spec evaluator with the platform arithmetic; neither runs the C# mirror.
/// </summary>
public class UpstreamVersionsTests
{
    private const long Cases = 20_000;
    private const ulong Seed = 20261201;

    public static TheoryData<Definition, string> DefinitionsInBoth()
    {
        var data = new TheoryData<Definition, string>();
        foreach (Definition d in new[] { Definition.ReparameterizeDiag, Definition.DiagonalGaussianKlToStandard, Definition.QuantizeAt })
        {
            data.Add(d, "f64");
            data.Add(d, "f32");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(DefinitionsInBoth))]
    public void V1_and_v3_agree_bit_for_bit_except_the_empty_mean(Definition definition, string format)
    {
        (long compared, long emptyMeans) = format == "f64" ? Compare<double, Binary64>(definition) : Compare<float, Binary32>(definition);
        Assert.True(compared >= Cases, $"only {compared} elements compared");
        if (definition == Definition.DiagonalGaussianKlToStandard)
        {
            Assert.True(emptyMeans > 0, "the cases never reached an empty shape, so the one difference went untested");
        }
    }

    [Fact]
    public void V3_deletes_exp_tensor_and_half_tensor()
    {
        Assert.DoesNotContain("Generative.Latent.expTensor", SpecModule.UpstreamV3.DefinitionNames);
        Assert.DoesNotContain("Generative.Latent.halfTensor", SpecModule.UpstreamV3.DefinitionNames);
        Assert.Contains("Generative.Latent.expTensor", SpecModule.Mirrored.DefinitionNames);
    }

    private static (long Compared, long EmptyMeans) Compare<T, TFormat>(Definition definition)
        where T : IBinaryFloatingPointIeee754<T>
        where TFormat : IBinaryFormat<T>
    {
        long compared = 0, emptyMeans = 0;
        for (long index = 0; index < Cases; index++)
        {
            Invocation<T> call = CaseGenerator<T, TFormat>.Generate(definition, Seed, index).ToInvocation(v => v);
            T[] v1 = call.Spec<IeeeContext<T>>(SpecModule.Mirrored);
            T[] v3 = call.Spec<IeeeContext<T>>(SpecModule.UpstreamV3);
            Assert.Equal(v1.Length, v3.Length);
            bool emptyMean = definition == Definition.DiagonalGaussianKlToStandard && call.Shape.Size == 0;
            for (int i = 0; i < v1.Length; i++)
            {
                compared++;
                if (emptyMean)
                {
                    emptyMeans++;
                    Assert.True(T.IsNaN(v1[i]), $"case {index}: V1's empty mean is {v1[i]}, not NaN");
                    Assert.True(T.IsZero(v3[i]) && T.IsPositive(v3[i]), $"case {index}: V3's empty mean is {v3[i]}, not +0");
                    continue;
                }

                bool same = T.IsNaN(v1[i]) ? T.IsNaN(v3[i]) : TFormat.ToBits(v1[i]) == TFormat.ToBits(v3[i]);
                Assert.True(same, $"{definition} {TFormat.Name} case {index}[{i}]: V1 {IeeeText.FormatBits<T, TFormat>(v1[i])}, V3 {IeeeText.FormatBits<T, TFormat>(v3[i])}");
            }
        }

        return (compared, emptyMeans);
    }
}

using System.Collections.Generic;
using System.Linq;
using Latent.Golden.Cases;
using Latent.Golden.Conformance;
using Latent.Golden.Model;
using Latent.Oracles;
using Latent.Golden.Tests.Support;
using Latent.Golden.Tolerance;
using Xunit;

namespace Latent.Golden.Tests;

/// <summary>Every file is large enough, every flag is documented, and every edge class appears in both formats.</summary>
public sealed class CoverageTests
{
    private static readonly IReadOnlyList<CheckedFile> Vectors = SetIntegrity.Read(Repo.Vectors).Files;

    public static IEnumerable<object[]> Required() =>
    [
        [Definition.ExpTensor, "ExpOne,ExpOverflow,ExpUnderflow,Subnormal,SignedZero,Infinity,NaN,Scalar,EmptyShape,HighRank,OverflowAccepted,Random,RandomWide,RandomBits"],
        [Definition.HalfTensor, "HalfRounds,Subnormal,SignedZero,Infinity,NaN,Scalar,EmptyShape,HighRank,Random,RandomWide,RandomBits"],
        [Definition.ReparameterizeDiag, "GuideExample,SpecFacts,ExpOne,ExpOverflow,ExpUnderflow,Cancellation,ZeroTimesInf,InfMinusInf,OverflowAccepted,NanAllowed,SpecCrNotExact,Subnormal,SubnormalIntermediate,SignedZero,Infinity,NaN,Scalar,EmptyShape,HighRank,Random,RandomWide,RandomBits"],
        [Definition.DiagonalGaussianKlToStandard, "GuideExample,SpecFacts,EmptyMeanV1,EmptyMeanV3,Cancellation,NegativeSpecKl,MuSquaredOverflow,SumOverflow,ExpOverflow,ExpUnderflow,InfMinusInf,VarRatioUnderflow,NanAllowed,SpecCrNotExact,Subnormal,SubnormalIntermediate,SignedZero,Infinity,NaN,Scalar,EmptyShape,HighRank,Random,RandomWide,RandomBits"],
        [Definition.QuantizeAt, "GuideExample,FirstCode,LastCode,SingleCode,NanPayload,SignedZero,Subnormal,Infinity,Scalar,EmptyShape,HighRank,Random,RandomBits"],
    ];

    [Theory]
    [MemberData(nameof(Required))]
    public void Every_edge_class_appears_in_every_format(Definition definition, string flags)
    {
        foreach (string format in new[] { "f64", "f32", "f16", "bf16" })
        {
            CheckedFile file = Vectors.Single(f => f.Definition == definition && f.Format == format && f.Derivative == Latent.Golden.Model.Derivative.None);
            Assert.True(file.Tests.Count >= 1000, $"{file.FileName} has {file.Tests.Count} tests");
            var present = file.Tests.SelectMany(t => t.Flags).ToHashSet();
            string[] missing = [.. flags.Split(',').Where(f => !present.Contains(f))];
            Assert.True(missing.Length == 0, $"{file.FileName} lacks {string.Join(", ", missing)}");

            // Shapes of rank 0 to 4.
            var inputs = VectorInputs.ReadAll().Single(v => v.FileName == file.FileName);
            Assert.Equal([0, 1, 2, 3, 4], inputs.Tests.Select(t => t.Shape.Length).Distinct().Order());
        }
    }

    [Fact]
    public void Every_flag_has_a_note_and_every_note_a_flag()
    {
        foreach (CheckedFile file in Vectors)
        {
            using var document = System.Text.Json.JsonDocument.Parse(System.IO.File.ReadAllBytes(System.IO.Path.Combine(Repo.Vectors, file.FileName)));
            var notes = document.RootElement.GetProperty("notes").EnumerateObject().Select(p => p.Name).ToHashSet();
            var used = file.Tests.SelectMany(t => t.Flags).ToHashSet();
            Assert.Equal(used.Order(), notes.Order());
            Assert.All(used, f => Assert.True(Flags.Notes.ContainsKey(f), f));
        }
    }

    [Fact]
    public void The_kl_file_covers_both_empty_mean_conventions_with_their_results()
    {
        foreach (CheckedFile file in Vectors.Where(f => f.Definition == Definition.DiagonalGaussianKlToStandard && f.Derivative == Latent.Golden.Model.Derivative.None))
        {
            Assert.All(file.Tests.Where(t => t.Flags.Contains("EmptyMeanV1")), t => Assert.All(PortProfiles.All, p => Assert.Equal(NanRule.Required, t.Expected[0].For(p).Nan)));
            Assert.All(file.Tests.Where(t => t.Flags.Contains("EmptyMeanV3")), t => Assert.All(PortProfiles.All, p => Assert.Equal(0UL, t.Expected[0].For(p).Lo)));
            Assert.Equal(3, file.Tests.Count(t => t.Flags.Contains("EmptyMeanV3")));
        }
    }
}

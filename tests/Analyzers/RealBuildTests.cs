using System;
using System.Linq;
using Latent.Analyzers.Tests.Support;
using Xunit;

namespace Latent.Analyzers.Tests;

/// <summary>
/// The rules in a real <c>dotnet build</c>, not only in the test harness: a scratch project with one deliberately wrong
/// mirror per rule must fail with exactly the expected ids, each at the member that breaks it.
/// </summary>
public sealed class RealBuildTests
{
    private const string Spec = """
        /-- Scratch spec: one declaration per wrong mirror, and one that nobody mirrors. -/
        namespace Scratch

        def drawsRandom (x : α) : α := x
        def writesStatic (x : α) : α := x
        def mutatesInput {s : Shape} (x : Tensor α s) : Tensor α s := x
        def allocatesArray (x : α) : α := x
        def usesFma (a b c : α) : α := a * b + c
        def uncheckedIndex {n : Nat} (idx : Fin n) (x : α) : α := x
        def forgotten (x : α) : α := x

        end Scratch
        """;

    /// <summary>Each member breaks exactly one rule, named in the comment on its [Mirrors] line.</summary>
    private const string WrongMirrors = """
        using System;
        using Latent;

        namespace Scratch;

        public static class WrongMirrors
        {
            private static int _calls;

            [Mirrors("Scratch.drawsRandom")] // LAT0002
            public static double DrawsRandom(double x) => x + Random.Shared.NextDouble();

            [Mirrors("Scratch.writesStatic")] // LAT0003
            public static double WritesStatic(double x)
            {
                _calls++;
                return x;
            }

            [Mirrors("Scratch.mutatesInput")] // LAT0004
            public static void MutatesInput([TensorOf("s")] Span<double> x, [TensorOf("s")] Span<double> destination)
            {
                ScratchGuard.Fits(x.Length, destination);
                x.CopyTo(destination);
                x.Clear();
            }

            [Mirrors("Scratch.allocatesArray")] // LAT0005
            public static double AllocatesArray(double x)
            {
                double[] twice = new double[2];
                twice[0] = x;
                return twice[0] + twice[1];
            }

            [Mirrors("Scratch.usesFma")] // LAT0006
            public static double UsesFma(double a, double b, double c) => Math.FusedMultiplyAdd(a, b, c);

            [Mirrors("Scratch.uncheckedIndex")] // LAT0007
            public static double UncheckedIndex([Fin("n")] int idx, double x) => x;

            [Mirrors("Scratch.absent")] // LAT0001
            public static double Absent(double x) => x;
        }

        [System.Diagnostics.Contracts.Pure]
        internal static class ScratchGuard
        {
            [EnforcesContract(ContractKind.Result)]
            public static void Fits(int length, Span<double> destination)
            {
                if (destination.Length < length)
                {
                    throw new ArgumentException("too short", nameof(destination));
                }
            }
        }
        """;

    [Fact]
    public void A_wrong_mirror_per_rule_fails_dotnet_build_with_exactly_the_expected_ids()
    {
        using ScratchProject scratch = ScratchProject.Create();
        scratch.Write("spec/Scratch.lean", Spec);
        scratch.Write("WrongMirrors.cs", WrongMirrors);

        BuildResult build = scratch.Build();

        Assert.True(build.ExitCode != 0, build.Output);
        string[] lines = WrongMirrors.Split('\n');
        var expectedInSource = lines
            .Select((text, index) => (text, index))
            .Where(l => l.text.Contains("[Mirrors(", StringComparison.Ordinal))
            .Select(l => (Member: l.index, Id: l.text[(l.text.IndexOf("// ", StringComparison.Ordinal) + 3)..].Trim()))
            .ToList();
        var actualInSource = build.Errors
            .Where(e => e.File == "WrongMirrors.cs")
            .Select(e => (Member: expectedInSource.Last(m => m.Member < e.Line).Member, e.Id))
            .Distinct()
            .OrderBy(e => e.Member)
            .ToList();

        Assert.Equal(expectedInSource, actualInSource);
        BuildError forgotten = Assert.Single(build.Errors, e => e.File == "Scratch.lean");
        Assert.Equal(("LAT0001", 10), (forgotten.Id, forgotten.Line));
        Assert.Contains("'Scratch.forgotten'", forgotten.Message, StringComparison.Ordinal);
        Assert.All(build.Errors, e => Assert.StartsWith("LAT000", e.Id, StringComparison.Ordinal));
    }
}

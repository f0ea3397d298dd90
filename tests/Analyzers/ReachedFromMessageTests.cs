using System.Threading.Tasks;
using Latent.Analyzers.Rules;
using Latent.Analyzers.Tests.Support;
using Microsoft.CodeAnalysis.Testing;
using Xunit;

namespace Latent.Analyzers.Tests;

/// <summary>A finding in a helper names the helper and the root it was reached from, so the build message is actionable.</summary>
public sealed class ReachedFromMessageTests
{
    [Fact]
    public Task A_helper_finding_names_the_helper_and_the_mirror() => Verify.Analyzer<ImpurityAnalyzer>(
        """
        using System.Diagnostics.Contracts;
        namespace Latent;
        public static class M
        {
            private static int _n;

            [Mirrors("T.f")]
            public static int F(int x) => x + Count();

            [Pure]
            private static int Count() => {|#0:_n|};
        }
        """,
        new DiagnosticResult(Descriptors.Impurity)
            .WithLocation(0)
            .WithArguments("Reads the mutable static field 'M._n'", "in 'M.Count()', reached from the mirror of 'T.f'"));

    [Fact]
    public Task A_static_initializer_finding_names_the_initializer_and_an_AllocatesResult_root() => Verify.Analyzer<HiddenRandomnessAnalyzer>(
        """
        using System;
        namespace Latent;
        public static class Seeds
        {
            public static readonly int Value = {|#0:Environment.TickCount|};
        }

        public static class M
        {
            [AllocatesResult]
            public static int[] Make() => new int[Seeds.Value];
        }
        """,
        new DiagnosticResult(Descriptors.HiddenRandomness)
            .WithLocation(0)
            .WithArguments("'Environment.TickCount'", "in the initializer of 'Seeds.Value', reached from [AllocatesResult] 'M.Make()'"));
}

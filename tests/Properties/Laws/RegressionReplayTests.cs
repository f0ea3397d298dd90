using System;
using System.Collections.Generic;
using System.Linq;
using Latent.Ieee;
using Latent.Properties.Laws.Support;
using Xunit;

namespace Latent.Properties.Laws;

/// <summary>
/// Replays every frozen case of <c>Laws/Regressions/counterexamples.json</c>: spec-cr and exact must still give the recorded
/// outcome (they depend on nothing but IEEE 754 and the real numbers). The spec outcome depends on the C library's
/// <c>exp</c>; the file records what glibc 2.36 gave, and on the running platform the mirror's outcome must be the Lean
/// text's outcome with the same arithmetic (<see cref="Semantics.SpecText"/>), whatever the C library. A counterexample
/// found by any property, or by a search, is added there with its bits, so it is checked on every run from then on.
/// </summary>
public class RegressionReplayTests
{
    public static IEnumerable<object[]> Cases() =>
        RegressionCorpus.All.Select((c, i) => new object[] { i, c.Law, c.Format });

    [Theory]
    [MemberData(nameof(Cases))]
    public void Frozen_case_keeps_its_recorded_outcomes(int index, string law, string format)
    {
        FrozenCase frozen = RegressionCorpus.All[index];
        Assert.Equal(law, frozen.Law);
        Assert.NotEmpty(frozen.Expect);
        bool Holds(Semantics semantics) => format switch
        {
            "f64" => LawPredicates<double, Binary64>.Holds(law, semantics, frozen.Decode<double, Binary64>()),
            "f32" => LawPredicates<float, Binary32>.Holds(law, semantics, frozen.Decode<float, Binary32>()),
            _ => throw new ArgumentException($"Unknown format '{format}'."),
        };
        foreach ((Semantics semantics, Outcome recorded) in frozen.Expect)
        {
            if (semantics == Semantics.Spec)
            {
                bool reference = Holds(Semantics.SpecText);
                Assert.True(Holds(Semantics.Spec) == reference, $"{law} ({format}) case {index}: the mirror {(reference ? "violates" : "keeps")} the law where the Lean text with the same arithmetic does not ({frozen.Origin})");
                continue;
            }

            Assert.True(Holds(semantics) == (recorded == Outcome.Holds), $"{law} ({format}) case {index}: {semantics} should {recorded} ({frozen.Origin})");
        }
    }

    [Fact]
    public void Every_frozen_case_names_a_law_with_a_predicate_and_minimal_cases_are_unique()
    {
        var known = LawPredicates<double, Binary64>.Names.ToHashSet();
        Assert.All(RegressionCorpus.All, c => Assert.Contains(c.Law, known));
        var minimal = RegressionCorpus.All.SelectMany(c => (c.MinimalFor ?? []).Select(s => (c.Law, c.Format, Semantics: s)));
        foreach (var group in minimal.GroupBy(m => m))
        {
            Assert.Single(group);
        }
    }
}

using System;
using System.Collections.Generic;
using System.Linq;
using System.Numerics;
using Latent.Ieee;
using Latent.Properties.Generators;
using Xunit;
using Xunit.Abstractions;

namespace Latent.Properties.Laws.Support;

/// <summary>
/// Checks a law's minimal counterexamples against the frozen ones: the search (recomputed by the test) must land on exactly
/// the frozen bits, the semantics searched must still violate the law there, and the exact semantics must satisfy it.
/// </summary>
/// <remarks>
/// The search runs twice, for the spec (the platform's exp) and for spec-cr (a correctly rounded exp): where glibc's exp
/// rounds a hard case the wrong way the spec fails one candidate earlier, and recording both shows which failures belong
/// to the Lean evaluation order and which to the C library. The spec-cr minimum is platform-independent and must be the
/// frozen one. The spec minimum depends on the C library: it is found here, on the running platform, and must be the one
/// the same search finds through the Lean text with the same arithmetic; the frozen spec case records what glibc 2.36
/// gave (and is replayed by <c>RegressionReplayTests</c>).
/// </remarks>
internal static class FrozenCounterexamples<T, TFormat>
    where T : IBinaryFloatingPointIeee754<T>
    where TFormat : IBinaryFormat<T>
{
    public static readonly Semantics[] Searched = [Semantics.Spec, Semantics.SpecCr];

    /// <summary>For the spec and for spec-cr: finds the first candidate that violates <paramref name="law"/> and checks it against the frozen case.</summary>
    public static void AssertMinimalForSpecAndSpecCr<TCandidate>(
        string law, Func<Semantics, IEnumerable<TCandidate>> candidates, Func<TCandidate, LawInput<T>> toInput, ITestOutputHelper output)
    {
        foreach (Semantics semantics in Searched)
        {
            var (candidate, rank) = SimplestInputs<T, TFormat>.FirstViolation(
                candidates(semantics), c => LawPredicates<T, TFormat>.Holds(law, semantics, toInput(c)));
            if (semantics == Semantics.Spec)
            {
                var (_, textRank) = SimplestInputs<T, TFormat>.FirstViolation(
                    candidates(semantics), c => LawPredicates<T, TFormat>.Holds(law, Semantics.SpecText, toInput(c)));
                Assert.True(rank == textRank, $"{law} ({TFormat.Name}): the mirror first violates the law at candidate #{rank}, the Lean text at #{textRank}");
                LawInput<T> found = toInput(candidate);
                Assert.True(LawPredicates<T, TFormat>.Holds(law, Semantics.Exact, found), $"{law} ({TFormat.Name}): the exact semantics violates the law on the spec's minimal counterexample.");
                output.WriteLine($"{TFormat.Name} {semantics} (this platform): candidate #{rank}: {Describe(law, found)}; frozen (glibc 2.36): {FrozenDescription(law)}");
                continue;
            }

            LawInput<T> input = AssertMinimal(law, semantics, toInput(candidate));
            output.WriteLine($"{TFormat.Name} {semantics}: candidate #{rank}: {Describe(law, input)}");
        }
    }

    private static string FrozenDescription(string law) =>
        RegressionCorpus.FindMinimal(law, TFormat.Name, Semantics.Spec) is { } frozen ? Describe(law, frozen.Decode<T, TFormat>()) : "none";

    /// <summary>Checks one found minimal counterexample against the frozen one and returns the frozen inputs.</summary>
    public static LawInput<T> AssertMinimal(string law, Semantics semantics, LawInput<T> found)
    {
        FrozenCase? frozen = RegressionCorpus.FindMinimal(law, TFormat.Name, semantics);
        Assert.True(
            frozen is not null,
            $"No minimal counterexample of {law} ({TFormat.Name}, {semantics}) is frozen; the search finds {Describe(law, found)}.");
        LawInput<T> input = frozen.Decode<T, TFormat>();
        Assert.True(
            SameBits(input.Mu, found.Mu) && SameBits(input.Logvar, found.Logvar) && SameBits(input.Eps, found.Eps),
            $"{law} ({TFormat.Name}, {semantics}): the search finds {Describe(law, found)} but {Describe(law, input)} is frozen; update Laws/Regressions/counterexamples.json and spec/laws.md together.");
        Assert.False(LawPredicates<T, TFormat>.Holds(law, semantics, input), $"{law} ({TFormat.Name}): {semantics} no longer violates the law on its frozen counterexample.");
        Assert.True(LawPredicates<T, TFormat>.Holds(law, Semantics.Exact, input), $"{law} ({TFormat.Name}): the exact semantics violates the law on the frozen counterexample.");
        Assert.Equal(Outcome.Violates, frozen.Expect[semantics]);
        Assert.Equal(Outcome.Holds, frozen.Expect[Semantics.Exact]);
        return input;
    }

    /// <summary>The inputs as bit patterns, with what each semantics gives for the KL or z.</summary>
    public static string Describe(string law, LawInput<T> input)
    {
        string text = $"mu {IeeeFormatText.Values<T, TFormat>(input.Mu)}, logvar {IeeeFormatText.Values<T, TFormat>(input.Logvar)}";
        if (input.Eps.Length == input.Mu.Length && input.Eps.Length > 0)
        {
            text += $", eps {IeeeFormatText.Values<T, TFormat>(input.Eps)}";
            foreach (Semantics s in Enum.GetValues<Semantics>())
            {
                text += $"; {s} z {IeeeFormatText.Values<T, TFormat>(Run<T, TFormat>.Reparameterize(s, input.Mu, input.Logvar, input.Eps))}";
            }
        }
        else if (input.Mu.Length == input.Logvar.Length && input.Mu.Length > 0 && !law.Contains("reparameteriz", StringComparison.OrdinalIgnoreCase))
        {
            foreach (Semantics s in Enum.GetValues<Semantics>())
            {
                text += $"; {s} KL {IeeeFormatText.Value<T, TFormat>(Run<T, TFormat>.Kl(s, input.Mu, input.Logvar))}";
            }
        }

        return text;
    }

    private static bool SameBits(T[] a, T[] b) =>
        a.Length == b.Length && Enumerable.Range(0, a.Length).All(i => TFormat.ToBits(a[i]) == TFormat.ToBits(b[i]));
}

using System;
using System.Collections.Generic;
using System.Linq;
using Latent.Golden.Model;
using Latent.Golden.Tolerance;
using Latent.Ieee;
using Latent.Oracles;
using Latent.Oracles.Mpfr;

namespace Latent.Golden.Conformance;

/// <summary>One failing test.</summary>
/// <param name="TcId">The test.</param>
/// <param name="Flags">Its flags.</param>
/// <param name="Reason">Why it failed, with the first failing element.</param>
public sealed record Failure(int TcId, IReadOnlyList<string> Flags, string Reason);

/// <summary>The verdict on one vector file (one definition in one format).</summary>
/// <param name="FileName">The vector file.</param>
/// <param name="Definition">Its definition.</param>
/// <param name="Format">Its format.</param>
/// <param name="Passed">Tests whose every element is accepted.</param>
/// <param name="Failures">The failing tests, in tcId order.</param>
/// <param name="MaxUlps">The largest distance in ulps between a result element and <c>exact</c> over tests not flagged
/// <c>IllConditioned</c> and failing elements (∞ for a NaN where a number is expected or the reverse).</param>
/// <param name="MaxToleranceUnits">The largest <c>|result − exact| / tolerance</c> (0 when both are 0; ∞ beyond a zero tolerance).</param>
public sealed record FileVerdict(string FileName, Definition Definition, string Format, int Passed, IReadOnlyList<Failure> Failures, double MaxUlps, double MaxToleranceUnits)
{
    /// <summary>The definition, with the derivative's tag for a derivative file (see <see cref="CheckedFile.Label"/>).</summary>
    public string Label { get; init; } = Definition.LeanName();
}

/// <summary>
/// Applies each test's acceptance rule under one port profile to a port's results: the NaN rule, then
/// <c>lo ≤ result ≤ hi</c> in the format's order with <c>−0 &lt; +0</c>, with the profile's band of each element. A test
/// without a result fails as missing.
/// </summary>
public static class Checker
{
    /// <summary>The verdict on every file of <paramref name="vectors"/>, in its order, under <paramref name="profile"/>.</summary>
    public static IReadOnlyList<FileVerdict> Check(IReadOnlyList<CheckedFile> vectors, PortResults results, PortProfile profile = PortProfile.Default)
    {
        ArgumentNullException.ThrowIfNull(vectors);
        ArgumentNullException.ThrowIfNull(results);
        var verdicts = new List<FileVerdict>();
        foreach (CheckedFile file in vectors)
        {
            results.Files.TryGetValue(file.FileName, out IReadOnlyDictionary<int, ulong[]>? answers);
            verdicts.Add(BinaryFormats.Visit(file.Format, new FileCheck(file, answers, profile)));
        }

        return verdicts;
    }

    private readonly struct FileCheck(CheckedFile file, IReadOnlyDictionary<int, ulong[]>? answers, PortProfile profile) : IFormatVisitor<FileVerdict>
    {
        public FileVerdict Visit<T, TFormat>()
            where T : System.Numerics.IBinaryFloatingPointIeee754<T>
            where TFormat : IBinaryFormat<T> => CheckFile<T, TFormat>(file, answers, profile);
    }

    private static FileVerdict CheckFile<T, TFormat>(CheckedFile file, IReadOnlyDictionary<int, ulong[]>? answers, PortProfile profile)
        where T : System.Numerics.IBinaryFloatingPointIeee754<T>
        where TFormat : IBinaryFormat<T>
    {
        int passed = 0;
        double maxUlps = 0, maxUnits = 0;
        var failures = new List<Failure>();
        foreach (CheckedTest test in file.Tests.OrderBy(t => t.TcId))
        {
            if (answers is null || !answers.TryGetValue(test.TcId, out ulong[]? bits))
            {
                failures.Add(new Failure(test.TcId, test.Flags, "missing: no result for this tcId"));
                continue;
            }

            string? reason = null;

            // Ulps of 'exact' mean something only where the tolerance is a few of them; cancellation cases are excluded.
            bool wellConditioned = !test.Flags.Contains("IllConditioned");
            for (int i = 0; i < test.Expected.Count; i++)
            {
                Expectation expectation = test.Expected[i];
                Band e = expectation.For(profile);
                T result = TFormat.FromBits(bits[i]);
                bool accepted = Acceptance.Accepts<T, TFormat>(e, result);
                if (!accepted || GovernedByTolerance<T, TFormat>(e, result))
                {
                    if (!accepted || wellConditioned)
                    {
                        maxUlps = Math.Max(maxUlps, Ulps<T, TFormat>(result, TFormat.FromBits(expectation.Exact)));
                    }

                    maxUnits = Math.Max(maxUnits, ToleranceUnits<T, TFormat>(result, TFormat.FromBits(expectation.Exact), e));
                }

                if (reason is null && !accepted)
                {
                    reason = Explain<T, TFormat>(file.Format, i, result, expectation, e);
                }
            }

            if (reason is null)
            {
                passed++;
            }
            else
            {
                failures.Add(new Failure(test.TcId, test.Flags, reason));
            }
        }

        return new FileVerdict(file.FileName, file.Definition, file.Format, passed, failures, maxUlps, maxUnits) { Label = file.Label };
    }

    /// <summary>
    /// Whether an accepted element counts in the error maxima: a number was expected and given, and the accepted range is
    /// finite. An accepted overflow (a finite exact value, an infinite result) says nothing about accuracy.
    /// </summary>
    private static bool GovernedByTolerance<T, TFormat>(Band e, T result)
        where T : System.Numerics.IBinaryFloatingPointIeee754<T>
        where TFormat : IBinaryFormat<T> =>
        e.Nan != NanRule.Required && !T.IsNaN(result) && T.IsFinite(TFormat.FromBits(e.Lo)) && T.IsFinite(TFormat.FromBits(e.Hi));

    private static string Explain<T, TFormat>(string format, int element, T result, Expectation expectation, Band e)
        where T : System.Numerics.IBinaryFloatingPointIeee754<T>
        where TFormat : IBinaryFormat<T>
    {
        string got = $"element {element}: got {Value(format, TFormat.ToBits(result))}";
        if (e.Nan == NanRule.Required)
        {
            return $"{got}, expected NaN";
        }

        if (T.IsNaN(result))
        {
            return $"{got}, NaN not accepted; expected [{Value(format, e.Lo)}, {Value(format, e.Hi)}]";
        }

        return $"{got}, expected [{Value(format, e.Lo)}, {Value(format, e.Hi)}] (exact {Value(format, expectation.Exact)}, spec-cr {Value(format, expectation.SpecCr)})";
    }

    private static string Value(string format, ulong bits) =>
        $"{Writing.ValueText.Bits(format, bits)} ({Writing.ValueText.ShortestDecimal(format, bits)})";

    private static double Ulps<T, TFormat>(T result, T exact)
        where T : System.Numerics.IBinaryFloatingPointIeee754<T>
        where TFormat : IBinaryFormat<T>
    {
        ulong d = UlpDistance.Between<T, TFormat>(result, exact);
        return d == UlpDistance.Unbounded ? double.PositiveInfinity : d;
    }

    /// <summary><c>|result − exact| / tolerance</c>, with the difference computed exactly.</summary>
    private static double ToleranceUnits<T, TFormat>(T result, T exact, Band e)
        where T : System.Numerics.IBinaryFloatingPointIeee754<T>
        where TFormat : IBinaryFormat<T>
    {
        T tolerance = TFormat.FromBits(e.Tolerance);
        if (T.IsNaN(result) || T.IsNaN(exact))
        {
            return T.IsNaN(result) && T.IsNaN(exact) ? 0 : double.PositiveInfinity;
        }

        if (result == exact)
        {
            return 0;
        }

        if (T.IsInfinity(result) || T.IsInfinity(exact) || T.IsZero(tolerance) || T.IsNaN(tolerance))
        {
            return double.PositiveInfinity;
        }

        // Binary64 values span 2^-1074 .. 2^1024: 2200 bits hold any difference exactly.
        using var difference = new MpfrNumber(2200, double.CreateTruncating(result));
        using var x = new MpfrNumber(2200, double.CreateTruncating(exact));
        using var t = new MpfrNumber(64, double.CreateTruncating(tolerance));
        MpfrNative.Sub(difference, difference, x, MpfrRound.Nearest);
        MpfrNative.Div(difference, difference, t, MpfrRound.Up);
        return Math.Abs(MpfrNative.GetDouble(difference, MpfrRound.Up));
    }
}

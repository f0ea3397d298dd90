using System;
using System.Collections.Generic;

namespace Latent.Oracles.Differential;

/// <summary>Per input class: how far spec and spec-cr land from the exact result.</summary>
public sealed class DrtClassStats
{
    /// <summary>Cases drawn from this class.</summary>
    public long Cases { get; set; }

    /// <summary>Result elements compared.</summary>
    public long Elements { get; set; }

    /// <summary>Largest finite ULP distance of spec from exact.</summary>
    public ulong MaxSpecUlps { get; set; }

    /// <summary>Largest finite ULP distance of spec-cr from exact.</summary>
    public ulong MaxSpecCrUlps { get; set; }

    /// <summary>Elements where spec is NaN and exact a number, or the reverse.</summary>
    public long NaNMismatches { get; set; }

    /// <summary>KL results below zero (the real KL never is).</summary>
    public long NegativeResults { get; set; }

    /// <summary>Adds another class's counts to these.</summary>
    public void Merge(DrtClassStats other)
    {
        ArgumentNullException.ThrowIfNull(other);
        Cases += other.Cases;
        Elements += other.Elements;
        MaxSpecUlps = Math.Max(MaxSpecUlps, other.MaxSpecUlps);
        MaxSpecCrUlps = Math.Max(MaxSpecCrUlps, other.MaxSpecCrUlps);
        NaNMismatches += other.NaNMismatches;
        NegativeResults += other.NegativeResults;
    }
}

/// <summary>A case where a differential check failed, with everything needed to replay and read it.</summary>
/// <param name="CaseIndex">Index of the case in its run (regenerate it with the same seed).</param>
/// <param name="Element">Result element that failed.</param>
/// <param name="Reason">Which check failed.</param>
/// <param name="Inputs">Input bit patterns by name.</param>
/// <param name="Spec">Bit pattern from the mirror with the platform exp.</param>
/// <param name="SpecCr">Bit pattern from the mirror with correctly rounded exp.</param>
/// <param name="Exact">Bit pattern of the exact result.</param>
/// <param name="Bound">The explained bound on |spec − spec-cr|.</param>
public sealed record DrtCounterexample(
    long CaseIndex,
    int Element,
    string Reason,
    IReadOnlyDictionary<string, string[]> Inputs,
    string Spec,
    string SpecCr,
    string Exact,
    double Bound);

/// <summary>What one differential run of one definition in one format measured.</summary>
public sealed class DrtStats
{
    /// <summary>Most counterexamples kept (the lowest case indices).</summary>
    public const int MaxCounterexamples = 100;

    /// <summary>The definition.</summary>
    public required Definition Definition { get; init; }

    /// <summary>The format name (<c>f64</c> or <c>f32</c>).</summary>
    public required string Format { get; init; }

    /// <summary>Cases run.</summary>
    public long Cases { get; set; }

    /// <summary>Result elements compared.</summary>
    public long Elements { get; set; }

    /// <summary><c>exp</c> evaluations.</summary>
    public long ExpCalls { get; set; }

    /// <summary><c>exp</c> evaluations where the platform result was not the correctly rounded one.</summary>
    public long ExpDiscrepancies { get; set; }

    /// <summary>Elements where spec and spec-cr are bit-identical (or both NaN).</summary>
    public long IdenticalSpecCr { get; set; }

    /// <summary>Elements where the C# mirror equals the Lean text evaluated with the same arithmetic (NaN as a class).</summary>
    public long MirrorMatchesText { get; set; }

    /// <summary>Elements where spec and spec-cr differ within the bound the <c>exp</c> discrepancies explain.</summary>
    public long ExplainedDifferences { get; set; }

    /// <summary>Elements that failed a check; each failure is a defect.</summary>
    public long Failures { get; set; }

    /// <summary>ULP distance of spec from exact.</summary>
    public UlpHistogram SpecVsExact { get; } = new();

    /// <summary>ULP distance of spec-cr from exact.</summary>
    public UlpHistogram SpecCrVsExact { get; } = new();

    /// <summary>ULP distance of spec from spec-cr.</summary>
    public UlpHistogram SpecVsSpecCr { get; } = new();

    /// <summary>Per input class.</summary>
    public SortedDictionary<string, DrtClassStats> ByClass { get; } = new(StringComparer.Ordinal);

    /// <summary>The first failures, by case index.</summary>
    public List<DrtCounterexample> Counterexamples { get; } = [];

    /// <summary>Adds another run's measurements (of the same definition and format) to these.</summary>
    public void Merge(DrtStats other)
    {
        ArgumentNullException.ThrowIfNull(other);
        Cases += other.Cases;
        Elements += other.Elements;
        ExpCalls += other.ExpCalls;
        ExpDiscrepancies += other.ExpDiscrepancies;
        IdenticalSpecCr += other.IdenticalSpecCr;
        MirrorMatchesText += other.MirrorMatchesText;
        ExplainedDifferences += other.ExplainedDifferences;
        Failures += other.Failures;
        SpecVsExact.Merge(other.SpecVsExact);
        SpecCrVsExact.Merge(other.SpecCrVsExact);
        SpecVsSpecCr.Merge(other.SpecVsSpecCr);
        foreach ((string name, DrtClassStats stats) in other.ByClass)
        {
            ClassStats(name).Merge(stats);
        }

        Counterexamples.AddRange(other.Counterexamples);
        Counterexamples.Sort((a, b) => a.CaseIndex != b.CaseIndex ? a.CaseIndex.CompareTo(b.CaseIndex) : a.Element.CompareTo(b.Element));
        if (Counterexamples.Count > MaxCounterexamples)
        {
            Counterexamples.RemoveRange(MaxCounterexamples, Counterexamples.Count - MaxCounterexamples);
        }
    }

    /// <summary>The statistics of one input class, created on first use.</summary>
    public DrtClassStats ClassStats(string name)
    {
        if (!ByClass.TryGetValue(name, out DrtClassStats? stats))
        {
            stats = new DrtClassStats();
            ByClass[name] = stats;
        }

        return stats;
    }
}

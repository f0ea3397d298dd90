using System;
using System.Collections.Generic;
using System.Numerics;
using System.Threading;
using System.Threading.Tasks;
using Latent.Ieee;
using Latent.Oracles.Exact;

namespace Latent.Oracles.Differential;

/// <summary>
/// Differential testing of the mirror: for every generated case, the C# mirror with the platform arithmetic (spec), the
/// Lean text evaluated by the spec evaluator over <see cref="Twin{T}"/> (spec and spec-cr in lockstep with the explained
/// bound), and the exact oracle.
/// </summary>
/// <remarks>
/// Two checks can fail, and each failure is a defect: the <see cref="IeeeContext{T}"/> mirror must equal the Lean text
/// evaluated with the same arithmetic (the spec half of the twin run; NaN as a class), and spec must equal spec-cr (the
/// text with a correctly rounded <c>exp</c>) bit for bit except where the measured <c>exp</c>
/// discrepancies explain the difference (<see cref="Twin{T}.Explained"/>). Distances to the exact result are measured,
/// not checked: they describe the accuracy of the spec itself.
/// </remarks>
public static class DrtRunner
{
    /// <summary>Cases per work item: small enough to balance two cores, large enough to amortize the bookkeeping.</summary>
    private const int Chunk = 256;

    /// <summary>Runs <paramref name="cases"/> cases of <paramref name="definition"/> in the format, reporting progress as cases complete.</summary>
    public static DrtStats Run<T, TFormat>(Definition definition, ulong seed, long cases, IProgress<long>? progress = null, CancellationToken cancellation = default)
        where T : IBinaryFloatingPointIeee754<T>
        where TFormat : IBinaryFormat<T> =>
        Run<T, TFormat, IeeeContext<T>>(definition, seed, cases, progress, cancellation);

    /// <summary>
    /// Runs the cases with <typeparamref name="TSpec"/> as the spec semantics instead of the platform's
    /// <see cref="IeeeContext{T}"/> (tests use this to show that the checks catch a wrong context).
    /// </summary>
    public static DrtStats Run<T, TFormat, TSpec>(Definition definition, ulong seed, long cases, IProgress<long>? progress = null, CancellationToken cancellation = default)
        where T : IBinaryFloatingPointIeee754<T>
        where TFormat : IBinaryFormat<T>
        where TSpec : IContext<T>
    {
        var total = new DrtStats { Definition = definition, Format = TFormat.Name };
        long chunks = (cases + Chunk - 1) / Chunk;
        long done = 0;
        var gate = new object();
        Parallel.For(
            0,
            chunks,
            new ParallelOptions { CancellationToken = cancellation },
            () => new DrtStats { Definition = definition, Format = TFormat.Name },
            (chunk, _, local) =>
            {
                long end = Math.Min(cases, (chunk + 1) * Chunk);
                for (long index = chunk * Chunk; index < end; index++)
                {
                    Evaluate<T, TFormat, TSpec>(CaseGenerator<T, TFormat>.Generate(definition, seed, index), index, local);
                }

                progress?.Report(Interlocked.Add(ref done, end - (chunk * Chunk)));
                return local;
            },
            local =>
            {
                lock (gate)
                {
                    total.Merge(local);
                }
            });
        return total;
    }

    /// <summary>Evaluates one case in the three semantics and records what it measured into <paramref name="stats"/>.</summary>
    public static void Evaluate<T, TFormat, TSpec>(DrtCase<T> c, long index, DrtStats stats)
        where T : IBinaryFloatingPointIeee754<T>
        where TFormat : IBinaryFormat<T>
        where TSpec : IContext<T>
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(stats);
        DifferentialContext<T, TFormat, TSpec>.TakeExpCounts();
        (T[] spec, Twin<T>[] twin, T[] exact) = Semantics<T, TFormat, TSpec>(c);
        (long calls, long discrepancies) = DifferentialContext<T, TFormat, TSpec>.TakeExpCounts();

        stats.Cases++;
        stats.ExpCalls += calls;
        stats.ExpDiscrepancies += discrepancies;
        DrtClassStats byClass = stats.ClassStats(c.Class);
        byClass.Cases++;
        for (int i = 0; i < spec.Length; i++)
        {
            stats.Elements++;
            byClass.Elements++;
            ulong specUlps = UlpDistance.Between<T, TFormat>(spec[i], exact[i]);
            ulong specCrUlps = UlpDistance.Between<T, TFormat>(twin[i].Cr, exact[i]);
            stats.SpecVsExact.Add(specUlps);
            stats.SpecCrVsExact.Add(specCrUlps);
            stats.SpecVsSpecCr.Add(UlpDistance.Between<T, TFormat>(spec[i], twin[i].Cr));
            if (specUlps == UlpDistance.Unbounded)
            {
                byClass.NaNMismatches++;
            }
            else
            {
                byClass.MaxSpecUlps = Math.Max(byClass.MaxSpecUlps, specUlps);
            }

            if (specCrUlps != UlpDistance.Unbounded)
            {
                byClass.MaxSpecCrUlps = Math.Max(byClass.MaxSpecCrUlps, specCrUlps);
            }

            if (c.Definition == Definition.DiagonalGaussianKlToStandard && spec[i] < T.Zero)
            {
                byClass.NegativeResults++;
            }

            bool mirrorMatchesText = SameClass(spec[i], twin[i].Spec);
            if (mirrorMatchesText)
            {
                stats.MirrorMatchesText++;
            }

            string? failure =
                !mirrorMatchesText ? "the C# mirror differs from the Lean text evaluated with the same arithmetic"
                : !twin[i].Explained ? "spec and spec-cr differ by more than the exp discrepancies explain"
                : null;
            if (failure is null)
            {
                if (twin[i].Identical)
                {
                    stats.IdenticalSpecCr++;
                }
                else
                {
                    stats.ExplainedDifferences++;
                }

                continue;
            }

            stats.Failures++;
            if (stats.Counterexamples.Count < DrtStats.MaxCounterexamples)
            {
                stats.Counterexamples.Add(new DrtCounterexample(
                    index,
                    i,
                    failure,
                    InputBits<T, TFormat>(c),
                    IeeeText.FormatBits<T, TFormat>(spec[i]),
                    IeeeText.FormatBits<T, TFormat>(twin[i].Cr),
                    IeeeText.FormatBits<T, TFormat>(exact[i]),
                    twin[i].Bound));
            }
        }
    }

    /// <summary>
    /// The three semantics of one case: the C# mirror with <typeparamref name="TSpec"/>; the Lean text, evaluated by the
    /// spec evaluator over <see cref="Twin{T}"/> (spec and spec-cr in lockstep); and the exact oracle. The mirror and the
    /// text are independent codes, so the first check compares the mirror with the spec, not with itself.
    /// </summary>
    private static (T[] Spec, Twin<T>[] Twin, T[] Exact) Semantics<T, TFormat, TSpec>(DrtCase<T> c)
        where T : IBinaryFloatingPointIeee754<T>
        where TFormat : IBinaryFormat<T>
        where TSpec : IContext<T>
    {
        Invocation<T> call = c.ToInvocation(v => v);
        T[] spec = call.Mirror<TSpec>();
        Twin<T>[] twin = c.ToInvocation(v => new Twin<T>(v, v, 0)).Spec<DifferentialContext<T, TFormat, TSpec>>();
        return (spec, twin, call.Exact<T, TFormat>());
    }

    private static bool SameClass<T>(T a, T b)
        where T : IBinaryFloatingPointIeee754<T> =>
        new Twin<T>(a, b, 0).Identical;

    private static Dictionary<string, string[]> InputBits<T, TFormat>(DrtCase<T> c)
        where T : IBinaryFloatingPointIeee754<T>
        where TFormat : IBinaryFormat<T>
    {
        string[] Bits(T[] values) => Array.ConvertAll(values, IeeeText.FormatBits<T, TFormat>);
        var inputs = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (c.X.Length > 0)
        {
            inputs["x"] = Bits(c.X);
        }

        if (c.Mu.Length > 0 || c.Definition is Definition.ReparameterizeDiag or Definition.DiagonalGaussianKlToStandard)
        {
            inputs["mu"] = Bits(c.Mu);
            inputs["logvar"] = Bits(c.Logvar);
        }

        if (c.Definition == Definition.ReparameterizeDiag)
        {
            inputs["eps"] = Bits(c.Eps);
        }

        return inputs;
    }
}

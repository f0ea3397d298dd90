using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Latent.Golden.Model;
using Latent.Oracles;
using Latent.Golden.Writing;
using Latent.Ieee;

namespace Latent.Golden.Generation;

/// <summary>
/// Generates a complete vector set: one file per definition and format, and one per derivative file
/// (<see cref="Derivatives.Files"/>) and format. Files are built in parallel, but each is a pure
/// function of its definition, format, seed and count, and the result list is in a fixed order, so the bytes do not
/// depend on thread scheduling.
/// </summary>
public static class GoldenSet
{
    /// <summary>The files of a set, in order: per format, every definition's own file, then the derivative files.</summary>
    public static IReadOnlyList<(Definition Definition, Derivative Derivative, string Format)> Files(GoldenOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return [.. options.Formats.SelectMany(f => Definitions.All.Select(d => (d, Derivative.None, f)).Concat(Derivatives.Files.Select(k => (k.Definition, k.Derivative, f))))];
    }

    /// <summary>
    /// Builds every file. <paramref name="onFileDone"/> is called (from any thread) as each file is finished, with the file;
    /// <paramref name="onTests"/> with the number of tests finished so far in all files.
    /// </summary>
    public static IReadOnlyList<GeneratedFile> Generate(GoldenOptions options, Action<GeneratedFile>? onFileDone = null, Action<int>? onTests = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var files = Files(options);
        var results = new GeneratedFile[files.Count];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellation };

        // Larger files first, so that the last one to start does not finish long after the others.
        int[] order = [.. Enumerable.Range(0, files.Count).OrderBy(i => Cost(files[i].Definition, files[i].Derivative)).ThenBy(i => i)];
        try
        {
            BuildAll(files, order, results, options, parallel, onFileDone, onTests, cancellation);
        }
        catch (AggregateException e) when (e.InnerExceptions.Count > 0)
        {
            // Report the first failure of a file as itself (an IOException of a write, a cancellation), not wrapped.
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
            throw;
        }

        return results;
    }

    private static void BuildAll(
        IReadOnlyList<(Definition Definition, Derivative Derivative, string Format)> files,
        int[] order,
        GeneratedFile[] results,
        GoldenOptions options,
        ParallelOptions parallel,
        Action<GeneratedFile>? onFileDone,
        Action<int>? onTests,
        CancellationToken cancellation)
    {
        int testsDone = 0;
        Parallel.ForEach(order, parallel, i =>
        {
            var (definition, derivative, format) = files[i];
            int previous = 0;
            void Progress(int done)
            {
                cancellation.ThrowIfCancellationRequested();
                onTests?.Invoke(Interlocked.Add(ref testsDone, done - previous));
                previous = done;
            }

            var mirrorMoved = new List<string>();
            VectorFile file = BinaryFormats.Visit(format, new BuildFile(definition, derivative, options, Progress, mirrorMoved));
            var generated = new GeneratedFile(file.FileName, VectorWriter.Write(file), file.TestCount) { MirrorMoved = mirrorMoved };
            results[i] = generated;
            onFileDone?.Invoke(generated);
        });
    }

    /// <summary>The total number of tests a set will have (edge cases plus random ones), for progress.</summary>
    public static int TotalTests(GoldenOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        int total = 0;
        foreach (var (definition, derivative, format) in Files(options))
        {
            total += BinaryFormats.Visit(format, new TestCount(definition, derivative, options.Count));
        }

        return total;
    }

    private readonly struct BuildFile(Definition definition, Derivative derivative, GoldenOptions options, Action<int> progress, List<string> mirrorMoved) : IFormatVisitor<VectorFile>
    {
        public VectorFile Visit<T, TFormat>()
            where T : System.Numerics.IBinaryFloatingPointIeee754<T>
            where TFormat : IBinaryFormat<T> =>
            derivative == Derivative.None
                ? FileBuilder<T, TFormat>.Build(definition, options.Seed, options.Count, progress, mirrorMoved)
                : DerivativeFileBuilder<T, TFormat>.Build(definition, derivative, options.Seed, options.Count, progress);
    }

    private readonly struct TestCount(Definition definition, Derivative derivative, int count) : IFormatVisitor<int>
    {
        public int Visit<T, TFormat>()
            where T : System.Numerics.IBinaryFloatingPointIeee754<T>
            where TFormat : IBinaryFormat<T> =>
            derivative == Derivative.None
                ? FileBuilder<T, TFormat>.EdgeCount(definition) + count
                : DerivativeFileBuilder<T, TFormat>.TestCount(definition, count);
    }

    /// <summary>Relative cost, to schedule the expensive files first (the KL's exact value and bounds cost the most).</summary>
    private static int Cost(Definition definition, Derivative derivative) => derivative != Derivative.None ? -1 : definition switch
    {
        Definition.DiagonalGaussianKlToStandard => 0,
        Definition.ReparameterizeDiag => 1,
        Definition.ExpTensor => 2,
        _ => 3,
    };
}

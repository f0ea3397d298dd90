using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Latent.Golden.Conformance;

namespace Latent.Fuzz.Tests;

/// <summary>The fuzzing folders of the repository (found above the test binaries) and the released set the results target reads against.</summary>
internal static class FuzzInputs
{
    public static string Root { get; } = FindRoot();

    public static string Fuzz => Path.Combine(Root, "fuzz");

    private static readonly Lazy<IReadOnlyList<CheckedFile>> LazyVectors = new(() => SetIntegrity.Read(Path.Combine(Root, "vectors", "v2")).Files);

    public static IReadOnlyList<CheckedFile> Vectors => LazyVectors.Value;

    /// <summary>Every file of <c>fuzz/KIND/TARGET/</c> (KIND is corpus or crashes), as target and path relative to <c>fuzz/</c>.</summary>
    public static IEnumerable<(string Target, string Path)> Files(string kind) =>
        from target in FuzzTargets.Names
        let folder = System.IO.Path.Combine(Fuzz, kind, target)
        where Directory.Exists(folder)
        from file in Directory.EnumerateFiles(folder).Order(StringComparer.Ordinal)
        where !System.IO.Path.GetFileName(file).StartsWith('.')
        select (target, System.IO.Path.GetRelativePath(Fuzz, file));

    public static byte[] Read(string relativePath) => File.ReadAllBytes(System.IO.Path.Combine(Fuzz, relativePath));

    private static string FindRoot()
    {
        for (DirectoryInfo? d = new(AppContext.BaseDirectory); d is not null; d = d.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(d.FullName, "Latent.sln")))
            {
                return d.FullName;
            }
        }

        throw new InvalidOperationException("Latent.sln not found above " + AppContext.BaseDirectory);
    }
}

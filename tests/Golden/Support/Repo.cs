using System;
using System.IO;

namespace Latent.Golden.Tests.Support;

/// <summary>Paths of the repository the tests run in: found by walking up from the test binaries to <c>Latent.sln</c>.</summary>
internal static class Repo
{
    public static string Root { get; } = FindRoot();

    public static string Schema => Path.Combine(Root, "spec", "golden.schema.json");

    /// <summary>The committed released set (the folder with MANIFEST.json).</summary>
    public static string Vectors => Path.Combine(Root, "vectors", GoldenVersion.Folder);

    public static string Ports => Path.Combine(Root, "ports", "python");

    private static string FindRoot()
    {
        for (DirectoryInfo? d = new(AppContext.BaseDirectory); d is not null; d = d.Parent)
        {
            if (File.Exists(Path.Combine(d.FullName, "Latent.sln")))
            {
                return d.FullName;
            }
        }

        throw new InvalidOperationException("Latent.sln not found above " + AppContext.BaseDirectory);
    }
}

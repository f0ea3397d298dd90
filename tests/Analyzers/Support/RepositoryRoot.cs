using System;
using System.IO;

namespace Latent.Analyzers.Tests.Support;

/// <summary>The checkout the tests run from: the first directory above the test binaries that holds <c>Latent.sln</c>.</summary>
internal static class RepositoryRoot
{
    public static string Path { get; } = Find();

    public static string File(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    private static string Find()
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (System.IO.File.Exists(System.IO.Path.Combine(dir.FullName, "Latent.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No Latent.sln above {AppContext.BaseDirectory}.");
    }
}

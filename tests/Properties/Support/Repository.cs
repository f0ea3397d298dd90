using System;
using System.IO;

namespace Latent.Properties.Support;

/// <summary>The repository the tests run from: the folder above the test assembly that holds <c>Latent.sln</c>.</summary>
internal static class Repository
{
    public static string Root { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Latent.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Latent.sln not found above " + AppContext.BaseDirectory);
    }
}

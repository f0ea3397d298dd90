using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using Latent.Golden.Conformance;
using Latent.Golden.Reading;
using Latent.Golden.Writing;

namespace Latent.Golden.Generation;

/// <summary>
/// Re-derives a vector set from its manifest (seed, count, formats) and compares it with the files on disk, byte for byte,
/// and every file with its manifest hash.
/// </summary>
public static class SetVerifier
{
    /// <summary>Finds the folder holding <c>MANIFEST.json</c>: <paramref name="directory"/> itself or its <c>v1</c> folder.</summary>
    public static string? FindSetFolder(string directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        foreach (string candidate in new[] { directory, Path.Combine(directory, GoldenVersion.Folder) })
        {
            if (File.Exists(Path.Combine(candidate, ManifestWriter.FileName)))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>Every difference found, one line each; empty when the set is exactly what this generator makes.</summary>
    /// <exception cref="InputErrorException">The manifest is malformed or a file cannot be read.</exception>
    public static IReadOnlyList<string> Verify(string setFolder, out Manifest manifest, Action<int>? onTests = null)
    {
        manifest = ManifestReader.Parse(BoundedInput.Read(Path.Combine(setFolder, ManifestWriter.FileName), ManifestReader.MaxBytes, regularFileOnly: true), ManifestWriter.FileName);
        var problems = new List<string>();
        if (manifest.GeneratorVersion != GoldenVersion.Generator)
        {
            problems.Add($"MANIFEST.json: made by generator {manifest.GeneratorVersion}, this is {GoldenVersion.Generator}; the files below are compared with what {GoldenVersion.Generator} makes");
        }

        foreach (ManifestEntry entry in manifest.Files)
        {
            string path = Path.Combine(setFolder, entry.Path);
            if (File.Exists(path) && entry.Sha256 != Convert.ToHexStringLower(SHA256.HashData(BoundedInput.Read(path, VectorReader.MaxBytes, regularFileOnly: true))))
            {
                problems.Add($"{entry.Path}: its SHA-256 differs from the manifest's");
            }
        }

        IReadOnlyList<GeneratedFile> expected = GoldenSet.Generate(manifest.Options, onTests: onTests);
        foreach (GeneratedFile file in expected)
        {
            string path = Path.Combine(setFolder, file.FileName);
            if (!File.Exists(path))
            {
                problems.Add($"{file.FileName}: missing");
                continue;
            }

            byte[] actual = BoundedInput.Read(path, VectorReader.MaxBytes, regularFileOnly: true);
            if (!actual.AsSpan().SequenceEqual(file.Bytes))
            {
                problems.Add($"{file.FileName}: differs from the regenerated file {FirstDifference(actual, file.Bytes)}");
            }

            if (!manifest.Files.Any(e => e.Path == file.FileName))
            {
                problems.Add($"{file.FileName}: not listed in MANIFEST.json");
            }
        }

        var names = new HashSet<string>(expected.Select(f => f.FileName), StringComparer.Ordinal) { ManifestWriter.FileName };
        foreach (string extra in Directory.EnumerateFileSystemEntries(setFolder).Select(p => Path.GetFileName(p)).Where(n => n.EndsWith(".json", StringComparison.OrdinalIgnoreCase) && !names.Contains(n)).Order(StringComparer.Ordinal))
        {
            problems.Add($"{SafeText.Escape(extra)}: not part of the set");
        }

        byte[] manifestBytes = ManifestWriter.Write(manifest.Options, expected);
        if (!BoundedInput.Read(Path.Combine(setFolder, ManifestWriter.FileName), ManifestReader.MaxBytes, regularFileOnly: true).AsSpan().SequenceEqual(manifestBytes))
        {
            problems.Add($"{ManifestWriter.FileName}: differs from the regenerated manifest");
        }

        return problems;
    }

    /// <summary>Where two files first differ: the line number and the tcId on that line, when there is one.</summary>
    private static string FirstDifference(byte[] actual, byte[] expected)
    {
        string[] a = Encoding.UTF8.GetString(actual).Split('\n');
        string[] b = Encoding.UTF8.GetString(expected).Split('\n');
        for (int i = 0; i < Math.Max(a.Length, b.Length); i++)
        {
            string x = i < a.Length ? a[i] : "", y = i < b.Length ? b[i] : "";
            if (x != y)
            {
                int at = y.IndexOf("\"tcId\":", StringComparison.Ordinal);
                string test = at >= 0 ? $", tcId {new string(y[(at + 7)..].TakeWhile(char.IsAsciiDigit).ToArray())}" : "";
                return $"(first at line {i + 1}{test})";
            }
        }

        return "(in line endings)";
    }
}

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using Latent.Golden.Generation;
using Latent.Golden.Reading;
using Latent.Golden.Writing;
using Latent.Oracles;

namespace Latent.Golden.Conformance;

/// <summary>
/// Reads a vector set only as its manifest describes it: every listed file present with the listed size and SHA-256, no
/// <c>*.json</c> in the folder that the manifest does not list (a stale file of an earlier run, an extra copy), and each
/// file's test count as listed. Each file is read once through <see cref="BoundedInput"/>; the bytes hashed are the bytes
/// parsed, so a file changed between the two cannot slip through.
/// </summary>
public static class SetIntegrity
{
    /// <summary>Verifies and reads the set in <paramref name="folder"/>.</summary>
    /// <exception cref="InputErrorException">The set does not verify; the message names the file and what differs.</exception>
    public static VerifiedSet Read(string folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        string shown = SafeText.Escape(folder);
        if (!Directory.Exists(folder))
        {
            throw new InputErrorException($"{shown}: no such folder");
        }

        string manifestPath = Path.Combine(folder, ManifestWriter.FileName);
        if (!File.Exists(manifestPath))
        {
            throw new InputErrorException($"{shown}: no {ManifestWriter.FileName}; a set is checked only against its manifest");
        }

        byte[] manifestBytes = BoundedInput.Read(manifestPath, ManifestReader.MaxBytes, regularFileOnly: true);
        Manifest manifest = ManifestReader.Parse(manifestBytes, ManifestWriter.FileName);
        if (manifest.Files.Count == 0)
        {
            throw new InputErrorException($"{ManifestWriter.FileName}: lists no vector file");
        }

        RefuseUnlisted(folder, manifest);
        var files = new List<CheckedFile>(manifest.Files.Count);
        foreach (ManifestEntry entry in manifest.Files)
        {
            files.Add(ReadListed(folder, entry));
        }

        files.Sort((a, b) => string.CompareOrdinal(a.FileName, b.FileName));
        return new VerifiedSet(folder, manifest, Convert.ToHexStringLower(SHA256.HashData(manifestBytes)), files);
    }

    private static void RefuseUnlisted(string folder, Manifest manifest)
    {
        var listed = new HashSet<string>(manifest.Files.Select(e => e.Path), StringComparer.Ordinal) { ManifestWriter.FileName };

        // Any case of the extension counts: a port reading "*.JSON" must not meet a file the manifest never vouched for.
        string? unlisted = Directory.EnumerateFileSystemEntries(folder)
            .Select(p => Path.GetFileName(p))
            .Where(n => n.EndsWith(".json", StringComparison.OrdinalIgnoreCase) && !listed.Contains(n))
            .Order(StringComparer.Ordinal)
            .FirstOrDefault();
        if (unlisted is not null)
        {
            throw new InputErrorException($"{SafeText.Escape(unlisted)}: not listed in {ManifestWriter.FileName} (a stale file of another run, or a copy?); remove it or regenerate the set");
        }
    }

    private static CheckedFile ReadListed(string folder, ManifestEntry entry)
    {
        string path = Path.Combine(folder, entry.Path);
        if (!File.Exists(path))
        {
            throw new InputErrorException($"{entry.Path}: listed in {ManifestWriter.FileName} but missing");
        }

        if (entry.Bytes > VectorReader.MaxBytes)
        {
            throw new InputErrorException($"{entry.Path}: {ManifestWriter.FileName} lists {entry.Bytes} bytes, more than a vector file's limit of {VectorReader.MaxBytes}");
        }

        byte[] bytes = BoundedInput.Read(path, VectorReader.MaxBytes, regularFileOnly: true);
        if (bytes.LongLength != entry.Bytes)
        {
            throw new InputErrorException($"{entry.Path}: {bytes.LongLength} bytes, {ManifestWriter.FileName} lists {entry.Bytes}");
        }

        string sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes));
        if (sha256 != entry.Sha256)
        {
            throw new InputErrorException($"{entry.Path}: SHA-256 {sha256}, {ManifestWriter.FileName} lists {entry.Sha256}: the file was changed after the set was made");
        }

        CheckedFile file = VectorReader.Parse(bytes, entry.Path);
        string expectedName = $"{file.Label}.{file.Format}.json";
        if (file.FileName != expectedName)
        {
            throw new InputErrorException($"{entry.Path}: holds {expectedName}'s definition, derivative and format under another name");
        }

        if (file.Tests.Count != entry.Tests)
        {
            throw new InputErrorException($"{entry.Path}: {file.Tests.Count} tests, {ManifestWriter.FileName} lists {entry.Tests}");
        }

        return file;
    }
}

using System;
using System.IO;
using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace Latent.Golden.Tests.Support;

/// <summary>
/// A copy of the released set in a temporary folder, for tests that damage it: text edits of one file, and
/// <see cref="Reseal"/>, which updates that file's size and SHA-256 in the manifest, as an attacker who also edits the
/// manifest would (so a test can reach the parser behind the integrity check).
/// </summary>
internal sealed class SetCopy : IDisposable
{
    private readonly TempFolder _folder = new();

    public SetCopy()
    {
        foreach (string path in Directory.EnumerateFiles(Repo.Vectors))
        {
            System.IO.File.Copy(path, _folder.File(System.IO.Path.GetFileName(path)));
        }
    }

    public string Path => _folder.Path;

    public string File(string name) => _folder.File(name);

    /// <summary>Replaces the first occurrence of <paramref name="original"/> in <paramref name="name"/>.</summary>
    public void Replace(string name, string original, string damaged)
    {
        string text = System.IO.File.ReadAllText(File(name));
        int at = text.IndexOf(original, StringComparison.Ordinal);
        if (at < 0)
        {
            throw new InvalidOperationException($"'{original}' not in {name}");
        }

        System.IO.File.WriteAllText(File(name), text[..at] + damaged + text[(at + original.Length)..]);
    }

    /// <summary>Rewrites the manifest entry of <paramref name="name"/> with the file's current size and hash.</summary>
    public void Reseal(string name)
    {
        byte[] bytes = System.IO.File.ReadAllBytes(File(name));
        string manifest = System.IO.File.ReadAllText(File("MANIFEST.json"));
        string entry = $"{{\"path\":\"{Regex.Escape(name)}\",\"sha256\":\"[0-9a-f]{{64}}\",\"bytes\":[0-9]+,";
        string sealedEntry = $"{{\"path\":\"{name}\",\"sha256\":\"{Convert.ToHexStringLower(SHA256.HashData(bytes))}\",\"bytes\":{bytes.Length},";
        string resealed = Regex.Replace(manifest, entry, sealedEntry);
        if (resealed == manifest)
        {
            throw new InvalidOperationException($"{name} not in the manifest");
        }

        System.IO.File.WriteAllText(File("MANIFEST.json"), resealed);
    }

    public void Dispose() => _folder.Dispose();
}

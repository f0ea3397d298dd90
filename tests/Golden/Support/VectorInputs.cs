using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace Latent.Golden.Tests.Support;

/// <summary>The inputs of every test of a committed vector file, read back from the bit patterns (for ports written in C#).</summary>
internal sealed record VectorInputs(string FileName, string Definition, string Format, IReadOnlyList<VectorInputs.Test> Tests)
{
    public sealed record Test(int TcId, int[] Shape, string? EmptyMean, IReadOnlyDictionary<string, ulong[]> Tensors, int NumCodes, int Index);

    public static IReadOnlyList<VectorInputs> ReadAll() =>
        [.. Directory.EnumerateFiles(Repo.Vectors, "*.json").Where(f => Path.GetFileName(f) != "MANIFEST.json").Order().Select(Read)];

    private static VectorInputs Read(string path)
    {
        using JsonDocument document = JsonDocument.Parse(File.ReadAllBytes(path));
        JsonElement root = document.RootElement;
        var tests = new List<Test>();
        foreach (JsonElement group in root.GetProperty("testGroups").EnumerateArray())
        {
            int[] shape = [.. group.GetProperty("shape").EnumerateArray().Select(d => d.GetInt32())];
            string? emptyMean = group.TryGetProperty("emptyMean", out JsonElement e) ? e.GetString() : null;
            foreach (JsonElement test in group.GetProperty("tests").EnumerateArray())
            {
                var tensors = new Dictionary<string, ulong[]>();
                int numCodes = 0, index = 0;
                foreach (JsonProperty input in test.GetProperty("inputs").EnumerateObject())
                {
                    switch (input.Name)
                    {
                        case "numCodes":
                            numCodes = input.Value.GetInt32();
                            break;
                        case "index":
                            index = input.Value.GetInt32();
                            break;
                        default:
                            tensors[input.Name] = [.. input.Value.GetProperty("bits").EnumerateArray().Select(b => Convert.ToUInt64(b.GetString()![2..], 16))];
                            break;
                    }
                }

                tests.Add(new Test(test.GetProperty("tcId").GetInt32(), shape, emptyMean, tensors, numCodes, index));
            }
        }

        string definition = root.GetProperty("definition").GetString()!;
        if (root.TryGetProperty("derivative", out JsonElement derivative))
        {
            definition += "." + derivative.GetString();
        }

        return new VectorInputs(Path.GetFileName(path), definition, root.GetProperty("format").GetString()!, tests);
    }
}

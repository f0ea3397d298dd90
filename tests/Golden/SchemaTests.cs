using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Latent.Golden.Tests.Support;
using NJsonSchema;
using Xunit;

namespace Latent.Golden.Tests;

/// <summary>Every committed file conforms to <c>spec/golden.schema.json</c> (and the manifest to its schema), validated with NJsonSchema.</summary>
public sealed class SchemaTests
{
    public static IEnumerable<object[]> VectorFiles() =>
        Directory.EnumerateFiles(Repo.Vectors, "*.json").Where(f => Path.GetFileName(f) != "MANIFEST.json").Order().Select(f => new object[] { Path.GetFileName(f) });

    [Theory]
    [MemberData(nameof(VectorFiles))]
    public async Task Committed_vector_file_conforms_to_the_schema(string file)
    {
        JsonSchema schema = await JsonSchema.FromFileAsync(Repo.Schema);
        var errors = schema.Validate(await File.ReadAllTextAsync(Path.Combine(Repo.Vectors, file)));
        Assert.Empty(errors.Select(e => e.ToString()));
    }

    [Fact]
    public async Task Manifest_conforms_to_its_schema()
    {
        JsonSchema schema = await JsonSchema.FromFileAsync(Path.Combine(Repo.Root, "spec", "golden-manifest.schema.json"));
        Assert.Empty(schema.Validate(await File.ReadAllTextAsync(Path.Combine(Repo.Vectors, "MANIFEST.json"))).Select(e => e.ToString()));
    }

    [Theory]
    [InlineData("\"0x3F800000\"", "\"0x3F80000\"")] // a bit pattern one digit short
    [InlineData("\"0x3F800000\"", "\"0x3FF0000000000000\"")] // a binary64 pattern in a binary32 file
    [InlineData("\"nan\":[\"forbidden\"]", "\"nan\":[\"maybe\"]")] // an unknown NaN rule
    [InlineData("\"tcId\":1,", "\"tcId\":0,")] // tcIds start at 1
    [InlineData("\"flags\":[", "\"flags\":[\"not a flag\",")] // flags are identifiers
    public async Task Schema_rejects_a_damaged_file(string original, string damaged)
    {
        JsonSchema schema = await JsonSchema.FromFileAsync(Repo.Schema);
        string text = await File.ReadAllTextAsync(Path.Combine(Repo.Vectors, "expTensor.f32.json"));
        Assert.Contains(original, text, System.StringComparison.Ordinal);
        Assert.NotEmpty(schema.Validate(text.Replace(original, damaged, System.StringComparison.Ordinal)));
    }
}

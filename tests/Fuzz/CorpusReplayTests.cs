using System.Linq;
using Latent.Golden.Conformance;
using Latent.Golden.Generation;
using Xunit;

namespace Latent.Fuzz.Tests;

/// <summary>
/// Every committed seed and every crash or hang the fuzzer found is replayed through the same targets afl++ ran: a crash
/// file that throws anything but a short <see cref="InputErrorException"/> again is a regression.
/// </summary>
public sealed class CorpusReplayTests
{
    public static TheoryData<string, string> Seeds => Data("corpus");

    public static TheoryData<string, string> Crashes => Data("crashes");

    [Theory]
    [MemberData(nameof(Crashes))]
    public void Every_crash_file_is_now_a_short_input_error(string target, string file)
    {
        byte[] input = FuzzInputs.Read(file);
        FuzzTargets.Run(target, input, FuzzInputs.Vectors);

        // The file was a crash because the reader did not refuse it properly; it must still be refused, not accepted.
        Assert.Throws<InputErrorException>(() => Parse(target, input));
    }

    /// <summary>The seeds are valid inputs, so that the fuzzer starts from the readers' deep paths, not from their first check.</summary>
    [Theory]
    [MemberData(nameof(Seeds))]
    public void Every_seed_is_a_valid_input(string target, string file)
    {
        Parse(target, FuzzInputs.Read(file));
    }

    [Fact]
    public void There_is_a_seed_for_every_target()
    {
        Assert.All(FuzzTargets.Names, t => Assert.Contains(FuzzInputs.Files("corpus"), f => f.Target == t));
    }

    private static void Parse(string target, byte[] input)
    {
        _ = target switch
        {
            "results" => (object)ResultsReader.Parse(input, "seed.json", FuzzInputs.Vectors),
            "vector" => VectorReader.Parse(input, "seed.json"),
            _ => ManifestReader.Parse(input, "MANIFEST.json"),
        };
    }

    private static TheoryData<string, string> Data(string kind)
    {
        var data = new TheoryData<string, string>();
        foreach ((string target, string path) in FuzzInputs.Files(kind))
        {
            data.Add(target, path);
        }

        return data;
    }
}

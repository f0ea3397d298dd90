using System.IO;
using Latent.Cli.Golden;
using Latent.Golden.Generation;
using Xunit;

namespace Latent.Cli.Tests;

/// <summary>
/// <c>latent golden</c> takes its <c>specCr</c> values from the Lean text and runs the C# mirror on every test beside it; when
/// the two disagree the vectors stay put and the report names the mirror as the side that moved.
/// </summary>
public class MirrorCheckTests
{
    [Fact]
    public void Disagreements_are_reported_with_the_mirror_as_the_side_that_moved_and_exit_1()
    {
        var moved = new GeneratedFile("halfTensor.f64.json", [], 3)
        {
            MirrorMoved = ["halfTensor.f64: test 1 (x): element 0: mirror 0x3FE0000000000001, spec text 0x3FE0000000000000"],
        };
        var error = new StringWriter();
        Assert.Equal(1, MirrorCheck.Report([new GeneratedFile("expTensor.f64.json", [], 1), moved], error));
        string text = error.ToString();
        Assert.Contains("the C# mirror differs from the spec text on 1 tests", text, System.StringComparison.Ordinal);
        Assert.Contains("so the mirror moved", text, System.StringComparison.Ordinal);
        Assert.Contains("0x3FE0000000000001", text, System.StringComparison.Ordinal);
    }

    [Fact]
    public void A_mirror_that_follows_the_text_reports_nothing()
    {
        var error = new StringWriter();
        Assert.Equal(0, MirrorCheck.Report([new GeneratedFile("expTensor.f64.json", [], 1)], error));
        Assert.Empty(error.ToString());
    }
}

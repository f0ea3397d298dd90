using System;
using System.Linq;
using System.Text.RegularExpressions;
using Latent.Golden.Tests.Support;
using Xunit;

namespace Latent.Golden.Tests;

/// <summary>
/// The derivative vectors on a real backward pass: the PyTorch port takes its gradients with <c>torch.autograd</c>
/// (<see cref="PortTests"/> shows it passes through both KL forms), and each deliberately wrong backward pass fails the
/// derivative files it breaks, in every format, and nothing else.
/// </summary>
public sealed partial class AutogradMutantTests
{
    [Theory]
    [InlineData("grad-summed", "diagonalGaussianKlToStandard.grad")]
    [InlineData("dlogvar-no-minus-one", "diagonalGaussianKlToStandard.grad")]
    [InlineData("dz-dlogvar-no-half", "reparameterizeDiag.vjp")]
    [InlineData("exp-tangent-input", "diagonalGaussianKlToStandard.grad,reparameterizeDiag.vjp")]
    [InlineData("detached-logvar", "diagonalGaussianKlToStandard.grad,reparameterizeDiag.vjp")]
    public void A_wrong_backward_pass_fails_the_derivative_files_it_breaks(string mutant, string broken)
    {
        using var folder = new TempFolder();
        string results = folder.File(mutant + ".json");
        Tool.Result port = Tool.RunPython("torch_port.py", "--vectors", Repo.Vectors, "--out", results, "--mutant", mutant);
        Assert.True(port.ExitCode == 0, port.ToString());
        Tool.Result check = Tool.Run("check", "--vectors", Repo.Vectors, "--results", results);
        Assert.True(check.ExitCode == 1, check.ToString());

        var failures = check.StdoutLines.Select(l => FailLine().Match(l)).Where(m => m.Success).Select(m => (File: m.Groups[1].Value, Format: m.Groups[2].Value, Flags: m.Groups[3].Value)).ToList();
        string[] expected = broken.Split(',');
        Assert.Equal(expected.Order(), failures.Select(f => f.File).Distinct().Order());
        foreach (string file in expected)
        {
            foreach (string format in new[] { "f64", "f32", "f16", "bf16" })
            {
                Assert.True(failures.Count(f => f.File == file && f.Format == format) >= 10, $"{mutant}: too few failures in {file} {format}");
            }
        }

        // The dropped -1 hides where e^l dwarfs it; summing instead of averaging cannot show on one coordinate.
        if (mutant == "grad-summed")
        {
            Assert.DoesNotContain(failures, f => f.Flags.Split(',').Contains("Scalar"));
        }
    }

    [GeneratedRegex(@"^FAIL ([\w.]+) (f64|f32|f16|bf16) tcId \d+ \[([^\]]*)\]: ")]
    private static partial Regex FailLine();
}

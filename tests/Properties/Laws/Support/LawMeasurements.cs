using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using Latent.Ieee;
using Latent.Oracles.Independent;

namespace Latent.Properties.Laws.Support;

/// <summary>
/// The measurements table of <c>spec/laws.md</c>, generated: each row is computed by the test it names, and the page holds
/// the block this class writes (between its markers). The check compares the page with a fresh run, so a changed
/// measurement means regenerating the block, never editing a number by hand.
/// </summary>
internal static class LawMeasurements
{
    public const string Begin = "<!-- begin generated: law measurements; regenerate with LATENT_WRITE_DOCS=1 dotnet test tests/Properties -c Release --filter \"FullyQualifiedName~LawsTableTests\" -->";
    public const string End = "<!-- end generated: law measurements -->";

    private const string OverflowEdgeTest = "ReparameterizationLaws.At_the_overflow_edge_the_spec_law_is_rejected_and_the_exact_law_is_not";

    /// <summary>The block: markers, the table header and one row per measurement.</summary>
    public static string Markdown()
    {
        var rows = new List<(string What, string Format, double Value, string Test)>
        {
            ("largest `abs(spec − exact) / B_KL` over 2000 generated KL inputs", "f64", KlDivergenceLaws<double, Binary64>.WorstBoundRatio(), "KlDivergenceLaws.Observed_error_against_the_bound"),
            ("largest `abs(spec − exact) / B_KL` over 2000 generated KL inputs", "f32", KlDivergenceLaws<float, Binary32>.WorstBoundRatio(), "KlDivergenceLaws.Observed_error_against_the_bound"),
            ("share of negative spec KL at mu = 0, 2^16 arguments, abs(x) log-uniform in [2^−54, 2^−1)", "f64", ExpMinusOneMinusLaws<double, Binary64>.NegativeShare(), "ExpMinusOneMinusLaws.Negative_results_are_common_at_small_arguments"),
            ("share of negative spec KL at mu = 0, 2^16 arguments, abs(x) log-uniform in [2^−25, 2^−1)", "f32", ExpMinusOneMinusLaws<float, Binary32>.NegativeShare(), "ExpMinusOneMinusLaws.Negative_results_are_common_at_small_arguments"),
        };
        foreach ((string format, (NormalGoodnessOfFit.Result Spec, NormalGoodnessOfFit.Result Exact) fits) in new[]
        {
            ("f64", ReparameterizationLaws<double, Binary64>.EdgeGoodnessOfFit()),
            ("f32", ReparameterizationLaws<float, Binary32>.EdgeGoodnessOfFit()),
        })
        {
            rows.Add(("Kolmogorov–Smirnov D of 5000 spec samples at the overflow edge (rounded law)", format, fits.Spec.KolmogorovSmirnov, OverflowEdgeTest));
            rows.Add(("Kolmogorov–Smirnov D of 5000 exact samples at the overflow edge (rounded law)", format, fits.Exact.KolmogorovSmirnov, OverflowEdgeTest));
        }

        foreach (string format in new[] { "f64", "f32" })
        {
            rows.Add(("generated cases per run, summed over the law properties (`MaxTest`); each draws fresh seeds", format, LawsTableTests.GeneratedCasesPerRun(format), "LawsTableTests.GeneratedCasesPerRun"));
        }

        var text = new StringBuilder();
        text.Append(Begin).Append('\n');
        text.Append("| Measurement | Format | Value | Computed by |\n|---|---|---|---|\n");
        foreach (var (what, format, value, test) in rows)
        {
            // Counts exactly; ratios and distances to three significant digits (they are seeded, so they are reproducible).
            string shown = double.IsInteger(value) ? value.ToString("R", CultureInfo.InvariantCulture) : value.ToString("G3", CultureInfo.InvariantCulture);
            text.Append(CultureInfo.InvariantCulture, $"| {what} | {format} | {shown} | `{test}` |\n");
        }

        text.Append(End).Append('\n');
        return text.ToString();
    }

    /// <summary>The block as the page holds it, or null when the markers are missing.</summary>
    public static string? InPage(string page)
    {
        int begin = page.IndexOf(Begin, StringComparison.Ordinal);
        int end = page.IndexOf(End, StringComparison.Ordinal);
        return begin < 0 || end < begin ? null : page[begin..(end + End.Length)] + "\n";
    }

    /// <summary>Replaces the page's block with <paramref name="block"/> (written to a temporary file and renamed).</summary>
    public static void Rewrite(string path, string block)
    {
        string page = File.ReadAllText(path);
        string current = InPage(page) ?? throw new InvalidDataException($"{path} has no generated measurements block.");
        string temporary = path + ".tmp";
        File.WriteAllText(temporary, page.Replace(current, block, StringComparison.Ordinal));
        File.Move(temporary, path, overwrite: true);
    }
}

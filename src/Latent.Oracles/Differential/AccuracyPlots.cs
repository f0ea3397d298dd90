using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.Json;

namespace Latent.Oracles.Differential;

/// <summary>One data series of a plot: a name and its points (<c>X[i]</c>, <c>Y[i]</c>).</summary>
/// <param name="Name">The legend entry.</param>
/// <param name="X">The abscissas.</param>
/// <param name="Y">The ordinates.</param>
public sealed record PlotSeries(string Name, IReadOnlyList<double> X, IReadOnlyList<double> Y);

/// <summary>
/// What one plot of <c>docs/accuracy.md</c> shows, independent of how it is drawn: the renderer (ScottPlot, in the
/// <c>latent</c> tool) draws it, and stores <see cref="AccuracyPlots.Json"/> of it inside the PNG, so a test can compare the
/// data a committed image was drawn from with a fresh run without comparing pixels.
/// </summary>
/// <param name="FileName">The PNG's file name, next to the markdown.</param>
/// <param name="Title">The title.</param>
/// <param name="XLabel">The horizontal axis label.</param>
/// <param name="YLabel">The vertical axis label.</param>
/// <param name="XTickLabels">Labels of the integer abscissas 0, 1, … (bar charts), or empty for a numeric axis.</param>
/// <param name="Bars">Grouped bars (one group per abscissa, one bar per series) rather than lines.</param>
/// <param name="LogY">Whether the vertical axis is logarithmic (points with <c>Y ≤ 0</c> are not drawn).</param>
/// <param name="Series">The data.</param>
public sealed record PlotData(string FileName, string Title, string XLabel, string YLabel, IReadOnlyList<string> XTickLabels, bool Bars, bool LogY, IReadOnlyList<PlotSeries> Series);

/// <summary>The plots <c>latent drt --markdown</c> writes next to the markdown and references from its generated block.</summary>
public static class AccuracyPlots
{
    /// <summary>
    /// Per format in <paramref name="runs"/>, the ULP histogram of spec against exact of every definition (elements per bucket,
    /// logarithmic); and, when there are sweeps, the KL cancellation sweep (median and largest relative error by band).
    /// </summary>
    /// <param name="stem">The markdown file's name without extension: the PNGs are <c>STEM-ulps-FORMAT.png</c> and <c>STEM-kl-sweep.png</c>.</param>
    /// <param name="runs">The measured runs.</param>
    /// <param name="sweeps">The KL cancellation sweeps.</param>
    public static IReadOnlyList<PlotData> For(string stem, IReadOnlyList<DrtStats> runs, IReadOnlyList<(string Format, IReadOnlyList<KlSweepBand> Bands)>? sweeps)
    {
        ArgumentNullException.ThrowIfNull(stem);
        ArgumentNullException.ThrowIfNull(runs);
        var plots = new List<PlotData>();
        IReadOnlyList<double> buckets = [.. Enumerable.Range(0, UlpHistogram.Labels.Count).Select(i => (double)i)];
        foreach (string format in runs.Select(r => r.Format).Distinct())
        {
            List<PlotSeries> series = [.. runs.Where(r => r.Format == format).Select(r =>
                new PlotSeries(r.Definition.LeanName(), buckets, [.. r.SpecVsExact.Counts.Select(c => (double)c)]))];
            plots.Add(new PlotData(
                $"{stem}-ulps-{format}.png",
                $"spec against exact, {format}: elements per ULP distance ({runs.First(r => r.Format == format).Cases} cases per definition)",
                "ULP distance of spec (the mirror, platform arithmetic) from exact",
                "elements (log scale)",
                UlpHistogram.Labels,
                Bars: true,
                LogY: true,
                series));
        }

        if (sweeps is { Count: > 0 })
        {
            var series = new List<PlotSeries>();
            foreach ((string format, IReadOnlyList<KlSweepBand> bands) in sweeps)
            {
                IReadOnlyList<double> x = [.. bands.Select(b => (double)b.Exponent)];
                series.Add(new PlotSeries($"{format} median", x, [.. bands.Select(b => b.MedianRelativeError)]));
                series.Add(new PlotSeries($"{format} max", x, [.. bands.Select(b => b.MaxRelativeError)]));
            }

            plots.Add(new PlotData(
                $"{stem}-kl-sweep.png",
                "KL at mu = 0, one coordinate: relative error of spec by |logvar|",
                "log2 |logvar| (band [2^k, 2^(k+1)))",
                "|spec − exact| / exact (log scale; 1 = 100 %)",
                [],
                Bars: false,
                LogY: true,
                series));
        }

        return plots;
    }

    /// <summary>The markdown that shows the plots: one image line each, in order.</summary>
    public static string Markdown(IReadOnlyList<PlotData> plots)
    {
        ArgumentNullException.ThrowIfNull(plots);
        var md = new StringBuilder();
        foreach (PlotData p in plots)
        {
            md.Append(CultureInfo.InvariantCulture, $"\n![{p.Title}]({p.FileName})\n");
        }

        return md.ToString();
    }

    /// <summary>A canonical JSON text of the plot's data (invariant culture, round-trip numbers, fixed member order).</summary>
    public static string Json(PlotData plot)
    {
        ArgumentNullException.ThrowIfNull(plot);
        using var buffer = new System.IO.MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("file", plot.FileName);
            json.WriteString("title", plot.Title);
            json.WriteString("x", plot.XLabel);
            json.WriteString("y", plot.YLabel);
            json.WriteStartArray("xTicks");
            foreach (string t in plot.XTickLabels)
            {
                json.WriteStringValue(t);
            }

            json.WriteEndArray();
            json.WriteBoolean("bars", plot.Bars);
            json.WriteBoolean("logY", plot.LogY);
            json.WriteStartArray("series");
            foreach (PlotSeries s in plot.Series)
            {
                json.WriteStartObject();
                json.WriteString("name", s.Name);
                json.WriteStartArray("points");
                for (int i = 0; i < s.X.Count; i++)
                {
                    json.WriteStartArray();
                    json.WriteRawValue(s.X[i].ToString("R", CultureInfo.InvariantCulture));
                    json.WriteRawValue(s.Y[i].ToString("R", CultureInfo.InvariantCulture));
                    json.WriteEndArray();
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}

using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Latent.Oracles.Differential;
using ScottPlot;

namespace Latent.Cli.Drt;

/// <summary>
/// Draws a <see cref="PlotData"/> with ScottPlot into a PNG and stores the data's JSON in a <c>tEXt</c> chunk of it
/// (<see cref="PngText"/>). The drawing depends only on the data (no time, no randomness), so the same data give the same
/// bytes with the same ScottPlot and fonts; CI checks the data, not the pixels.
/// </summary>
internal static class PlotRenderer
{
    public const int Width = 1100;

    public const int Height = 520;

    private static readonly Color[] Palette =
    [
        Colors.Black, Colors.SteelBlue, Colors.DarkOrange, Colors.ForestGreen, Colors.DarkRed, Colors.MediumPurple, Colors.Gray, Colors.Olive,
    ];

    public static byte[] Render(PlotData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var plot = new Plot();
        if (data.Bars)
        {
            DrawBars(plot, data);
        }
        else
        {
            DrawLines(plot, data);
        }

        plot.Title(data.Title);
        plot.XLabel(data.XLabel);
        plot.YLabel(data.YLabel);
        if (data.LogY)
        {
            LogTicks(plot, data);
        }

        plot.ShowLegend(data.Bars ? Alignment.UpperCenter : Alignment.UpperRight); // bars: the middle buckets are the lowest
        byte[] png = plot.GetImageBytes(Width, Height, ImageFormat.Png);
        return PngText.Insert(png, PngText.PlotDataKeyword, AccuracyPlots.Json(data));
    }

    /// <summary>Where the bars of a log scale start: log10(1/2), so that a count of 1 shows.</summary>
    private const double LogFloor = -0.30103;

    private static double Y(PlotData data, double y) => data.LogY ? Math.Log10(y) : y;

    private static void DrawBars(Plot plot, PlotData data)
    {
        int groups = data.XTickLabels.Count;
        int n = data.Series.Count;
        var bars = new List<Bar>();
        for (int s = 0; s < n; s++)
        {
            PlotSeries series = data.Series[s];
            for (int i = 0; i < series.X.Count; i++)
            {
                double y = series.Y[i];
                if (data.LogY && y <= 0)
                {
                    continue; // log scale: an empty bucket has no bar
                }

                bars.Add(new Bar { Position = (series.X[i] * (n + 1)) + s, Value = Y(data, y), ValueBase = data.LogY ? LogFloor : 0, FillColor = Palette[s % Palette.Length], LineWidth = 0 });
            }

            plot.Legend.ManualItems.Add(new LegendItem { LabelText = series.Name, FillColor = Palette[s % Palette.Length] });
        }

        plot.Add.Bars(bars);
        double[] positions = [.. Enumerable.Range(0, groups).Select(g => (g * (n + 1)) + ((n - 1) / 2.0))];
        plot.Axes.Bottom.SetTicks(positions, [.. data.XTickLabels]);
        plot.Axes.Margins(bottom: 0);
    }

    private static void DrawLines(Plot plot, PlotData data)
    {
        for (int s = 0; s < data.Series.Count; s++)
        {
            PlotSeries series = data.Series[s];
            var points = Enumerable.Range(0, series.X.Count).Where(i => !data.LogY || series.Y[i] > 0).ToArray();
            var scatter = plot.Add.Scatter(points.Select(i => series.X[i]).ToArray(), points.Select(i => Y(data, series.Y[i])).ToArray(), Palette[(s / 2) % Palette.Length]);
            scatter.LegendText = series.Name;
            scatter.LinePattern = s % 2 == 0 ? LinePattern.Solid : LinePattern.Dashed;
        }

        if (data.LogY)
        {
            plot.Add.HorizontalLine(0, 1, Colors.Gray, LinePattern.Dotted); // 10^0: 100 % relative error
        }
    }

    /// <summary>Tick labels 10^k on a log10-transformed vertical axis, every integer power between the data's extremes.</summary>
    private static void LogTicks(Plot plot, PlotData data)
    {
        double[] ys = [.. data.Series.SelectMany(s => s.Y).Where(y => y > 0).Select(Math.Log10)];
        if (ys.Length == 0)
        {
            return;
        }

        int low = (int)Math.Floor(Math.Min(0, ys.Min())), high = (int)Math.Ceiling(ys.Max());
        int step = Math.Max(1, (high - low) / 12);
        double[] ticks = [.. Enumerable.Range(0, ((high - low) / step) + 1).Select(k => (double)(low + (k * step)))];
        plot.Axes.Left.SetTicks(ticks, [.. ticks.Select(t => string.Create(CultureInfo.InvariantCulture, $"1e{t:0}"))]);
        plot.Axes.SetLimitsY(data.Bars ? LogFloor : low, high + (0.05 * (high - low)));
    }
}

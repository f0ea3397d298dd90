using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using Latent.Cli.Drt;
using Latent.Ieee;

namespace Latent.Cli.Exhaustive;

/// <summary>
/// <c>latent exhaustive</c>: every binary32, binary16 or bfloat16 input of a one-argument slice (or a range or stride of them) through spec,
/// spec-cr and exact, on all cores, with a progress line, a resumable checkpoint, ulp histograms and the misrounded inputs.
/// </summary>
internal static class ExhaustiveCommand
{
    public static Command Create()
    {
        var slice = new Option<string>("--slice")
        {
            Description = "The slice: " + string.Join(", ", ExhaustiveSlice.All.Select(s => s.Name)) + ", or all.",
            DefaultValueFactory = _ => "expTensor",
        };
        var format = new Option<string>("--format")
        {
            Description = "The format of the swept input and the results: " + string.Join(", ", ExhaustiveReport.Formats) + ", or a comma-separated list of them.",
            DefaultValueFactory = _ => Binary32.Name,
        };
        var from = new Option<string>("--from") { Description = "First input bit pattern (hex).", DefaultValueFactory = _ => "0x0" };
        var to = new Option<string?>("--to") { Description = "End of the range, exclusive (hex; default: all bit patterns of the format, 0x100000000 for f32, 0x10000 for f16 and bf16)." };
        var stride = new Option<long>("--stride") { Description = "Take every n-th input of the range (default 1: all).", DefaultValueFactory = _ => 0 };
        var threads = new Option<int>("--threads") { Description = "Worker threads (default: all cores).", DefaultValueFactory = _ => Environment.ProcessorCount };
        var checkpoint = new Option<string?>("--checkpoint") { Description = "Resume from and save to this file (one per slice and format: NAME.<slice>, NAME.<slice>.<format> besides f32)." };
        var markdown = new Option<string?>("--markdown") { Description = "Write the report as markdown to this file (e.g. docs/exhaustive.md)." };
        var lists = new Option<string?>("--lists") { Description = "Write the misrounded inputs of each slice to DIR/<slice>.misrounded.txt (DIR/<slice>.<format>.misrounded.txt besides f32)." };
        var sample = new Option<bool>("--sample") { Description = "Also sweep each binary32 slice's CI sample range and record it in the report." };
        var command = new Command("exhaustive", "Sweep every input of a one-argument slice in binary32, binary16 or bfloat16: spec and spec-cr against exact.\n"
            + "Exit codes: 0 the sweep ran (misrounded inputs are measurements, reported, not failures); 2 bad input (bad option, an output folder that does not exist), before any input is swept; 70 internal error.")
        {
            slice, format, from, to, stride, threads, checkpoint, markdown, lists, sample,
        };
        command.SetAction(result =>
        {
            string name = result.GetRequiredValue(slice);
            IReadOnlyList<ExhaustiveSlice> slices = name == "all"
                ? ExhaustiveSlice.All
                : [ExhaustiveSlice.Find(name) ?? throw new UsageException($"unknown slice '{Latent.Golden.Reading.SafeText.Excerpt(name)}'")];
            string[] formats = result.GetRequiredValue(format).Split(',', StringSplitOptions.TrimEntries);
            foreach (string f in formats)
            {
                if (!ExhaustiveReport.Formats.Contains(f))
                {
                    throw new UsageException($"unknown format '{Latent.Golden.Reading.SafeText.Excerpt(f)}' (expected {string.Join(", ", ExhaustiveReport.Formats)})");
                }
            }

            long first = Hex(result.GetRequiredValue(from));
            long? end = result.GetValue(to) is { } t ? Hex(t) : null;
            long step = result.GetRequiredValue(stride);
            var ranges = formats.Distinct().Select(f => (Format: f, Range: new SweepRange(first, end ?? (1L << BinaryFormats.BitWidth(f)), step))).ToList();
            foreach ((string f, SweepRange range) in ranges)
            {
                if (range.Stride < 0 || range.From < 0 || range.To > 1L << BinaryFormats.BitWidth(f) || range.To <= range.From)
                {
                    throw new UsageException($"the range {range} is empty or outside the {f} bit patterns [0, 2^{BinaryFormats.BitWidth(f)}), or the stride is negative");
                }
            }

            return Run(slices, ranges, Math.Max(1, result.GetRequiredValue(threads)), result.GetValue(checkpoint), result.GetValue(markdown),
                result.GetValue(lists), result.GetValue(sample), result.InvocationConfiguration.Output, result.InvocationConfiguration.Error, args: Environment.GetCommandLineArgs());
        });
        return command;
    }

    private static int Run(IReadOnlyList<ExhaustiveSlice> slices, IReadOnlyList<(string Format, SweepRange Range)> ranges, int threads, string? checkpoint, string? markdown, string? lists, bool sample, TextWriter stdout, TextWriter stderr, string[] args)
    {
        // Output paths are checked before hours of sweeping, not after.
        RequireFolderOf(markdown, "--markdown");
        RequireFolderOf(lists is null ? null : Path.Combine(lists, "x"), "--lists");
        var results = new List<ExhaustiveReport.SliceResult>();
        using var cancel = new CancellationTokenSource();
        foreach ((string format, SweepRange requested) in ranges)
        {
            foreach (ExhaustiveSlice s in slices)
            {
                SweepRange range = requested with { Stride = requested.Stride == 0 ? s.DefaultStride : requested.Stride };
                string label = format == Binary32.Name ? s.Name : $"{s.Name} {format}";
                string? path = checkpoint is null ? null : format == Binary32.Name ? $"{checkpoint}.{s.Name}" : $"{checkpoint}.{s.Name}.{format}";
                ConsoleProgress progress = ConsoleProgress.Create(stderr, $"exhaustive {label}", range.Count);
                ExhaustiveRunner.Outcome outcome = ExhaustiveRunner.Sweep(format, s, range, threads, path, progress, cancel.Token);
                progress.Done();
                ExhaustiveRunner.Outcome? sampled = sample && format == Binary32.Name
                    ? ExhaustiveRunner.Sweep(s, ExhaustiveReport.SampleRange, threads, null, null, cancel.Token)
                    : null;
                results.Add(new ExhaustiveReport.SliceResult(s, format, range, outcome, sampled?.Stats));
                stdout.WriteLine(ExhaustiveReport.SummaryLine(s, format, range, outcome));
                if (lists is not null)
                {
                    ExhaustiveReport.WriteList(Path.Combine(lists, ExhaustiveReport.ListFileName(s.Name, format)), s, format, range, outcome.Stats);
                }
            }
        }

        if (markdown is not null)
        {
            string command = "latent " + string.Join(' ', args.SkipWhile(a => a != "exhaustive"));
            Latent.Golden.Writing.AtomicFile.Write(markdown, System.Text.Encoding.UTF8.GetBytes(ExhaustiveReport.Markdown(results, threads, command, DateTime.UtcNow)));
        }

        return ExitCodes.Success;
    }

    private static long Hex(string text)
    {
        string digits = text.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? text[2..] : text;
        return long.TryParse(digits, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out long value)
            ? value
            : throw new UsageException($"'{Latent.Golden.Reading.SafeText.Excerpt(text)}' is not a hexadecimal bit pattern");
    }

    private static void RequireFolderOf(string? path, string option)
    {
        string? folder = path is null ? null : Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is not null && !Directory.Exists(folder))
        {
            throw new UsageException($"{option}: the folder '{Latent.Golden.Reading.SafeText.Excerpt(folder)}' does not exist");
        }
    }
}

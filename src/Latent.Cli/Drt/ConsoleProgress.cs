using System;
using System.IO;

namespace Latent.Cli.Drt;

/// <summary>
/// A progress line on standard error, redrawn in place, only when standard error is a terminal; redirected output
/// (CI logs, tests) stays free of carriage returns.
/// </summary>
internal sealed class ConsoleProgress : IProgress<long>
{
    private readonly TextWriter? _terminal;
    private readonly string _label;
    private readonly long _total;
    private long _lastPercent = -1;

    private ConsoleProgress(TextWriter? terminal, string label, long total)
    {
        _terminal = terminal;
        _label = label;
        _total = Math.Max(total, 1);
    }

    public static ConsoleProgress Create(TextWriter stderr, string label, long total) =>
        new(ReferenceEquals(stderr, Console.Error) && !Console.IsErrorRedirected ? stderr : null, label, total);

    public void Report(long value)
    {
        if (_terminal is null)
        {
            return;
        }

        long percent = value * 100 / _total;
        lock (this)
        {
            if (percent > _lastPercent)
            {
                _lastPercent = percent;
                _terminal.Write($"\r{_label}: {value:N0}/{_total:N0} ({percent}%)   ");
            }
        }
    }

    public void Done()
    {
        _terminal?.Write("\r" + new string(' ', _label.Length + 40) + "\r");
    }
}

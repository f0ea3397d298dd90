using System;
using System.Diagnostics;
using System.IO;

namespace Latent.Cli.Golden;

/// <summary>
/// Where the golden commands write: results and the summary to standard output, progress to standard error, and progress
/// only when standard error is a terminal (a redirected or captured run gets the summary line alone).
/// </summary>
internal sealed class GoldenIo(TextWriter output, TextWriter error)
{
    private readonly Stopwatch _sinceLast = Stopwatch.StartNew();
    private bool _progressShown;

    public TextWriter Output { get; } = output;

    public TextWriter Error { get; } = error;

    /// <summary>Progress goes to a terminal only: standard error is the console's and not redirected.</summary>
    public bool ShowsProgress => ReferenceEquals(Error, Console.Error) && !Console.IsErrorRedirected;

    /// <summary>Overwrites the progress line, at most ten times a second.</summary>
    public void Progress(string line, bool force = false)
    {
        if (!ShowsProgress || (!force && _sinceLast.ElapsedMilliseconds < 100))
        {
            return;
        }

        lock (_sinceLast)
        {
            _sinceLast.Restart();
            Error.Write("\r\u001b[2K" + line);
            Error.Flush();
            _progressShown = true;
        }
    }

    /// <summary>Clears the progress line before the summary.</summary>
    public void EndProgress()
    {
        if (_progressShown)
        {
            Error.Write("\r\u001b[2K");
            Error.Flush();
        }
    }
}

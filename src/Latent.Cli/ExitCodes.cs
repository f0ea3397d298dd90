namespace Latent.Cli;

/// <summary>Process exit codes of the <c>latent</c> tool.</summary>
internal static class ExitCodes
{
    /// <summary>The command did what was asked.</summary>
    public const int Success = 0;

    /// <summary>A check ran and found a difference (used by commands that verify).</summary>
    public const int CheckFailed = 1;

    /// <summary>Bad input: unknown command or option, unparsable value, mismatched shapes, index out of range.</summary>
    public const int BadInput = 2;

    /// <summary>A defect in the tool itself; the message says what went wrong.</summary>
    public const int InternalError = 70;

    /// <summary>A run stopped by SIGINT or SIGTERM (128 + 2, as a shell reports Ctrl-C).</summary>
    public const int Interrupted = 130;

    /// <summary>The exit codes every command shares, for the help texts.</summary>
    public const string Help = "Exit codes: 0 success; 2 bad input (unknown command or option, bad value, malformed or unverified file), with one line on standard error; 70 internal error.";
}

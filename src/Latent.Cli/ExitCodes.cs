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
}

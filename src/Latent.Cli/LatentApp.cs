using System;
using System.CommandLine;
using System.IO;
using Latent.Cli.Drt;
using Latent.Cli.Eval;

namespace Latent.Cli;

/// <summary>
/// The <c>latent</c> command line: builds the commands, parses, and turns every failure into one line on standard
/// error and an exit code, never a stack trace.
/// </summary>
public static class LatentApp
{
    /// <summary>Runs the tool with the given arguments and writers; returns the process exit code.</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);

        var root = new RootCommand("latent: the C# mirror of TorchLean's NN.Spec.Generative.Latent.")
        {
            EvalCommand.Create(),
            DrtCommand.Create(),
            Golden.GoldenCommand.Create(),
            Check.CheckCommand.Create(),
            Exhaustive.ExhaustiveCommand.Create(),
        };

        // '@' at the start of a value is data here, never a response file.
        ParseResult parsed = root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
        if (parsed.Errors.Count > 0)
        {
            stderr.WriteLine($"latent: {OneLine(parsed.Errors[0].Message)}");
            return ExitCodes.BadInput;
        }

        try
        {
            return parsed.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false });
        }
        catch (UsageException e)
        {
            stderr.WriteLine($"latent: {OneLine(e.Message)}");
            return ExitCodes.BadInput;
        }
        catch (ArgumentException e)
        {
            // The library names the parameter, the shapes or the index; that is the user's input here.
            stderr.WriteLine($"latent: {OneLine(e.Message)}");
            return ExitCodes.BadInput;
        }
#pragma warning disable CA1031 // The last resort: a defect must still end as one line and an exit code, not a stack trace.
        catch (Exception e)
#pragma warning restore CA1031
        {
            stderr.WriteLine($"latent: internal error: {e.GetType().Name}: {OneLine(e.Message)}");
            return ExitCodes.InternalError;
        }
    }

    private static string OneLine(string message) => message.ReplaceLineEndings(" ");
}

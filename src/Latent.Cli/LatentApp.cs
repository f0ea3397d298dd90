using System;
using System.CommandLine;
using System.CommandLine.Help;
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

        Command root = CreateRoot();

        ParseResult parsed = root.Parse(args, ParserConfiguration);
        if (parsed.Errors.Count > 0)
        {
            stderr.WriteLine($"latent: {OneLine(parsed.Errors[0].Message)}");

            // An unknown command is answered with the help too, so that a new user sees what there is.
            if (parsed.CommandResult.Command == root)
            {
                WriteHelp(root, stderr);
            }

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
        catch (Latent.Golden.Conformance.InputErrorException e)
        {
            // A file that cannot be read or is malformed, wherever a command meets it.
            stderr.WriteLine($"latent: {OneLine(e.Message)}");
            return ExitCodes.BadInput;
        }
        catch (ArgumentOutOfRangeException e)
        {
            // An index or size the library refused: the user's input, and said to be out of range.
            stderr.WriteLine($"latent: out of range: {OneLine(e.Message)}");
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

    /// <summary>
    /// The tool's root command. It is a plain command named <c>latent</c>, not a <see cref="RootCommand"/>, whose name
    /// would be the executable's (<c>Latent.Cli</c> under <c>dotnet run</c>) in the help.
    /// </summary>
    private static Command CreateRoot()
    {
        var root = new Command("latent", "latent: the C# mirror of TorchLean's NN.Spec.Generative.Latent, its golden vectors and their conformance checker.\n" + ExitCodes.Help)
        {
            EvalCommand.Create(),
            DrtCommand.Create(),
            Golden.GoldenCommand.Create(),
            Check.CheckCommand.Create(),
            Exhaustive.ExhaustiveCommand.Create(),
        };
        root.Options.Add(new HelpOption());
        root.Options.Add(new VersionOption());

        // 'latent' alone asked for nothing: the help, on standard error, and exit 2.
        root.SetAction(result =>
        {
            WriteHelp(root, result.InvocationConfiguration.Error);
            return ExitCodes.BadInput;
        });
        return root;
    }

    private static void WriteHelp(Command root, TextWriter writer) =>
        root.Parse(["--help"], ParserConfiguration).Invoke(new InvocationConfiguration { Output = writer, Error = writer });

    /// <summary>One line, control characters escaped (a message may carry a path or text from an input file), cut short.</summary>
    private static string OneLine(string message)
    {
        string line = Latent.Golden.Reading.SafeText.Escape(message.ReplaceLineEndings(" "));
        return line.Length <= MaxLine ? line : line[..MaxLine] + "...";
    }

    private const int MaxLine = 1000;

    /// <summary>'@' at the start of a value is data here, never a response file.</summary>
    private static readonly ParserConfiguration ParserConfiguration = new() { ResponseFileTokenReplacer = null };
}

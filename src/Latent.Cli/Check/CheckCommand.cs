using System;
using System.CommandLine;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Latent.Golden.Conformance;
using Latent.Golden.Generation;
using Latent.Golden.Model;
using Latent.Oracles;

namespace Latent.Cli.Check;

/// <summary>
/// <c>latent check --vectors DIR --results FILE [--definition NAME] [--format F] [--profile NAME]</c>: checks a port's
/// results against the vectors' bands of one port profile. Exit 0 when every test passes, 1 when any fails, 2 on malformed input.
/// </summary>
internal static class CheckCommand
{
    public static Command Create()
    {
        var vectors = new Option<string>("--vectors") { Description = "The vector set: the folder with MANIFEST.json, or its parent. Every file is verified against the manifest first.", Required = true, HelpName = "DIR" };
        var results = new Option<string>("--results") { Description = "The port's results (latent-results-v1 JSON, see README 'For port authors'); - reads standard input.", Required = true, HelpName = "FILE" };
        var definition = new Option<string?>("--definition") { Description = "Check only this definition's files.", HelpName = "NAME" };
        var format = new Option<string?>("--format") { Description = "Check only this format's files (f64, f32, f16 or bf16).", HelpName = "F" };
        format.AcceptOnlyFromAmong([.. Latent.Ieee.BinaryFormats.Names]);
        var profile = new Option<string>("--profile")
        {
            Description = "The port profile whose bands judge the results: default (any faithful formula, exp within 3 ulps), strict (the Lean order with a faithful exp) or gpu (default with exp within 2 ulps and subnormals that may be flushed to zero). See docs/golden-vectors.md.",
            HelpName = "NAME",
            DefaultValueFactory = _ => "default",
        };
        profile.AcceptOnlyFromAmong([.. Latent.Golden.Tolerance.PortProfiles.All.Select(Latent.Golden.Tolerance.PortProfiles.Name)]);
        var command = new Command(
            "check",
            "Check a port's results against golden vectors: verify the set against its MANIFEST.json, then print per definition and format passed, failed, max error in ulps and in tolerance units, and every failing tcId with its flags.\n"
            + "Exit codes: 0 every test passes; 1 some test fails (a missing tcId fails); 2 bad input (a set that does not match its manifest, malformed results, bad option), with one line naming the file; 70 internal error.")
        {
            vectors, results, definition, format, profile,
        };
        command.SetAction(result => Run(
            result.GetRequiredValue(vectors),
            result.GetRequiredValue(results),
            result.GetValue(definition),
            result.GetValue(format),
            Latent.Golden.Tolerance.PortProfiles.Find(result.GetValue(profile)) ?? Latent.Golden.Tolerance.PortProfile.Default,
            result.InvocationConfiguration.Output));
        return command;
    }

    private static int Run(string vectorsDir, string resultsFile, string? definitionName, string? format, Latent.Golden.Tolerance.PortProfile profile, TextWriter output)
    {
        Definition? only = null;
        if (definitionName is not null)
        {
            only = Definitions.Find(definitionName) ?? throw new UsageException($"unknown definition '{definitionName}'");
        }

        string folder = SetVerifier.FindSetFolder(vectorsDir) ?? vectorsDir;
        try
        {
            VerifiedSet set = SetIntegrity.Read(folder);
            PortResults portResults = ResultsReader.Read(resultsFile, set.Files);
            CheckedFile[] chosen = [.. set.Files.Where(f => (only is null || f.Definition == only) && (format is null || f.Format == format))];
            if (chosen.Length == 0)
            {
                throw new UsageException("no vector file matches --definition and --format");
            }

            IReadOnlyList<FileVerdict> verdicts = Checker.Check(chosen, portResults, profile);
            CheckReport.Write(output, set, resultsFile, portResults, verdicts, profile);
            return verdicts.All(v => v.Failures.Count == 0) ? ExitCodes.Success : ExitCodes.CheckFailed;
        }
        catch (IOException e)
        {
            throw new UsageException(e.Message, e);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new UsageException(e.Message, e);
        }
    }
}

using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using Latent.Golden.Model;
using Latent.Golden.Reading;
using Latent.Oracles;

namespace Latent.Golden.Conformance;

/// <summary>
/// The text <c>latent check</c> prints: a header line, a table with one row per definition and format (passed, failed,
/// max error in ulps and in tolerance units), one <c>FAIL</c> line per failing test with its flags and reason, and a summary.
/// </summary>
public static class CheckReport
{
    /// <summary>Writes the report of <paramref name="verdicts"/>.</summary>
    /// <remarks>
    /// The header names the set's generator version and manifest SHA-256, so that a verdict is tied to the exact vectors;
    /// every string that came from an input file (the port, flags) is printed with control characters escaped.
    /// </remarks>
    public static void Write(TextWriter output, VerifiedSet set, string resultsFile, PortResults results, IReadOnlyList<FileVerdict> verdicts, Tolerance.PortProfile profile = Tolerance.PortProfile.Default)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(resultsFile);
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(verdicts);
        string port = results.Port.Length == 0 ? "" : $" (port: {SafeText.Escape(results.Port)})";
        output.WriteLine($"latent check: vectors {SafeText.Escape(set.Folder)} (generator {set.Manifest.GeneratorVersion}, manifest sha256 {set.ManifestSha256}), results {BoundedInput.Name(resultsFile)}{port}, profile {Tolerance.PortProfiles.Name(profile)}");
        output.WriteLine($"{"definition",-34} {"format",-6} {"passed",7} {"failed",7} {"max ulps",12} {"max tol",10}");
        foreach (FileVerdict v in verdicts)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{v.Label,-34} {v.Format,-6} {v.Passed,7} {v.Failures.Count,7} {Number(v.MaxUlps, "F0"),12} {Number(v.MaxToleranceUnits, "F3"),10}"));
        }

        foreach (FileVerdict v in verdicts)
        {
            foreach (Failure f in v.Failures)
            {
                output.WriteLine($"FAIL {v.Label} {v.Format} tcId {f.TcId} [{SafeText.Escape(string.Join(",", f.Flags))}]: {f.Reason}");
            }
        }

        int passed = verdicts.Sum(v => v.Passed), failed = verdicts.Sum(v => v.Failures.Count);
        string verdict = failed == 0 ? "all pass" : $"{verdicts.Count(v => v.Failures.Count > 0)} of {verdicts.Count} files fail";
        output.WriteLine($"latent check: {passed + failed} tests, {passed} passed, {failed} failed: {verdict}");
    }

    private static string Number(double value, string format) =>
        double.IsPositiveInfinity(value) ? "inf" : value.ToString(value >= 1e6 ? "0.0e0" : format, CultureInfo.InvariantCulture);
}

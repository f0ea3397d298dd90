using System.IO;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace Latent.Analyzers.Tests.Support;

/// <summary>
/// Runs one analyzer (or one code fix) over test sources with the library prelude, against .NET 10 reference assemblies
/// taken from the NuGet cache that restore filled: no network at test time.
/// </summary>
internal static class Verify
{
    public static readonly ReferenceAssemblies Net10 = new(
        "net10.0",
        new PackageIdentity("Microsoft.NETCore.App.Ref", "10.0.12"),
        Path.Combine("ref", "net10.0"));

    /// <summary>Expects exactly the diagnostics marked in <paramref name="source"/> with <c>{|LAT000n:…|}</c>.</summary>
    public static Task Analyzer<TAnalyzer>(string source, params DiagnosticResult[] expected)
        where TAnalyzer : DiagnosticAnalyzer, new() =>
        Analyzer<TAnalyzer>(source, lean: null, expected);

    /// <summary>As above, with a spec file <c>spec/Test.lean</c> (whose text may carry markup too).</summary>
    public static Task Analyzer<TAnalyzer>(string source, string? lean, params DiagnosticResult[] expected)
        where TAnalyzer : DiagnosticAnalyzer, new()
    {
        var test = new CSharpAnalyzerTest<TAnalyzer, DefaultVerifier> { ReferenceAssemblies = Net10 };
        test.TestState.Sources.Add(source);
        test.TestState.Sources.Add(("Prelude.cs", Prelude.Source));
        if (lean is not null)
        {
            test.TestState.AdditionalFiles.Add(("spec/Test.lean", lean));
        }

        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    /// <summary>Applies <typeparamref name="TFix"/> to every marked diagnostic and compares with <paramref name="fixedSource"/>.</summary>
    public static Task CodeFix<TAnalyzer, TFix>(string source, string fixedSource, string? lean = null)
        where TAnalyzer : DiagnosticAnalyzer, new()
        where TFix : CodeFixProvider, new()
    {
        var test = new CSharpCodeFixTest<TAnalyzer, TFix, DefaultVerifier>
        {
            ReferenceAssemblies = Net10,

            // The rules report at compilation end (they need the whole spec or call graph), so their diagnostics are not
            // "local" to one document; the IDE offers the fixes under full-solution analysis.
            CodeFixTestBehaviors = CodeFixTestBehaviors.SkipLocalDiagnosticCheck,
        };
        test.TestState.Sources.Add(source);
        test.TestState.Sources.Add(("Prelude.cs", Prelude.Source));
        test.FixedState.Sources.Add(fixedSource);
        test.FixedState.Sources.Add(("Prelude.cs", Prelude.Source));
        if (lean is not null)
        {
            test.TestState.AdditionalFiles.Add(("spec/Test.lean", lean));
            test.FixedState.AdditionalFiles.Add(("spec/Test.lean", lean));
        }

        return test.RunAsync();
    }
}

using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Latent.Analyzers.Library;
using Latent.Analyzers.Spec;
using Latent.Lean;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Latent.Analyzers.Rules;

/// <summary>
/// LAT0007: every method mirror states its Lean binder and result types as contracts (<c>[TensorOf]</c>, <c>[Fin]</c>,
/// <c>[CodebookOf]</c>, a scalar return), they match the types in <c>spec/</c>, and the body calls the
/// <c>[EnforcesContract]</c> guards they imply before its first computation.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ContractAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Descriptors.Contracts];

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        MirrorCollection.Register(context, Report, SymbolKind.Method);
    }

    private static void Report(LibrarySymbols library, IReadOnlyList<ISymbol> mirrors, CompilationAnalysisContext context)
    {
        SpecIndex index = SpecIndex.Read(context);
        foreach (IMethodSymbol mirror in mirrors.OfType<IMethodSymbol>())
        {
            if (library.MirroredName(mirror) is { } name
                && index.Declarations.TryGetValue(name, out (SpecFile File, LeanDeclaration Declaration) found)
                && !found.Declaration.IsTypeLevel)
            {
                foreach (Diagnostic diagnostic in ContractCheck.Check(library, mirror, found.Declaration, found.File))
                {
                    context.ReportDiagnostic(diagnostic);
                }
            }
        }
    }
}

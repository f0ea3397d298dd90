using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Latent.Analyzers.Library;
using Latent.Analyzers.Spec;
using Latent.Lean;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis;

namespace Latent.Analyzers.Rules;

/// <summary>
/// LAT0001: pairs every declaration of <c>spec/**/*.lean</c> (AdditionalFiles) with exactly one <c>[Mirrors]</c> member
/// and checks the mirror's parameters against the Lean explicit binders.
/// </summary>
[DiagnosticAnalyzer(Microsoft.CodeAnalysis.LanguageNames.CSharp)]
public sealed class SpecCompletenessAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Descriptors.SpecCompleteness];

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        MirrorCollection.Register(context, Report, SymbolKind.Method, SymbolKind.NamedType);
    }

    private static void Report(LibrarySymbols library, IReadOnlyList<ISymbol> mirrorSymbols, CompilationAnalysisContext context)
    {
        var index = SpecIndex.Read(context);
        List<SpecFile> files = index.Files;
        IReadOnlyList<ISymbol> mirrors = mirrorSymbols;
        if (files.Count == 0 && mirrors.Count == 0)
        {
            return;
        }

        Dictionary<string, (SpecFile File, LeanDeclaration Declaration)> declarations = index.Declarations;
        ILookup<string, ISymbol> byName = mirrors.Where(m => library.MirroredName(m) is not null).ToLookup(m => library.MirroredName(m)!, System.StringComparer.Ordinal);
        foreach (ISymbol mirror in mirrors.Where(m => library.MirroredName(m) is null))
        {
            context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.SpecCompleteness,
                AttributeLocation(library, mirror),
                "[Mirrors] needs the constant, fully qualified name of a Lean declaration"));
        }

        foreach ((SpecFile file, LeanDeclaration declaration) in declarations.Values)
        {
            List<ISymbol> found = byName[declaration.FullName].ToList();
            if (found.Count == 0)
            {
                context.ReportDiagnostic(Diagnostic.Create(
                    Descriptors.SpecCompleteness,
                    file.LocationOf(declaration),
                    $"Lean {declaration.Keyword} '{declaration.FullName}' has no C# mirror: mark exactly one member "
                    + $"[Mirrors(\"{declaration.FullName}\")]"));
            }
            else if (found.Count > 1)
            {
                string names = string.Join(", ", found.Select(m => m.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat)));
                foreach (ISymbol mirror in found)
                {
                    context.ReportDiagnostic(Diagnostic.Create(
                        Descriptors.SpecCompleteness,
                        AttributeLocation(library, mirror),
                        $"Lean {declaration.Keyword} '{declaration.FullName}' has {found.Count} mirrors ({names}); exactly one member may carry its [Mirrors]"));
                }
            }
            else
            {
                foreach (Diagnostic diagnostic in MirrorShapeCheck.Check(library, found[0], declaration))
                {
                    context.ReportDiagnostic(diagnostic);
                }
            }
        }

        foreach (IGrouping<string, ISymbol> group in byName.Where(g => !declarations.ContainsKey(g.Key)))
        {
            foreach (ISymbol mirror in group)
            {
                context.ReportDiagnostic(Diagnostic.Create(
                    Descriptors.SpecCompleteness,
                    AttributeLocation(library, mirror),
                    $"[Mirrors(\"{group.Key}\")] names a declaration that the spec lacks ({files.Count} .lean files read through AdditionalFiles)"));
            }
        }
    }

    /// <summary>The attribute's argument when the syntax is at hand, so the build points at the name that is wrong.</summary>
    private static Location? AttributeLocation(LibrarySymbols library, ISymbol mirror)
    {
        SyntaxNode? syntax = library.MirrorsAttributeOf(mirror)?.ApplicationSyntaxReference?.GetSyntax();
        if (syntax is AttributeSyntax { ArgumentList.Arguments: { Count: > 0 } arguments })
        {
            return arguments[0].GetLocation();
        }

        return syntax?.GetLocation() ?? mirror.Locations.FirstOrDefault();
    }
}

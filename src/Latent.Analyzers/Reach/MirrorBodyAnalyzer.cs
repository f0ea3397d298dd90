using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Latent.Analyzers.Library;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Latent.Analyzers.Reach;

/// <summary>
/// The shared engine of LAT0002–LAT0006. Every body of the compilation is inspected once, recording what the rule finds in
/// it and which same-compilation members it calls; at the end of the compilation the findings of the bodies reached from a
/// root (a mirror, a structure mirror's member, an <c>[AllocatesResult]</c> form, a context member) are reported, each
/// naming the root it was reached from.
/// </summary>
/// <remarks>
/// Whether a helper is checked depends on the whole call graph, so the rules report at the end of the compilation (they
/// carry the <c>CompilationEnd</c> tag: the build always runs them; an IDE runs them with full-solution analysis).
/// </remarks>
public abstract class MirrorBodyAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc/>
    public sealed override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [Rule];

    private protected abstract DiagnosticDescriptor Rule { get; }

    /// <summary>Does the rule skip exception paths and static initialization (true for the allocation rule)?</summary>
    private protected virtual bool ExemptOnExceptionPaths => false;

    /// <inheritdoc/>
    public sealed override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.RegisterCompilationStartAction(start =>
        {
            LibrarySymbols? library = LibrarySymbols.TryCreate(start.Compilation);
            if (library is null)
            {
                return;
            }

            var facts = new ConcurrentDictionary<ISymbol, BodyFacts>(SymbolEqualityComparer.Default);
            start.RegisterOperationBlockAction(block =>
            {
                BodyFacts body = InspectBody(block, library);
                facts.AddOrUpdate(Operations.Normalize(block.OwningSymbol), body, (_, old) => Merge(old, body));
            });
            start.RegisterCompilationEndAction(end => Report(end, library, facts));
        });
    }

    /// <summary>Adds what the rule finds in one operation of a body.</summary>
    private protected abstract void Inspect(BodyScope scope, IOperation operation, List<Finding> findings);

    /// <summary>Adds what the rule finds in the syntax of a body (constructs without an operation: unsafe, stackalloc).</summary>
    private protected virtual void InspectSyntax(BodyScope scope, SyntaxNode body, SemanticModel model, List<Finding> findings)
    {
    }

    /// <summary>Adjusts a body's findings once all of them are known.</summary>
    private protected virtual void CompleteBody(BodyScope scope, List<Finding> findings)
    {
    }

    /// <summary>What the rule finds in a root's declaration (its signature), as opposed to its body.</summary>
    private protected virtual IEnumerable<Finding> InspectRoot(Root root, LibrarySymbols library) => [];

    private BodyFacts InspectBody(OperationBlockAnalysisContext block, LibrarySymbols library)
    {
        var edges = new List<Edge>();
        var findings = new List<Finding>();
        bool chainsToThis = false;
        var scope = new BodyScope(block.OwningSymbol, library, block.Options.AnalyzerConfigOptionsProvider.GetOptions(block.OperationBlocks[0].Syntax.SyntaxTree));
        foreach (IOperation root in block.OperationBlocks)
        {
            if (root is IAttributeOperation)
            {
                // The [Mirrors(...)] on a member is metadata, not code that runs when the member runs.
                continue;
            }

            foreach (IOperation operation in root.DescendantsAndSelf())
            {
                EdgeCollector.Collect(scope, operation, edges);
                Inspect(scope, operation, findings);
                chainsToThis |= IsThisConstructorInitializer(block.OwningSymbol, operation);
            }

            if (root.SemanticModel is { } model)
            {
                InspectSyntax(scope, root.Syntax, model, findings);
            }
        }

        CompleteBody(scope, findings);

        return new BodyFacts(edges, OutermostOnly(findings), chainsToThis);
    }

    private void Report(CompilationAnalysisContext context, LibrarySymbols library, ConcurrentDictionary<ISymbol, BodyFacts> facts)
    {
        var bodies = new Dictionary<ISymbol, BodyFacts>(facts, SymbolEqualityComparer.Default);
        List<Root> roots = RootFinder.Find(library, bodies.Keys);
        foreach (Root root in roots)
        {
            foreach (Finding finding in InspectRoot(root, library))
            {
                context.ReportDiagnostic(Create(finding, root.Phrase(root.Symbol)));
            }
        }

        foreach ((ISymbol node, Root root, bool exempt) in new Reachability(bodies, roots).Reached)
        {
            if ((exempt && ExemptOnExceptionPaths) || !bodies.TryGetValue(node, out BodyFacts? body))
            {
                continue;
            }

            foreach (Finding finding in body.Findings)
            {
                context.ReportDiagnostic(Create(finding, root.Phrase(node)));
            }
        }
    }

    private Diagnostic Create(Finding finding, string where) =>
        Diagnostic.Create(Rule, finding.Location, finding.Properties, finding.Text, where);

    private static bool IsThisConstructorInitializer(ISymbol owner, IOperation operation) =>
        owner is IMethodSymbol { MethodKind: MethodKind.Constructor } constructor
        && operation is IInvocationOperation { TargetMethod.MethodKind: MethodKind.Constructor } invocation
        && operation.Parent is IExpressionStatementOperation { Parent: IConstructorBodyOperation }
        && SymbolEqualityComparer.Default.Equals(invocation.TargetMethod.ContainingType, constructor.ContainingType);

    /// <summary>One diagnostic per outermost construct: a finding inside another finding's span is dropped.</summary>
    private static List<Finding> OutermostOnly(List<Finding> findings)
    {
        var kept = new List<Finding>();
        foreach (Finding finding in findings.OrderByDescending(f => f.Location.SourceSpan.Length).ThenBy(f => f.Location.SourceSpan.Start))
        {
            bool inside = kept.Any(k => k.Location.SourceTree == finding.Location.SourceTree && k.Location.SourceSpan.Contains(finding.Location.SourceSpan));
            if (!inside)
            {
                kept.Add(finding);
            }
        }

        return kept.OrderBy(f => f.Location.SourceSpan.Start).ToList();
    }

    private static BodyFacts Merge(BodyFacts first, BodyFacts second) =>
        new([.. first.Edges, .. second.Edges], [.. first.Findings, .. second.Findings], first.ChainsToThisConstructor || second.ChainsToThisConstructor);
}

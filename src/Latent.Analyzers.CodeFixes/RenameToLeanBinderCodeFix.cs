using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading.Tasks;
using Latent.Analyzers.Spec;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Rename;
using Microsoft.CodeAnalysis;

namespace Latent.Analyzers.CodeFixes;

/// <summary>
/// LAT0001: renames a mirror's parameter to the Lean explicit binder it stands for (a solution-wide rename, so named
/// arguments at call sites follow). Offered only when the parameter count matches and one name differs.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RenameToLeanBinderCodeFix))]
[Shared]
public sealed class RenameToLeanBinderCodeFix : CodeFixProvider
{
    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = [RuleIds.SpecCompleteness];

    /// <summary>Renames interact across documents; each is applied on its own.</summary>
    public override FixAllProvider? GetFixAllProvider() => null;

    /// <inheritdoc/>
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        SyntaxNode? root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        SemanticModel? model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return;
        }

        foreach (Diagnostic diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(MirrorShapeCheck.LeanNameProperty, out string? leanName) || leanName is null)
            {
                continue;
            }

            ParameterSyntax? parameter = root.FindToken(diagnostic.Location.SourceSpan.Start).Parent?.AncestorsAndSelf().OfType<ParameterSyntax>().FirstOrDefault();
            if (parameter is null || model.GetDeclaredSymbol(parameter, context.CancellationToken) is not { } symbol)
            {
                continue;
            }

            Solution solution = context.Document.Project.Solution;
            context.RegisterCodeFix(
                CodeAction.Create(
                    $"Rename '{symbol.Name}' to the Lean binder '{leanName}'",
                    cancellationToken => Renamer.RenameSymbolAsync(solution, symbol, default(SymbolRenameOptions), leanName, cancellationToken),
                    equivalenceKey: nameof(RenameToLeanBinderCodeFix)),
                diagnostic);
        }
    }
}

using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Latent.Analyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Latent.Analyzers.CodeFixes;

/// <summary>
/// LAT0004: makes a mirror's writable input read-only: <c>Span&lt;T&gt;</c> and <c>T[]</c> become <c>ReadOnlySpan&lt;T&gt;</c>,
/// <c>Memory&lt;T&gt;</c> becomes <c>ReadOnlyMemory&lt;T&gt;</c>. Callers keep compiling (arrays and spans convert
/// implicitly); a body that wrote to the input stops compiling, which is the point.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ReadOnlyInputCodeFix))]
[Shared]
public sealed class ReadOnlyInputCodeFix : CodeFixProvider
{
    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = [RuleIds.InputMutation];

    /// <inheritdoc/>
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc/>
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        SyntaxNode? root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return;
        }

        foreach (Diagnostic diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(InputMutationAnalyzer.ReadOnlyTypeProperty, out string? readOnlyType) || readOnlyType is null)
            {
                continue;
            }

            if (root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not TypeSyntax type
                || ReadOnlyType(type, readOnlyType) is not { } replacement)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(
                    $"Take the input as {readOnlyType}<T>",
                    cancellationToken => Replace(context.Document, root, type, replacement, cancellationToken),
                    equivalenceKey: nameof(ReadOnlyInputCodeFix)),
                diagnostic);
        }
    }

    private static TypeSyntax? ReadOnlyType(TypeSyntax type, string readOnlyName) => type switch
    {
        GenericNameSyntax generic => generic.WithIdentifier(SyntaxFactory.Identifier(readOnlyName)),
        QualifiedNameSyntax { Right: GenericNameSyntax right } qualified =>
            qualified.WithRight(right.WithIdentifier(SyntaxFactory.Identifier(readOnlyName))),
        ArrayTypeSyntax { RankSpecifiers.Count: 1 } array =>
            SyntaxFactory.GenericName(
                SyntaxFactory.Identifier(readOnlyName),
                SyntaxFactory.TypeArgumentList(SyntaxFactory.SingletonSeparatedList(array.ElementType.WithoutTrivia()))),
        _ => null,
    };

    private static Task<Document> Replace(Document document, SyntaxNode root, TypeSyntax type, TypeSyntax replacement, CancellationToken cancellationToken)
    {
        _ = cancellationToken;
        return Task.FromResult(document.WithSyntaxRoot(root.ReplaceNode(type, replacement.WithTriviaFrom(type))));
    }
}

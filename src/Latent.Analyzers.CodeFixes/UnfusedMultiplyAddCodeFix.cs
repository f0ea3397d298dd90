using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using Latent.Analyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;

namespace Latent.Analyzers.CodeFixes;

/// <summary>
/// LAT0006: replaces <c>Math.FusedMultiplyAdd(a, b, c)</c> (and the <c>MathF</c>, <c>double</c>, <c>float</c> and generic
/// <c>T</c> forms) with <c>(a * b) + c</c>: two roundings, product first, as the spec evaluates <c>a * b + c</c>.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UnfusedMultiplyAddCodeFix))]
[Shared]
public sealed class UnfusedMultiplyAddCodeFix : CodeFixProvider
{
    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = [RuleIds.EvaluationOrder];

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
            if (!diagnostic.Properties.ContainsKey(EvaluationOrderAnalyzer.FusedMultiplyAddProperty)
                || root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not InvocationExpressionSyntax { ArgumentList.Arguments.Count: 3 } invocation)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(
                    "Round the product and the sum separately: (a * b) + c",
                    _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(invocation, Unfused(invocation)))),
                    equivalenceKey: nameof(UnfusedMultiplyAddCodeFix)),
                diagnostic);
        }
    }

    private static ParenthesizedExpressionSyntax Unfused(InvocationExpressionSyntax invocation)
    {
        SeparatedSyntaxList<ArgumentSyntax> arguments = invocation.ArgumentList.Arguments;
        ExpressionSyntax product = SyntaxFactory.ParenthesizedExpression(
            SyntaxFactory.BinaryExpression(SyntaxKind.MultiplyExpression, Operand(arguments[0]), Operand(arguments[1])));
        ExpressionSyntax sum = SyntaxFactory.BinaryExpression(SyntaxKind.AddExpression, product, Operand(arguments[2]));

        // The outer parentheses go away where the context does not need them; the product's stay, to show the order.
        return SyntaxFactory.ParenthesizedExpression(sum)
            .WithAdditionalAnnotations(Simplifier.Annotation, Formatter.Annotation)
            .WithTriviaFrom(invocation);
    }

    /// <summary>An argument as an operand: parenthesized (removably) so that <c>x + 1</c> stays one operand.</summary>
    private static ParenthesizedExpressionSyntax Operand(ArgumentSyntax argument) =>
        SyntaxFactory.ParenthesizedExpression(argument.Expression.WithoutTrivia()).WithAdditionalAnnotations(Simplifier.Annotation);
}

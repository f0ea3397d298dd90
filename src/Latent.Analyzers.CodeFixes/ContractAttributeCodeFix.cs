using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Latent.Analyzers.Spec;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Latent.Analyzers.CodeFixes;

/// <summary>
/// LAT0007: puts on a parameter the contract attribute its Lean binder type asks for (<c>[TensorOf("latent")]</c>,
/// <c>[Fin("numCodes")]</c>, <c>[CodebookOf(…)]</c>), replacing a wrong one, or removes one the Lean type does not have.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ContractAttributeCodeFix))]
[Shared]
public sealed class ContractAttributeCodeFix : CodeFixProvider
{
    private static readonly ImmutableHashSet<string> ContractAttributes =
        ImmutableHashSet.Create("TensorOf", "TensorOfAttribute", "Fin", "FinAttribute", "CodebookOf", "CodebookOfAttribute");

    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = [RuleIds.Contracts];

    /// <inheritdoc/>
    public override FixAllProvider? GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

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
            if (!diagnostic.Properties.TryGetValue(ContractCheck.ContractProperty, out string? contract) || contract is null)
            {
                continue;
            }

            ParameterSyntax? parameter = root.FindToken(diagnostic.Location.SourceSpan.Start).Parent?.AncestorsAndSelf().OfType<ParameterSyntax>().FirstOrDefault();
            if (parameter is null)
            {
                continue;
            }

            string title = contract.Length == 0 ? "Remove the contract the Lean type does not have" : $"Mark the parameter {contract}";
            context.RegisterCodeFix(
                CodeAction.Create(title, ct => Apply(context.Document, root, parameter, contract, ct), equivalenceKey: nameof(ContractAttributeCodeFix)),
                diagnostic);
        }
    }

    private static Task<Document> Apply(Document document, SyntaxNode root, ParameterSyntax parameter, string contract, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        SyntaxList<AttributeListSyntax> lists = parameter.AttributeLists;
        var kept = new SyntaxList<AttributeListSyntax>();
        foreach (AttributeListSyntax list in lists)
        {
            SeparatedSyntaxList<AttributeSyntax> others = SyntaxFactory.SeparatedList(list.Attributes.Where(a => !ContractAttributes.Contains(a.Name.ToString())));
            if (others.Count > 0)
            {
                kept = kept.Add(list.WithAttributes(others));
            }
        }

        if (contract.Length > 0)
        {
            // Roslyn has no attribute-list parser of its own: parse the attribute on a throwaway declaration.
            AttributeListSyntax added = SyntaxFactory.ParseCompilationUnit(contract + " class C { }")
                .DescendantNodes().OfType<AttributeListSyntax>().First()
                .WithTrailingTrivia(SyntaxFactory.Space);
            kept = kept.Insert(0, added);
        }

        ParameterSyntax fixedParameter = parameter.WithAttributeLists(kept).WithLeadingTrivia(parameter.GetLeadingTrivia());
        return Task.FromResult(document.WithSyntaxRoot(root.ReplaceNode(parameter, fixedParameter)));
    }
}

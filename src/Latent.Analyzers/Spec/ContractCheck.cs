using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Latent.Analyzers.Library;
using Latent.Lean;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Latent.Analyzers.Spec;

/// <summary>
/// LAT0007's comparison of one method mirror with its Lean declaration: every explicit parameter's contract attribute with
/// its binder type, the result (destination or return type) with the result type, and the guards at the top of the body
/// with the contracts these imply.
/// </summary>
internal static class ContractCheck
{
    /// <summary>The diagnostic property carrying the attribute the Lean type asks for (for the code fix).</summary>
    public const string ContractProperty = "Contract";

    // ContractKind values of Latent.EnforcesContractAttribute.
    private const int SharedShape = 0;
    private const int Fin = 1;
    private const int Result = 2;

    public static IEnumerable<Diagnostic> Check(LibrarySymbols library, IMethodSymbol method, LeanDeclaration declaration, SpecFile file)
    {
        ImmutableArray<IParameterSymbol> parameters = MirrorShapeCheck.BinderParameters(library, method);
        ImmutableArray<LeanBinder> binders = declaration.ExplicitValueBinders;
        if (parameters.Length != binders.Length)
        {
            yield break; // LAT0001 reports the parameter list itself.
        }

        var contracts = new List<(IParameterSymbol Parameter, string Contract)>();
        for (int i = 0; i < binders.Length; i++)
        {
            string? expected = LeanType.Parse(binders[i].Type).Contract;
            string? actual = library.ContractOf(parameters[i]);
            if (expected != actual)
            {
                yield return Mismatch(parameters[i], declaration, $"the Lean binder is ({binders[i].Name} : {binders[i].Type})", expected, actual);
            }

            if (actual is not null)
            {
                contracts.Add((parameters[i], actual));
            }
        }

        foreach (Diagnostic d in CheckResult(library, method, declaration, file.ResultTypeOf(declaration), contracts))
        {
            yield return d;
        }

        foreach (Diagnostic d in CheckGuards(library, method, declaration, contracts))
        {
            yield return d;
        }
    }

    private static Diagnostic Mismatch(IParameterSymbol parameter, LeanDeclaration declaration, string lean, string? expected, string? actual)
    {
        string where = $"Parameter '{parameter.Name}' of the mirror of '{declaration.FullName}'";
        ImmutableDictionary<string, string?> fix = ImmutableDictionary<string, string?>.Empty.Add(ContractProperty, expected is null ? string.Empty : LeanType.Attribute(expected));
        string message = (expected, actual) switch
        {
            (null, _) => $"{where} carries {LeanType.Attribute(actual!)} but {lean}, which has no such contract",
            (_, null) => $"{where} states no contract; {lean}: mark it {LeanType.Attribute(expected)}",
            _ => $"{where} carries {LeanType.Attribute(actual)} ({actual}) but {lean}: mark it {LeanType.Attribute(expected)}",
        };
        return Diagnostic.Create(Descriptors.Contracts, parameter.Locations.FirstOrDefault(), fix, message);
    }

    private static IEnumerable<Diagnostic> CheckResult(
        LibrarySymbols library, IMethodSymbol method, LeanDeclaration declaration, string resultType, List<(IParameterSymbol Parameter, string Contract)> contracts)
    {
        IParameterSymbol? destination = method.Parameters.FirstOrDefault(LibrarySymbols.IsDestination);
        string? expected = LeanType.Parse(resultType).Contract;
        string lean = $"the Lean result type of '{declaration.FullName}' is {resultType}";
        if (expected is not null)
        {
            if (destination is null)
            {
                yield return Diagnostic.Create(Descriptors.Contracts, method.Locations.FirstOrDefault(), $"{lean}, but the mirror has no destination span to write it to");
                yield break;
            }

            string? actual = library.ContractOf(destination);
            if (actual != expected)
            {
                yield return Mismatch(destination, declaration, $"the Lean result type is {resultType}", expected, actual);
            }

            if (actual is not null)
            {
                contracts.Add((destination, actual));
            }
        }
        else if (declaration.Binders.Any(b => b.IsTypeLevel && b.Name == resultType) || resultType == "α")
        {
            if (destination is not null || method.ReturnsVoid)
            {
                yield return Diagnostic.Create(
                    Descriptors.Contracts,
                    (destination ?? (ISymbol)method).Locations.FirstOrDefault(),
                    $"{lean}, a scalar: the mirror must return it and write no destination span");
            }
        }
    }

    /// <summary>
    /// The guards called at the top of the body (before the first statement that is not a guard call or a null check) must
    /// tie together every pair of parameters sharing a shape variable, check every <c>Fin</c> index, and check the destination.
    /// </summary>
    private static IEnumerable<Diagnostic> CheckGuards(LibrarySymbols library, IMethodSymbol method, LeanDeclaration declaration, List<(IParameterSymbol Parameter, string Contract)> contracts)
    {
        SyntaxReference? reference = method.DeclaringSyntaxReferences.FirstOrDefault();
        if (reference?.GetSyntax() is not MethodDeclarationSyntax syntax)
        {
            yield break;
        }

        // An expression body computes at once: it has no leading guard statements.
        SyntaxList<StatementSyntax> statements = syntax.Body?.Statements ?? default;
        SemanticModel model = library.Compilation.GetSemanticModel(syntax.SyntaxTree);
        var links = new List<(IParameterSymbol A, IParameterSymbol B)>();
        var finChecked = new HashSet<IParameterSymbol>(SymbolEqualityComparer.Default);
        foreach (StatementSyntax statement in statements)
        {
            if (statement is not ExpressionStatementSyntax { Expression: InvocationExpressionSyntax call }
                || model.GetOperation(call) is not IInvocationOperation invocation)
            {
                break;
            }

            int? kind = library.GuardKind(invocation.TargetMethod);
            if (kind is null)
            {
                if (invocation.TargetMethod.Name == "ThrowIfNull")
                {
                    continue;
                }

                break;
            }

            List<IParameterSymbol?> roots = invocation.Arguments.OrderBy(a => a.Parameter?.Ordinal ?? 0).Select(a => Root(a.Value)).ToList();
            List<IParameterSymbol> present = roots.OfType<IParameterSymbol>().ToList();
            switch (kind)
            {
                case SharedShape or Result:
                    for (int i = 1; i < present.Count; i++)
                    {
                        links.Add((present[0], present[i]));
                    }

                    break;
                case Fin when roots.Count > 0 && roots[0] is { } index:
                    finChecked.Add(index);
                    break;
            }
        }

        Location? at = method.Locations.FirstOrDefault();
        foreach (IGrouping<string, IParameterSymbol> group in ShapeGroups(contracts))
        {
            List<IParameterSymbol> members = group.ToList();
            var reached = new HashSet<IParameterSymbol>(SymbolEqualityComparer.Default) { members[0] };
            bool grew = true;
            while (grew)
            {
                grew = false;
                foreach ((IParameterSymbol a, IParameterSymbol b) in links)
                {
                    if (reached.Contains(a) != reached.Contains(b))
                    {
                        reached.Add(reached.Contains(a) ? b : a);
                        grew = true;
                    }
                }
            }

            foreach (IParameterSymbol missing in members.Where(m => !reached.Contains(m)))
            {
                yield return Diagnostic.Create(
                    Descriptors.Contracts,
                    at,
                    $"The mirror of '{declaration.FullName}' does not check, before its first computation, that '{missing.Name}' has the shape of "
                    + $"'{members[0].Name}' (Lean binder types share '{group.Key}'): call the [EnforcesContract(ContractKind.{(LibrarySymbols.IsDestination(missing) ? "Result" : "SharedShape")})] guard on them");
            }
        }

        foreach ((IParameterSymbol index, string contract) in contracts.Where(c => c.Contract.StartsWith("Fin ", System.StringComparison.Ordinal)))
        {
            if (!finChecked.Contains(index))
            {
                yield return Diagnostic.Create(
                    Descriptors.Contracts,
                    at,
                    $"The mirror of '{declaration.FullName}' does not check, before its first computation, that '{index.Name}' is a {contract} "
                    + "(Lean binder type): call the [EnforcesContract(ContractKind.Fin)] guard on it");
            }
        }
    }

    /// <summary>Parameters by the shape variable their contract names (a codebook's latent shape counts too).</summary>
    private static IEnumerable<IGrouping<string, IParameterSymbol>> ShapeGroups(List<(IParameterSymbol Parameter, string Contract)> contracts) =>
        contracts.Select(c => (c.Parameter, Words: c.Contract.Split(' ')))
            .Select(c => (c.Parameter, Shape: c.Words[0] switch { "Tensor" => c.Words[2], "Codebook" => c.Words[3], _ => null }))
            .Where(c => c.Shape is not null)
            .GroupBy(c => c.Shape!, c => c.Parameter);

    /// <summary>The parameter an argument is read from (<c>mu</c>, <c>mu.Length</c>, <c>book.Latent.Size</c>), or null.</summary>
    private static IParameterSymbol? Root(IOperation? operation) => operation switch
    {
        IParameterReferenceOperation p => p.Parameter,
        IConversionOperation c => Root(c.Operand),
        IPropertyReferenceOperation p => Root(p.Instance),
        IFieldReferenceOperation f => Root(f.Instance),
        IInvocationOperation i when i.Instance is not null => Root(i.Instance),
        _ => null,
    };
}

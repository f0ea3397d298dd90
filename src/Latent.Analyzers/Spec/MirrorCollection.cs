using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using Latent.Analyzers.Library;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Latent.Analyzers.Spec;

/// <summary>
/// The set-up the spec rules share (their Initialize enables concurrency and generated-code analysis itself): per compilation, collect every symbol carrying <c>[Mirrors]</c> (of the given kinds),
/// and at the end of the compilation report over all of them at once, in a stable order.
/// </summary>
internal static class MirrorCollection
{
    public static void Register(
        AnalysisContext context,
        Action<LibrarySymbols, IReadOnlyList<ISymbol>, CompilationAnalysisContext> report,
        params SymbolKind[] kinds)
    {
        context.RegisterCompilationStartAction(start =>
        {
            LibrarySymbols? library = LibrarySymbols.TryCreate(start.Compilation);
            if (library is null)
            {
                return;
            }

            var mirrors = new ConcurrentDictionary<ISymbol, bool>(SymbolEqualityComparer.Default);
            start.RegisterSymbolAction(
                symbolContext =>
                {
                    ISymbol symbol = symbolContext.Symbol is IMethodSymbol { PartialDefinitionPart: { } definition } ? definition : symbolContext.Symbol;
                    if (library.IsMirror(symbol))
                    {
                        mirrors.TryAdd(symbol, true);
                    }
                },
                kinds);
            start.RegisterCompilationEndAction(end =>
                report(library, mirrors.Keys.OrderBy(m => m.ToDisplayString(), StringComparer.Ordinal).ToList(), end));
        });
    }
}

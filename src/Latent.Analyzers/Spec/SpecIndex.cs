using System.Collections.Generic;
using System.Linq;
using Latent.Lean;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Latent.Analyzers.Spec;

/// <summary>The mirrored spec files of a compilation (its <c>.lean</c> AdditionalFiles) and their declarations by name.</summary>
internal sealed class SpecIndex
{
    private SpecIndex(List<SpecFile> files)
    {
        Files = files;
        foreach (SpecFile file in files)
        {
            foreach (LeanDeclaration declaration in file.Declarations)
            {
                if (!Declarations.ContainsKey(declaration.FullName))
                {
                    Declarations.Add(declaration.FullName, (file, declaration));
                }
            }
        }
    }

    public List<SpecFile> Files { get; }

    /// <summary>The first declaration of each fully qualified name, with its file.</summary>
    public Dictionary<string, (SpecFile File, LeanDeclaration Declaration)> Declarations { get; } = new(System.StringComparer.Ordinal);

    public static SpecIndex Read(CompilationAnalysisContext context) =>
        new(context.Options.AdditionalFiles
            .Where(SpecFile.IsSpecFile)
            .Select(f => SpecFile.TryRead(f, context.CancellationToken))
            .OfType<SpecFile>()
            .ToList());
}

using System.Collections.Immutable;
using System.Threading;
using System;
using Latent.Lean;
using Microsoft.CodeAnalysis.Text;
using Microsoft.CodeAnalysis;

namespace Latent.Analyzers.Spec;

/// <summary>One <c>.lean</c> file handed to the compiler as an AdditionalFile, and the declarations read from it.</summary>
internal sealed class SpecFile
{
    private readonly SourceText _text;

    private SpecFile(string path, SourceText text, ImmutableArray<LeanDeclaration> declarations)
    {
        Path = path;
        _text = text;
        Declarations = declarations;
    }

    public string Path { get; }

    public ImmutableArray<LeanDeclaration> Declarations { get; }

    public static bool IsSpecFile(AdditionalText file) => file.Path.EndsWith(".lean", StringComparison.OrdinalIgnoreCase);

    public static SpecFile? TryRead(AdditionalText file, CancellationToken cancellationToken)
    {
        SourceText? text = file.GetText(cancellationToken);
        return text is null ? null : new SpecFile(file.Path, text, LeanReader.Read(file.Path, text.ToString()));
    }

    /// <summary>The location of a declaration's name in the <c>.lean</c> file, so that the build points at the spec line.</summary>
    public Location LocationOf(LeanDeclaration declaration)
    {
        var span = new TextSpan(declaration.NameStart, declaration.NameLength);
        return Location.Create(Path, span, _text.Lines.GetLinePositionSpan(span));
    }

    /// <summary>The declaration's result type after the header's <c>:</c>, whitespace-normalized, or empty when it has none.</summary>
    public string ResultTypeOf(LeanDeclaration declaration)
    {
        LeanBody body = declaration.Body;
        if (body.TypeStart < 0 || body.TypeEnd < body.TypeStart)
        {
            return string.Empty;
        }

        string text = _text.ToString(new TextSpan(body.TypeStart, body.TypeEnd - body.TypeStart));
        return string.Join(" ", text.Split([' ', '\t', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries));
    }

    /// <summary>The one-based line of a declaration, for messages.</summary>
    public int LineOf(LeanDeclaration declaration) => _text.Lines.GetLineFromPosition(declaration.NameStart).LineNumber + 1;
}

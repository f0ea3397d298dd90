using System;

namespace Latent.Spec.Syntax;

/// <summary>
/// The Lean text cannot be evaluated: syntax the evaluator does not know, a name it cannot resolve, or a definition with
/// neither an evaluable body nor a built-in. The message names the file, the line and column, and the token.
/// </summary>
public sealed class SpecTextException : Exception
{
    /// <summary>Creates the exception for a place in a spec file.</summary>
    public SpecTextException(string file, int line, int column, string token, string message)
        : base($"{file}:{line}:{column}: {message} (at '{token}')")
    {
        File = file;
        Line = line;
        Column = column;
        Token = token;
    }

    /// <summary>Creates the exception with a message only.</summary>
    public SpecTextException(string message)
        : base(message)
    {
        File = string.Empty;
        Token = string.Empty;
    }

    /// <summary>Creates the exception with a message and the error behind it.</summary>
    public SpecTextException(string message, Exception innerException)
        : base(message, innerException)
    {
        File = string.Empty;
        Token = string.Empty;
    }

    /// <summary>Creates the exception with no message.</summary>
    public SpecTextException()
        : this("The spec text cannot be evaluated.")
    {
    }

    /// <summary>The spec file, as the library names it (for example <c>spec/Generative/Latent.lean</c>).</summary>
    public string File { get; }

    /// <summary>The one-based line.</summary>
    public int Line { get; }

    /// <summary>The one-based column.</summary>
    public int Column { get; }

    /// <summary>The offending token.</summary>
    public string Token { get; }
}

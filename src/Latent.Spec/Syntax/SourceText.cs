using System;
using System.Collections.Generic;
using Latent.Lean;

namespace Latent.Spec.Syntax;

/// <summary>One spec file: its name, its text, the same text with comments masked, and line positions for messages.</summary>
internal sealed class SourceText
{
    private readonly List<int> _lineStarts = [0];

    public SourceText(string name, string text)
    {
        Name = name;
        Text = text;
        Masked = LeanCommentMask.Mask(text);
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                _lineStarts.Add(i + 1);
            }
        }
    }

    public string Name { get; }

    public string Text { get; }

    public string Masked { get; }

    public (int Line, int Column) Locate(int offset)
    {
        int index = _lineStarts.BinarySearch(offset);
        int line = index >= 0 ? index : ~index - 1;
        return (line + 1, offset - _lineStarts[line] + 1);
    }

    public bool IsFirstOnLine(int offset)
    {
        for (int i = offset - 1; i >= 0; i--)
        {
            if (Masked[i] == '\n')
            {
                return true;
            }

            if (!char.IsWhiteSpace(Masked[i]))
            {
                return false;
            }
        }

        return true;
    }

    public SpecTextException Error(int offset, string token, string message)
    {
        (int line, int column) = Locate(Math.Max(0, Math.Min(offset, Text.Length)));
        return new SpecTextException(Name, line, column, token, message);
    }
}

using System.Linq;
using Latent.Golden.Reading;
using Xunit;

namespace Latent.Golden.Tests;

/// <summary>What the tool prints of an input: control and format characters escaped, excerpts short whatever the input holds.</summary>
public sealed class SafeTextTests
{
    [Theory]
    [InlineData("plain text", "plain text")]
    [InlineData("\u001b[2J", "\\x1B[2J")]
    [InlineData("a\rb\nc\u0007", "a\\x0Db\\x0Ac\\x07")]
    [InlineData("\u202Eevil", "\\u202Eevil")] // right-to-left override
    [InlineData("\u0085\u2028", "\\x85\\u2028")] // next line, line separator
    [InlineData("é ü 😀", "é ü 😀")]
    public void Escape_makes_control_and_format_characters_visible(string input, string expected)
    {
        Assert.Equal(expected, SafeText.Escape(input));
    }

    [Fact]
    public void A_lone_surrogate_is_escaped()
    {
        // Built in code: an attribute argument cannot carry a lone surrogate through the test runner.
        Assert.Equal("\\uD800x", SafeText.Escape(char.ToString((char)0xD800) + "x"));
    }

    [Theory]
    [InlineData(10_000_000, 'a')]
    [InlineData(10_000, '\u001b')]
    [InlineData(41, '\u0007')]
    public void Excerpts_are_short_and_escaped(int length, char c)
    {
        string excerpt = SafeText.Excerpt(new string(c, length));
        Assert.True(excerpt.Length <= SafeText.ExcerptLength + 32, excerpt);
        Assert.DoesNotContain(excerpt, char.IsControl);
        Assert.EndsWith($"... ({length} characters)", excerpt, System.StringComparison.Ordinal);
    }

    [Fact]
    public void A_short_text_is_quoted_whole()
    {
        Assert.Equal("0x1234", SafeText.Excerpt("0x1234"));
        Assert.Equal(new string('x', SafeText.ExcerptLength), SafeText.Excerpt(new string('x', SafeText.ExcerptLength)));
        Assert.True(Enumerable.Range(0, 20).All(i => !SafeText.Excerpt(new string('\u001b', i)).Contains("...", System.StringComparison.Ordinal) || i * 4 > SafeText.ExcerptLength));
    }
}

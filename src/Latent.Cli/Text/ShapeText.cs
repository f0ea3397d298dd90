using System.Globalization;

namespace Latent.Cli.Text;

/// <summary>Shapes on the command line: <c>2,3</c> (outermost first), <c>0</c>, or <c>scalar</c> / <c>[]</c> for <see cref="Shape.Scalar"/>.</summary>
internal static class ShapeText
{
    public static Shape Parse(string optionName, string text)
    {
        string s = text.Trim();
        if (s is "scalar" or "[]")
        {
            return Shape.Scalar;
        }

        s = s.TrimStart('[').TrimEnd(']');
        string[] parts = s.Split(',');
        var dims = new int[parts.Length];
        for (int k = 0; k < parts.Length; k++)
        {
            string dim = parts[k].Trim();
            if (!int.TryParse(dim, NumberStyles.None, CultureInfo.InvariantCulture, out dims[k]))
            {
                if (dim.Length > 0 && System.Linq.Enumerable.All(dim, char.IsAsciiDigit))
                {
                    throw new UsageException($"{optionName}: dimension {dim} is out of range: at most {int.MaxValue}");
                }

                throw new UsageException($"{optionName}: '{text}' is not a shape (comma-separated non-negative dimensions, or 'scalar')");
            }
        }

        try
        {
            return Shape.Of(dims);
        }
        catch (System.ArgumentOutOfRangeException e)
        {
            throw new UsageException($"{optionName}: {e.Message.ReplaceLineEndings(" ")}", e);
        }
    }
}

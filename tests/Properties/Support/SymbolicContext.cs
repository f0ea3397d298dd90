using System.Globalization;

namespace Latent.Properties.Support;

/// <summary>
/// A context whose values are expression texts: running a mirror with it prints the exact tree of operations the
/// mirror performs, with full parenthesization, independently of any floating-point behaviour.
/// </summary>
internal readonly struct SymbolicContext : IContext<string>
{
    public static string Zero => "0";

    public static string One => "1";

    public static string PointFive => "0.5";

    public static string Add(string x, string y) => $"({x} + {y})";

    public static string Sub(string x, string y) => $"({x} - {y})";

    public static string Mul(string x, string y) => $"({x} * {y})";

    public static string Div(string x, string y) => $"({x} / {y})";

    public static string Exp(string x) => $"exp({x})";

    public static string NatCast(int n) => n.ToString(CultureInfo.InvariantCulture);
}

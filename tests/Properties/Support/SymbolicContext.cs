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

/// <summary>
/// <see cref="SymbolicContext"/> with upstream V3's spelling of one half, <c>(1 / 2 : α)</c> computed in <c>α</c>, where V1
/// writes <c>Numbers.pointfive</c>: the mirror's <c>PointFive</c> stands for either, so its trace under this context is
/// comparable with the V3 text's.
/// </summary>
internal readonly struct SymbolicV3Context : IContext<string>
{
    public static string Zero => SymbolicContext.Zero;

    public static string One => SymbolicContext.One;

    public static string PointFive => $"({SymbolicContext.One} / {SymbolicContext.NatCast(2)})";

    public static string Add(string x, string y) => SymbolicContext.Add(x, y);

    public static string Sub(string x, string y) => SymbolicContext.Sub(x, y);

    public static string Mul(string x, string y) => SymbolicContext.Mul(x, y);

    public static string Div(string x, string y) => SymbolicContext.Div(x, y);

    public static string Exp(string x) => SymbolicContext.Exp(x);

    public static string NatCast(int n) => SymbolicContext.NatCast(n);
}

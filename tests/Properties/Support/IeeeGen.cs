using System;
using FsCheck;
using FsCheck.Fluent;

namespace Latent.Properties.Support;

/// <summary>
/// Generators of IEEE values built from bit patterns, so that every class appears: ±0, subnormals, the extremes,
/// ±∞ and NaNs with payloads, besides ordinary magnitudes (FsCheck's own double generator never makes −0 or subnormals).
/// </summary>
internal static class IeeeGen
{
    public static Gen<double> AnyDoubleBits { get; } =
        Gen.Choose(int.MinValue, int.MaxValue).Two().Select(t => BitConverter.UInt64BitsToDouble(((ulong)(uint)t.Item1 << 32) | (uint)t.Item2));

    public static Gen<double> Subnormal { get; } =
        from hi in Gen.Choose(0, (1 << 20) - 1)
        from lo in Gen.Choose(int.MinValue, int.MaxValue)
        from negative in ArbMap.Default.GeneratorFor<bool>()
        select BitConverter.UInt64BitsToDouble((negative ? 1UL << 63 : 0) | ((ulong)hi << 32) | (uint)lo);

    public static Gen<double> Special { get; } = Gen.Elements(
        0.0, -0.0, double.PositiveInfinity, double.NegativeInfinity, double.NaN,
        BitConverter.UInt64BitsToDouble(0x7FF0_0000_0000_0001), BitConverter.UInt64BitsToDouble(0xFFF8_0000_0000_0001),
        double.Epsilon, -double.Epsilon, double.MaxValue, double.MinValue, 1.0, -1.0, 0.5,
        709.782712893384, 709.7827128933841, -745.1332191019411, -745.1332191019412, 1419.5654257867682);

    /// <summary>A finite value of moderate size, log-uniform in magnitude, as logvar and mu take in practice.</summary>
    public static Gen<double> Moderate { get; } =
        from mantissa in Gen.Choose(0, int.MaxValue)
        from exponent in Gen.Choose(-30, 9)
        from negative in ArbMap.Default.GeneratorFor<bool>()
        select (negative ? -1.0 : 1.0) * Math.ScaleB(1.0 + (mantissa / (double)int.MaxValue), exponent);

    public static Gen<double> Double { get; } = Gen.Frequency(
        (6, Moderate), (2, AnyDoubleBits), (1, Subnormal), (2, Special));

    public static Gen<float> AnyFloatBits { get; } =
        Gen.Choose(int.MinValue, int.MaxValue).Select(b => BitConverter.Int32BitsToSingle(b));

    public static Gen<float> SpecialFloat { get; } = Gen.Elements(
        0f, -0f, float.PositiveInfinity, float.NegativeInfinity, float.NaN, float.Epsilon, -float.Epsilon,
        float.MaxValue, float.MinValue, 1f, -1f, 88.72283f, 88.72284f, -103.97208f, -87.33655f);

    public static Gen<float> Float { get; } = Gen.Frequency(
        (6, Moderate.Select(d => (float)d)), (2, AnyFloatBits), (2, SpecialFloat));

    /// <summary>Three vectors of one length, 0 to 24 elements.</summary>
    public static Gen<(T[] Mu, T[] Logvar, T[] Eps)> Triples<T>(Gen<T> element) =>
        from n in Gen.Choose(0, 24)
        from mu in element.ArrayOf(n)
        from logvar in element.ArrayOf(n)
        from eps in element.ArrayOf(n)
        select (mu, logvar, eps);
}

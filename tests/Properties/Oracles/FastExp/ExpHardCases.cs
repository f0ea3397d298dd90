using System;
using System.Collections.Generic;
using System.Linq;

namespace Latent.Properties.Oracles.FastExp;

/// <summary>
/// Inputs where <c>exp</c> lies extremely close to a rounding boundary of binary64 or binary32: the literature's worst
/// cases and families derived here from the Taylor series, plus the edges of the fast path's domain.
/// </summary>
internal static class ExpHardCases
{
    /// <summary>
    /// Worst cases for binary64 <c>exp</c> with at least 45 identical bits after the round bit (for all rounding modes), as
    /// found by the Lefèvre–Muller search (V. Lefèvre, J.-M. Muller, "Worst cases for correct rounding of the elementary
    /// functions in double precision", ARITH-15, 2001; list in the CORE-MATH project, P. Zimmermann et al.,
    /// <c>src/binary64/exp/exp.wc</c>). A sample of that list's entries in [1/2, 2): the hard cases of the two binades the
    /// list starts with (the list has several thousand entries; these are its first entries and a spread of others).
    /// </summary>
    public static readonly string[] LefevreMuller =
    [
        "0x1.0122ef37212ebp-1", "0x1.00d48a707b93ep-1", "0x1.00e0e33c8c3fdp-1", "0x1.00bcc31ebded7p-1", "0x1.012c061237773p-1",
        "0x1.00c3594568d32p-1", "0x1.005ae04256babp-1", "0x1.0036671ff87efp-1", "0x1.00cb9ef6145e1p-1", "0x1.01ae25c609a38p-1",
        "0x1.0303c5638675fp-1", "0x1.03524109555f7p-1", "0x1.0420cae31f66ep-1", "0x1.0582220d9645ep-1", "0x1.06dbea5b3ec8cp-1",
        "0x1.2b2f6c2d827ep-1", "0x1.3d963bb752ap-1", "0x1.4095d4fb5304p-1", "0x1.62e062da73194p-1", "0x1.62f71c4656b61p-1",
        "0x1.7466758e95909p-1", "0x1.8f60a7ee187bp-1", "0x1.9320eeb0a709p-1", "0x1.a589a8c99e31p-1", "0x1.accfbe46b4efp-1",
        "0x1.c01a3eff3c558p-1", "0x1.d4fa82ced839p-1", "0x1.e53c61fc4fbep-1", "0x1.f20b8d1b8468p-1", "0x1.fedc746ddf8fap-1",
        "0x1.008eb56314daap+0", "0x1.0138c96e1a075p+0", "0x1.0133cf37485cfp+0", "0x1.001e6892695eep+0", "0x1.01b720730f958p+0",
        "0x1.053f6a90b554p+0", "0x1.1249997a87ddp+0", "0x1.12f8afa4f56cp+0", "0x1.15ca7795606ap+0", "0x1.1e753523125ep+0",
        "0x1.20a390e63da8p+0", "0x1.2cf4f31c708bp+0", "0x1.2fb7cf2d44e3p+0", "0x1.303239b51efbp+0", "0x1.3b4eae354aa3p+0",
        "0x1.4df6c48246aep+0", "0x1.516cf0ad645ep+0", "0x1.5234c03f1889p+0", "0x1.58324f77fed4p+0", "0x1.5f4dc1b98132p+0",
        "0x1.6c66cedb7546p+0", "0x1.698339944192p+0", "0x1.718eb2bca77dp+0", "0x1.6fbce05407de8p+0",
    ];

    /// <summary>
    /// Derived here: for tiny <c>x</c>, <c>exp(x) = 1 + x + x²/2 + …</c>, so <c>x = ±2^−k</c> (and their neighbours) put
    /// <c>exp(x)</c> within about <c>x²/2</c> of a binary64 number or midpoint: <c>exp(2^−53) = 1 + 2^−53 + 2^−107 + …</c> is
    /// 2^−107 above the midpoint between 1 and its successor, about 54 identical bits after the round bit.
    /// </summary>
    public static IEnumerable<double> TaylorFamilies()
    {
        for (int k = 20; k <= 80; k++)
        {
            double p = Math.ScaleB(1.0, -k);
            foreach (double x in new[] { p, -p, Math.BitIncrement(p), Math.BitDecrement(p), -Math.BitIncrement(p), -Math.BitDecrement(p) })
            {
                yield return x;
            }
        }

        yield return double.Epsilon;
        yield return -double.Epsilon;
        yield return Math.ScaleB(1.0, -1074 + 52); // the smallest normal
    }

    /// <summary>The edges of the fast paths' domains and of the saturated ranges, and a few neighbours each side.</summary>
    public static IEnumerable<double> DomainEdges()
    {
        double[] edges =
        [
            709.7827, 709.7828, -708.396, -708.3965, -745.14, 709.782712893384, -708.3964185322641, -745.1332191019411,
            -744.4400719213812, -723.5, 88.7228, 88.72284, -103.98, 88.72283905206835, 88.722839022, -103.97207708,
            -87.33654475055310898657, -103.278929903431851103,
        ];
        foreach (double edge in edges)
        {
            double x = edge;
            for (int i = 0; i < 4; i++)
            {
                x = Math.BitDecrement(x);
            }

            for (int i = 0; i < 9; i++, x = Math.BitIncrement(x))
            {
                yield return x;
                yield return (float)x;
                yield return MathF.BitIncrement((float)x);
                yield return MathF.BitDecrement((float)x);
            }
        }

        yield return 0.0;
        yield return -0.0;
        yield return double.NaN;
        yield return double.PositiveInfinity;
        yield return double.NegativeInfinity;
        yield return double.MaxValue;
        yield return double.MinValue;
    }

    public static IEnumerable<double> All() =>
        LefevreMuller.Select(HexFloat.Parse).SelectMany(x => new[] { x, -x }).Concat(TaylorFamilies()).Concat(DomainEdges());
}

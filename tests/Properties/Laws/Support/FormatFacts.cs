using System;
using System.Numerics;
using Latent.Ieee;

namespace Latent.Properties.Laws.Support;

/// <summary>The constants of a binary format that the error analyses use, as binary64 numbers.</summary>
internal static class FormatFacts<T, TFormat>
    where T : IBinaryFloatingPointIeee754<T>
    where TFormat : IBinaryFormat<T>
{
    /// <summary>Unit roundoff <c>u = 2^−p</c> (2^−53, 2^−24): a rounding to nearest changes a normal value by a factor within <c>1 ± u</c>.</summary>
    public static double UnitRoundoff => Math.ScaleB(1.0, -TFormat.Precision);

    /// <summary>The subnormal quantum <c>q</c> (2^−1074, 2^−149): the spacing of the smallest values, and twice the largest
    /// absolute error of one rounding in the subnormal range.</summary>
    public static double SubnormalQuantum => Math.ScaleB(1.0, 1 - TFormat.MaxExponent - (TFormat.Precision - 1));

    /// <summary>
    /// Relative error budget of the platform <c>exp</c>: 1.5 ulp, that is <c>|exp_fl(x) − e^x| ≤ 3u·e^x</c> for a normal result
    /// (and 1.5 q absolutely for a subnormal one), rounded up to <c>4u</c>. It follows from what the suites check on every
    /// argument they use: the platform result is at most one representable step from the correctly rounded one (which is
    /// itself within half an ulp). glibc documents under 0.52 ulp for <c>exp</c> and <c>expf</c>.
    /// </summary>
    public static double ExpBudget => 4 * UnitRoundoff;

    /// <summary>Largest finite value, as binary64.</summary>
    public static double MaxValue => double.CreateTruncating(Generators.IeeeGenerators<T, TFormat>.MaxValue);

    /// <summary>Higham's <c>γ_k = k·u / (1 − k·u)</c>: the relative error bound of <c>k</c> successive roundings.</summary>
    public static double Gamma(int k) => k * UnitRoundoff / (1 - (k * UnitRoundoff));

    /// <summary>
    /// Slack for evaluating a bound, and the difference it is compared with, in binary64: each of the at most 30 roundings of
    /// that evaluation moves it by a factor within <c>1 ± 2^−53</c>, so comparing against <c>bound · (1 + 2^−47)</c> never
    /// flags a value that truly meets the bound; a true excess smaller than that factor would pass, far below any margin
    /// the bounds claim.
    /// </summary>
    public static double EvaluationSlack => 1 + Math.ScaleB(1.0, -47);
}

using System;
using System.Numerics;
using Latent.Ieee;

namespace Latent.Properties.Laws.Support;

/// <summary>
/// A forward error bound for <c>diagonalGaussianKlToStandard</c> evaluated in the Lean order in a binary format, derived
/// from the standard model of floating-point arithmetic. <c>spec/laws.md</c> states the same derivation.
/// </summary>
/// <remarks>
/// <para>Per coordinate the mirror computes <c>v = exp(l)</c>, <c>m = mu·mu</c>, <c>a = v + m</c>, <c>b = a − 1</c>,
/// <c>c = b − l</c>, each rounded: <c>v = e^l(1 + δ_e) + η_e</c> with <c>|δ_e| ≤ ε_e</c> (<see cref="FormatFacts{T, TFormat}.ExpBudget"/>)
/// and <c>|η_e| ≤ 1.5q</c>; <c>m = mu²(1 + δ) + η</c> with <c>|η| ≤ q/2</c>; additions and subtractions have relative error
/// at most <c>u</c> and none in the subnormal range. Expanding <c>c − per</c>, with <c>per = e^l + mu² − 1 − l</c> and
/// <c>T = e^l + mu² + 1 + |l|</c>:</para>
/// <para><c>|c − per| ≤ ε_e·e^l + u·mu² + u|v + m| + u|a − 1| + u|b − l| + 2q ≤ (ε_e + 5u)·T + 3q</c>
/// (the three rounded intermediates are each below <c>T(1 + O(u))</c>; the second-order terms fit in the fifth <c>u</c>).</para>
/// <para>The zero-seeded left fold adds <c>n − 1</c> roundings: <c>|S − Σ c_i| ≤ γ_(n−1) Σ|c_i|</c> (Higham, <i>Accuracy and
/// Stability of Numerical Algorithms</i>, §4.2), and <c>Σ|c_i| ≤ (1 + γ_c)ΣT + 3nq</c> with <c>γ_c = ε_e + 5u</c>. The
/// division by <c>n</c> adds a relative <c>u</c> (and <c>q/2</c>); the final <c>0.5·M</c> is exact but for <c>q/2</c>. Altogether</para>
/// <para><c>|KL_fl − KL| ≤ (ΣT / 2n) · (γ_c + (γ_(n−1) + u(1 + γ_(n−1)))(1 + γ_c)) + 3q</c>.</para>
/// <para>It assumes nothing overflows (<see cref="Generators.KlDomain{T, TFormat}"/>). It is an absolute bound: where
/// <c>e^l − 1 − l</c> cancels (small |l|), the relative error is unbounded, which is why non-negativity fails.</para>
/// </remarks>
internal static class KlErrorBound<T, TFormat>
    where T : IBinaryFloatingPointIeee754<T>
    where TFormat : IBinaryFormat<T>
{
    /// <summary>The bound on <c>|KL_fl − KL|</c> for these inputs (<c>KL</c> the real mean divergence).</summary>
    public static double AgainstReal(ReadOnlySpan<T> mu, ReadOnlySpan<T> logvar)
    {
        int n = mu.Length;
        double u = FormatFacts<T, TFormat>.UnitRoundoff;
        double q = FormatFacts<T, TFormat>.SubnormalQuantum;
        double gammaC = FormatFacts<T, TFormat>.ExpBudget + (5 * u);
        double gammaSum = FormatFacts<T, TFormat>.Gamma(n - 1);
        double termSum = 0;
        for (int i = 0; i < n; i++)
        {
            double m = double.CreateTruncating(mu[i]), l = double.CreateTruncating(logvar[i]);
            termSum += Math.Exp(l) + (m * m) + 1 + Math.Abs(l);
        }

        double relative = gammaC + ((gammaSum + (u * (1 + gammaSum))) * (1 + gammaC));
        return ((termSum / (2.0 * n) * relative) + (3 * q)) * FormatFacts<T, TFormat>.EvaluationSlack;
    }

    /// <summary>
    /// The bound on <c>|KL_fl − KL_exact|</c>, where <c>KL_exact</c> is the real value rounded once to nearest: the bound
    /// against the real value plus that rounding, <c>u·|KL_exact|(1 + 2u) + q/2</c>.
    /// </summary>
    public static double AgainstExact(ReadOnlySpan<T> mu, ReadOnlySpan<T> logvar, T exact)
    {
        double u = FormatFacts<T, TFormat>.UnitRoundoff;
        double q = FormatFacts<T, TFormat>.SubnormalQuantum;
        double rounding = (u * Math.Abs(double.CreateTruncating(exact)) * (1 + (2 * u))) + (q / 2);
        return AgainstReal(mu, logvar) + (rounding * FormatFacts<T, TFormat>.EvaluationSlack);
    }
}

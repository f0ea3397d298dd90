using System;
using System.Numerics;
using Latent.Ieee;

namespace Latent.Properties.Laws.Support;

/// <summary>
/// A per-sample forward error bound for one coordinate of <c>reparameterizeDiag</c> in the Lean order: how far the mirror's
/// <c>z</c> can be from the real <c>mu + σ·eps</c>, <c>σ = e^(logvar/2)</c>. <c>spec/laws.md</c> states the same derivation.
/// </summary>
/// <remarks>
/// <para>The mirror computes <c>h = l·0.5</c> (exact but for a subnormal <c>l</c>, where it moves <c>e^h</c> by a factor
/// within <c>1 ± q</c>), <c>s = exp(h) = σ(1 + δ_e) + η_e</c> (<c>|δ_e| ≤ ε_e</c>, <c>|η_e| ≤ 1.5q</c> when <c>s</c> is
/// subnormal or underflows), <c>p = s·eps</c> (relative <c>u</c>, absolute <c>q/2</c>), <c>z = mu + p</c> (relative <c>u</c>).
/// Then <c>z − (mu + σ·eps) = (p − σ·eps) + δ(mu + p)</c>, and</para>
/// <para><c>|z − (mu + σ·eps)| ≤ (ε_e + 3u)·σ|eps| + u·|mu| + 2q(1 + |eps|)</c>,</para>
/// <para>the second-order terms fitting in the third <c>u</c>. It assumes no overflow: <c>σ|eps|</c> and <c>|mu|</c> at most
/// <c>MaxValue / 4</c> (<see cref="Generators.ReparameterizeDomain{T, TFormat}"/>). The <c>q·|eps|</c> term is real: when
/// <c>s</c> underflows to 0, <c>z = mu</c> exactly while the real sample differs by <c>σ|eps|</c>, up to about
/// <c>q·|eps|</c>.</para>
/// <para>Consequence for the law (the coupling argument in <c>spec/laws.md</c>): with <c>θ = ε_e + 3u</c>, and <c>σ</c> in the
/// normal range, the Kolmogorov distance between the law of <c>z</c> and <c>N(mu, σ²)</c> is at most
/// <c>θ / ((1 − θ)√(2πe)) + (u|mu| + 2q) / (σ√(2π))</c>.</para>
/// </remarks>
internal static class ReparameterizeErrorBound<T, TFormat>
    where T : IBinaryFloatingPointIeee754<T>
    where TFormat : IBinaryFormat<T>
{
    /// <summary>The relative coefficient <c>θ = ε_e + 3u</c> of <c>σ|eps|</c>.</summary>
    public static double Theta => FormatFacts<T, TFormat>.ExpBudget + (3 * FormatFacts<T, TFormat>.UnitRoundoff);

    /// <summary>The bound on <c>|z_fl − (mu + σ·eps)|</c>.</summary>
    public static double AgainstReal(T mu, T logvar, T eps)
    {
        double u = FormatFacts<T, TFormat>.UnitRoundoff;
        double q = FormatFacts<T, TFormat>.SubnormalQuantum;
        double m = double.CreateTruncating(mu), e = Math.Abs(double.CreateTruncating(eps));
        return ((Theta * ScaledNoise(double.CreateTruncating(logvar), e)) + (u * Math.Abs(m)) + (2 * q * (1 + e))) * FormatFacts<T, TFormat>.EvaluationSlack;
    }

    /// <summary>
    /// <c>σ·|eps|</c> in binary64, slightly overestimated: directly when <c>σ</c> is a normal binary64 number (a relative error
    /// of a few 2^−53, inside <see cref="FormatFacts{T, TFormat}.EvaluationSlack"/>), otherwise in logarithms, where rounding
    /// the exponent <c>l/2 + ln|eps|</c> (at most about 2100 in size) moves the result by a factor below <c>1 + 2^−40</c>.
    /// </summary>
    private static double ScaledNoise(double logvar, double absEps)
    {
        if (absEps == 0)
        {
            return 0;
        }

        double sigma = Math.Exp(logvar / 2);
        return double.IsNormal(sigma)
            ? sigma * absEps
            : Math.Exp((logvar / 2) + Math.Log(absEps)) * (1 + Math.ScaleB(1.0, -38));
    }

    /// <summary>The bound on <c>|z_fl − z_exact|</c>, adding the exact value's own rounding <c>u·|z_exact|(1 + 2u) + q/2</c>.</summary>
    public static double AgainstExact(T mu, T logvar, T eps, T exact)
    {
        double u = FormatFacts<T, TFormat>.UnitRoundoff;
        double q = FormatFacts<T, TFormat>.SubnormalQuantum;
        double rounding = (u * Math.Abs(double.CreateTruncating(exact)) * (1 + (2 * u))) + (q / 2);
        return AgainstReal(mu, logvar, eps) + (rounding * FormatFacts<T, TFormat>.EvaluationSlack);
    }
}

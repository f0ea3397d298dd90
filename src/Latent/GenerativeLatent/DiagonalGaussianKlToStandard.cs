using System;
using System.Diagnostics.Contracts;
using System.Numerics;

namespace Latent;

public static partial class GenerativeLatent
{
    private const string DiagonalGaussianKlToStandardName = "diagonalGaussianKlToStandard";

    /// <summary>
    /// Mirror of <c>Generative.Latent.diagonalGaussianKlToStandard</c>: the KL divergence of <c>N(mu, exp logvar)</c> from
    /// <c>N(0, 1)</c>, averaged (not summed) over the latent shape.
    /// </summary>
    /// <typeparam name="T">The scalar type (Lean <c>α</c>).</typeparam>
    /// <typeparam name="TContext">The arithmetic (Lean <c>[Context α]</c>).</typeparam>
    /// <param name="mu">Means, row-major.</param>
    /// <param name="logvar">Log-variances, same shape as <paramref name="mu"/>.</param>
    /// <param name="emptyMean">What the mean of an empty shape is: <see cref="EmptyMeanConvention.V1"/> (the default, as the
    /// mirrored V1 does) divides by 0; <see cref="EmptyMeanConvention.V3"/> divides by 1.</param>
    /// <returns><c>0.5 * (S / n)</c>, where <c>S</c> is the zero-seeded row-major left fold of the per-coordinate terms.</returns>
    /// <remarks>
    /// <para>Lean: <c>var := expTensor logvar</c>; <c>mu2 := mulSpec mu mu</c>; <c>ones := fill 1 latent</c>;
    /// <c>per := var + mu2 - ones - logvar</c>; <c>Numbers.pointfive * Spec.meanOver (Spec.toScalarSpec per)</c>.
    /// In rounding order: per element <c>per = ((exp(logvar) + mu * mu) - 1) - logvar</c> (Lean's <c>+</c> and <c>-</c> associate
    /// to the left); <c>S = (((0 + per[0]) + per[1]) + …)</c>; <c>M = S / n</c> with <c>n</c> the element count cast to <c>T</c>;
    /// result <c>0.5 * M</c> with the constant on the left. The halving comes after the mean, once.</para>
    /// <para>Special values under <see cref="IeeeContext{T}"/> (each row is checked through the mirror and the Lean text by
    /// <c>SpecialValues/diagonalGaussianKlToStandard.json</c>):</para>
    /// <list type="table">
    /// <listheader><term>inputs</term><description>result</description></listheader>
    /// <item><term><c>mu = 0</c>, <c>logvar = 0</c> everywhere</term><description><c>+0</c></description></item>
    /// <item><term><c>mu = [0.5, −0.25]</c>, <c>logvar = [0, 0]</c></term><description><c>0.078125</c> exactly</description></item>
    /// <item><term>one <c>logvar = +∞</c></term><description>NaN (<c>∞ − ∞</c> in the last subtraction)</description></item>
    /// <item><term><c>logvar</c> finite above the overflow edge (709.78 for <c>double</c>, 88.72 for <c>float</c>)</term><description><c>+∞</c></description></item>
    /// <item><term>one <c>logvar = −∞</c>, everything else finite</term><description><c>+∞</c> (<c>(0 + mu² − 1) − (−∞)</c>)</description></item>
    /// <item><term><c>mu = ±∞</c> or <c>mu²</c> overflowing, <c>logvar</c> finite</term><description><c>+∞</c></description></item>
    /// <item><term>any NaN</term><description>NaN</description></item>
    /// <item><term>empty shape</term><description><c>EmptyMeanConvention.V1</c>: <c>0 / 0</c> = NaN; <c>EmptyMeanConvention.V3</c>: <c>+0</c></description></item>
    /// <item><term>small <c>|logvar|</c></term><description>the spec order cancels in <c>(exp(l) + mu²) − 1</c>: with <c>mu = 0</c> the result can be negative or 0 although the real KL is positive</description></item>
    /// </list>
    /// <para>The result is never <c>−0</c>, and not because of the zero seed: under round to nearest <c>x − y</c> is <c>−0</c> only
    /// for <c>x = −0</c> and <c>y = +0</c>, and <c>(var + mu2) − 1</c> cannot be <c>−0</c>, so no term is <c>−0</c>. The seed is
    /// therefore not observable in IEEE values; the symbolic trace against the Lean text (<c>SpecTraceTests</c>) pins it.</para>
    /// </remarks>
    /// <exception cref="ArgumentException"><paramref name="logvar"/> and <paramref name="mu"/> differ in length, or <paramref name="emptyMean"/> is not a defined convention.</exception>
    [Mirrors("Generative.Latent.diagonalGaussianKlToStandard")]
    public static T DiagonalGaussianKlToStandard<T, TContext>(
        [TensorOf("latent")] ReadOnlySpan<T> mu,
        [TensorOf("latent")] ReadOnlySpan<T> logvar,
        [SpecVariant] EmptyMeanConvention emptyMean = EmptyMeanConvention.V1)
        where TContext : IContext<T>
    {
        Guard.SameLength(mu, nameof(mu), logvar, nameof(logvar), DiagonalGaussianKlToStandardName);
        Guard.DefinedConvention(emptyMean, nameof(emptyMean));
        T one = TContext.One;
        T sum = TContext.Zero;
        for (int i = 0; i < mu.Length; i++)
        {
            T variance = ExpElement<T, TContext>(logvar[i]);
            T mu2 = TContext.Mul(mu[i], mu[i]);
            T per = TContext.Sub(TContext.Sub(TContext.Add(variance, mu2), one), logvar[i]);
            sum = TContext.Add(sum, per);
        }

        return TContext.Mul(TContext.PointFive, MeanOver<T, TContext>(sum, mu.Length, emptyMean));
    }

    /// <summary>
    /// Mirror of <c>Spec.meanOver</c>, which <c>diagonalGaussianKlToStandard</c> calls: one division of the summed value by the
    /// element count cast to <c>T</c> (V1), or by 1 when the shape is empty (V2/V3's <c>meanDenominator</c>).
    /// </summary>
    [Pure]
    private static T MeanOver<T, TContext>(T sum, int count, EmptyMeanConvention emptyMean)
        where TContext : IContext<T>
    {
        int denominator = count == 0 && emptyMean == EmptyMeanConvention.V3 ? 1 : count;
        return TContext.Div(sum, TContext.NatCast(denominator));
    }

    /// <summary><c>diagonalGaussianKlToStandard</c> in the platform's IEEE arithmetic (<see cref="IeeeContext{T}"/>).</summary>
    /// <inheritdoc cref="DiagonalGaussianKlToStandard{T, TContext}(ReadOnlySpan{T}, ReadOnlySpan{T}, EmptyMeanConvention)"/>
    public static T DiagonalGaussianKlToStandard<T>(ReadOnlySpan<T> mu, ReadOnlySpan<T> logvar, EmptyMeanConvention emptyMean = EmptyMeanConvention.V1)
        where T : IFloatingPointIeee754<T> =>
        DiagonalGaussianKlToStandard<T, IeeeContext<T>>(mu, logvar, emptyMean);

    /// <summary><c>diagonalGaussianKlToStandard</c> on tensors of one shape.</summary>
    /// <inheritdoc cref="DiagonalGaussianKlToStandard{T, TContext}(ReadOnlySpan{T}, ReadOnlySpan{T}, EmptyMeanConvention)"/>
    /// <exception cref="ArgumentException">The inputs differ in shape.</exception>
    public static T DiagonalGaussianKlToStandard<T, TContext>(Tensor<T> mu, Tensor<T> logvar, EmptyMeanConvention emptyMean = EmptyMeanConvention.V1)
        where TContext : IContext<T>
    {
        ArgumentNullException.ThrowIfNull(mu);
        ArgumentNullException.ThrowIfNull(logvar);
        Guard.SameShape(mu.Shape, nameof(mu), logvar.Shape, nameof(logvar), DiagonalGaussianKlToStandardName);
        return DiagonalGaussianKlToStandard<T, TContext>(mu.Span, logvar.Span, emptyMean);
    }

    /// <summary><c>diagonalGaussianKlToStandard</c> on tensors in the platform's IEEE arithmetic.</summary>
    /// <inheritdoc cref="DiagonalGaussianKlToStandard{T, TContext}(Tensor{T}, Tensor{T}, EmptyMeanConvention)"/>
    public static T DiagonalGaussianKlToStandard<T>(Tensor<T> mu, Tensor<T> logvar, EmptyMeanConvention emptyMean = EmptyMeanConvention.V1)
        where T : IFloatingPointIeee754<T> =>
        DiagonalGaussianKlToStandard<T, IeeeContext<T>>(mu, logvar, emptyMean);
}

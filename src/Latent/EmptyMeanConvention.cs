namespace Latent;

/// <summary>
/// How <c>Spec.meanOver</c> treats a latent shape with no elements, the one place where the upstream
/// versions of <c>NN.Spec.Generative.Latent</c> differ numerically.
/// </summary>
public enum EmptyMeanConvention
{
    /// <summary>
    /// Upstream V1 (the published API page): divide by <c>Shape.size = 0</c>. For IEEE formats the mean of an
    /// empty shape is <c>0 / 0 = NaN</c>. This is the default.
    /// </summary>
    V1 = 1,

    /// <summary>
    /// Upstream V2 and V3: divide by <c>meanDenominator s = if s.size = 0 then 1 else s.size</c>, so the mean of an
    /// empty shape is <c>0 / 1 = +0</c>.
    /// </summary>
    V3 = 3,
}

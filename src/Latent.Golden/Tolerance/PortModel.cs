namespace Latent.Golden.Tolerance;

/// <summary>
/// What a faithful port may do differently from the spec's evaluation order, and so what every tolerance allows.
/// <c>docs/golden-vectors.md</c> derives each bound from these assumptions.
/// </summary>
public static class PortModel
{
    /// <summary>
    /// The largest error of a port's <c>exp</c>, in ulps of the true result: glibc's is 0.51, NumPy's SIMD float32 exp
    /// measures about 2, System.Numerics.Tensors' vectorized float32 exp 2.27, OpenCL allows 3.
    /// </summary>
    public const int ExpUlps = 3;

    /// <summary>
    /// The largest error of a port's <c>log</c>, in ulps of the true result; only PyTorch's KL form
    /// (<c>log(var_ratio)</c>) uses one. NumPy's float32 SIMD log documents 3.83 ulps.
    /// </summary>
    public const int LogUlps = 4;

    /// <summary>
    /// A port's <c>exp</c> may return +∞ once the true result exceeds <c>MAX · (1 − 2^−ExpEarlyOverflowBits)</c>: vectorized
    /// exps compare the argument with a rounded threshold, and PyTorch's float64 exp (SLEEF) overflows from
    /// <c>x = 709.78271114955…</c>, where <c>e^x = MAX · (1 − 2^−19.13)</c>. Below that edge the ulp bound applies.
    /// </summary>
    public const int ExpEarlyOverflowBits = 18;

    /// <summary>
    /// The <c>exp</c> error of the <see cref="PortProfile.Gpu"/> profile, in ulps: CUDA's <c>expf</c> measures 2 ulps from
    /// correctly rounded (LLVM libc's GPU conformance table, llvm/llvm-project <c>libc/docs/headers/math/index.rst</c>) and JAX
    /// documents float32 <c>exp</c> at 2.0 ulps on H100/B200 (jax-ml/jax <c>docs/accuracy.md</c>); OpenCL allows 2 for half.
    /// </summary>
    public const int GpuExpUlps = 2;
}

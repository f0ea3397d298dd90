using System;
using System.Collections.Generic;

namespace Latent.Golden.Tolerance;

/// <summary>
/// A named set of assumptions about how a port computes, each giving its own accepted band per result element.
/// <c>docs/golden-vectors.md</c> derives each band from the assumptions stated here; <c>latent check --profile</c> chooses one.
/// </summary>
public enum PortProfile
{
    /// <summary>
    /// Any faithful formula (any summation order, fused multiply-adds, PyTorch's KL form), an <c>exp</c> within
    /// <see cref="PortModel.ExpUlps"/> ulps and a <c>log</c> within <see cref="PortModel.LogUlps"/>, IEEE gradual underflow.
    /// </summary>
    Default,

    /// <summary>
    /// The Lean evaluation order exactly, every <c>+ − × ÷</c> correctly rounded, and a faithful <c>exp</c> (one of the two
    /// format values around <c>e^x</c>, so within 1 ulp): the band is the hull of the spec evaluated with the downward and
    /// with the upward faithful <c>exp</c>, as tight as those assumptions allow.
    /// </summary>
    Strict,

    /// <summary>
    /// <see cref="Default"/>'s formulas with an <c>exp</c> within <see cref="PortModel.GpuExpUlps"/> ulps, and subnormals
    /// that may be flushed: a subnormal input may be read as (signed) zero, a subnormal result may become (signed) zero.
    /// </summary>
    Gpu,
}

/// <summary>Names, summaries and parameters of the <see cref="PortProfile"/> values.</summary>
public static class PortProfiles
{
    /// <summary>Every profile, in file order.</summary>
    public static IReadOnlyList<PortProfile> All { get; } = [PortProfile.Default, PortProfile.Strict, PortProfile.Gpu];

    /// <summary>The names joined for messages.</summary>
    public const string Expected = "default, strict or gpu";

    /// <summary>The name in files and on the command line.</summary>
    public static string Name(this PortProfile profile) => profile switch
    {
        PortProfile.Default => "default",
        PortProfile.Strict => "strict",
        PortProfile.Gpu => "gpu",
        _ => throw new ArgumentOutOfRangeException(nameof(profile)),
    };

    /// <summary>The profile named <paramref name="name"/>, or null.</summary>
    public static PortProfile? Find(string? name) => name switch
    {
        "default" => PortProfile.Default,
        "strict" => PortProfile.Strict,
        "gpu" => PortProfile.Gpu,
        _ => null,
    };

    /// <summary>The largest error of the port's <c>exp</c> the profile assumes, in ulps of the true result.</summary>
    public static int ExpUlps(this PortProfile profile) => profile switch
    {
        PortProfile.Default => PortModel.ExpUlps,
        PortProfile.Strict => 1,
        PortProfile.Gpu => PortModel.GpuExpUlps,
        _ => throw new ArgumentOutOfRangeException(nameof(profile)),
    };

    /// <summary>Whether the profile lets a port read subnormal inputs as zero and flush subnormal results to zero.</summary>
    public static bool FlushesSubnormals(this PortProfile profile) => profile == PortProfile.Gpu;

    /// <summary>One sentence per profile, written into every file's header.</summary>
    public static string Summary(this PortProfile profile) => profile switch
    {
        PortProfile.Default =>
            "any faithful formula (any summation order, fused multiply-adds, PyTorch's Normal-Normal KL form), exp within 3 ulps, log within 4 ulps, IEEE gradual underflow",
        PortProfile.Strict =>
            "the Lean evaluation order, every + - * / correctly rounded in the format, exp faithful (one of the two format values around e^x): the hull of the spec evaluated with the downward and with the upward faithful exp",
        PortProfile.Gpu =>
            "default's formulas with exp within 2 ulps (CUDA expf), and subnormal inputs that may be read as signed zero and subnormal results that may be flushed to signed zero (CUDA -ftz=true, XLA on GPU)",
        _ => throw new ArgumentOutOfRangeException(nameof(profile)),
    };
}

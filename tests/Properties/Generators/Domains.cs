using System.Numerics;
using Latent.Ieee;

namespace Latent.Properties.Generators;

/// <summary>Three tensors of one shape with values of every IEEE class: inputs of <c>reparameterizeDiag</c> and the KL.</summary>
public sealed record LatentTensors<T, TFormat>(Shape Shape, T[] Mu, T[] Logvar, T[] Eps)
    where T : IBinaryFloatingPointIeee754<T>
    where TFormat : IBinaryFormat<T>
{
    /// <inheritdoc/>
    public override string ToString() =>
        $"{TFormat.Name} shape {Shape}: mu {IeeeFormatText.Values<T, TFormat>(Mu)}, logvar {IeeeFormatText.Values<T, TFormat>(Logvar)}, eps {IeeeFormatText.Values<T, TFormat>(Eps)}";
}

/// <summary>
/// KL inputs that are all zeros of either sign, on a nonempty shape: the domain of "KL(0, 0) = 0" and of the "if"
/// direction of the zero-iff theorems (an empty shape is outside them: it has no coordinates to be zero).
/// </summary>
public sealed record SignedZeroInputs<T, TFormat>(Shape Shape, T[] Mu, T[] Logvar)
    where T : IBinaryFloatingPointIeee754<T>
    where TFormat : IBinaryFormat<T>
{
    /// <inheritdoc/>
    public override string ToString() =>
        $"{TFormat.Name} shape {Shape}: mu {IeeeFormatText.Values<T, TFormat>(Mu)}, logvar {IeeeFormatText.Values<T, TFormat>(Logvar)}";
}

/// <summary>
/// KL inputs inside the domain of the forward error bound: at least one coordinate, all values finite, and no intermediate
/// overflow (<c>exp(logvar)</c>, <c>mu²</c> and the running sum stay below <c>MaxValue / 4</c>). Mixes tiny logvars
/// (cancellation), zeros, subnormals, moderate and large values of both inputs.
/// </summary>
public sealed record KlDomain<T, TFormat>(T[] Mu, T[] Logvar)
    where T : IBinaryFloatingPointIeee754<T>
    where TFormat : IBinaryFormat<T>
{
    /// <inheritdoc/>
    public override string ToString() =>
        $"{TFormat.Name} n = {Mu.Length}: mu {IeeeFormatText.Values<T, TFormat>(Mu)}, logvar {IeeeFormatText.Values<T, TFormat>(Logvar)}";
}

/// <summary>
/// One coordinate of <c>reparameterizeDiag</c> inside the domain of its per-sample error bound: finite inputs with
/// <c>|mu| ≤ MaxValue / 4</c> and <c>exp(logvar / 2) · |eps| ≤ MaxValue / 4</c>, so nothing overflows. Includes logvars whose
/// <c>exp(logvar / 2)</c> underflows (down to twice the underflow edge) and subnormal noise.
/// </summary>
public sealed record ReparameterizeDomain<T, TFormat>(T Mu, T Logvar, T Eps)
    where T : IBinaryFloatingPointIeee754<T>
    where TFormat : IBinaryFormat<T>
{
    /// <inheritdoc/>
    public override string ToString() =>
        $"{TFormat.Name}: mu {IeeeFormatText.Value<T, TFormat>(Mu)}, logvar {IeeeFormatText.Value<T, TFormat>(Logvar)}, eps {IeeeFormatText.Value<T, TFormat>(Eps)}";
}

/// <summary>A codebook of finite embeddings, a code index in range, and a finite latent <see cref="Z"/> of the codebook's shape.</summary>
public sealed record CodebookCase<T, TFormat>(Codebook<T> Book, int Index, T[] Z, T[] Values)
    where T : IBinaryFloatingPointIeee754<T>
    where TFormat : IBinaryFormat<T>
{
    /// <inheritdoc/>
    public override string ToString() =>
        $"{TFormat.Name} {Book.NumCodes} codes of shape {Book.Latent}, index {Index}: embeddings {IeeeFormatText.Values<T, TFormat>(Values)}, z {IeeeFormatText.Values<T, TFormat>(Z)}";
}

/// <summary>A nonzero logvar small enough that <c>exp(l) − 1 − l</c> cancels in the format (|l| &lt; 1, subnormals included).</summary>
public sealed record TinyLogvar<T, TFormat>(T Value)
    where T : IBinaryFloatingPointIeee754<T>
    where TFormat : IBinaryFormat<T>
{
    /// <inheritdoc/>
    public override string ToString() => $"{TFormat.Name} logvar {IeeeFormatText.Value<T, TFormat>(Value)}";
}

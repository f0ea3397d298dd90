using System;
using System.Numerics;

namespace Latent.Properties.Laws.Support;

/// <summary>
/// Zeros that keep the signs of generated values: the laws about zero inputs ("KL(0, 0) = 0", "eps = 0 gives mu") must hold
/// for every mix of +0 and −0, and taking the signs from generated tensors lets FsCheck choose the mix and the shape.
/// </summary>
internal static class SignedZeros
{
    /// <summary>−0 where <paramref name="signs"/> is negative, +0 elsewhere.</summary>
    public static T[] Like<T>(T[] signs)
        where T : IFloatingPointIeee754<T> =>
        Array.ConvertAll(signs, v => T.IsNegative(v) ? T.NegativeZero : T.Zero);
}

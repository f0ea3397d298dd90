using System;
using System.Numerics;
using FsCheck.Xunit;
using Latent.Ieee;
using Latent.Properties.Generators;
using Latent.Properties.Laws.Support;
using Xunit;

namespace Latent.Properties.Laws;

/// <summary>
/// The VQ-VAE theorems that reach the module. <c>quantized_is_codebook_lookup</c> is about <c>quantizeAt</c> itself. The
/// <c>squaredL2</c> and exact-match theorems are about a real distance the module does not define; they are read here with
/// a floating-point <see cref="SquaredL2"/> in TorchLean's reduction order, applied to the codes <c>quantizeAt</c> returns.
/// All hold exactly on finite codebooks: a difference of a value with itself is +0, squares are never negative, and a sum
/// of non-negative values rounds to a non-negative value (overflow gives +∞, still ≥ 0). Infinite or NaN embeddings are
/// outside ℝ; <see cref="Non_finite_embeddings_are_outside_the_real_theorems"/> records what happens there.
/// </summary>
public abstract class CodebookLaws<T, TFormat>
    where T : IBinaryFloatingPointIeee754<T>
    where TFormat : IBinaryFormat<T>
{
    /// <summary>quantizeAt is the lookup, bit for bit, for every value class (NaN payloads and −0 included) and every shape.</summary>
    [Property(MaxTest = 1000)]
    [Trait(Upstream.Trait, Upstream.QuantizedIsCodebookLookup)]
    public void QuantizeAt_is_the_codebook_lookup(LatentTensors<T, TFormat> values)
    {
        // The generated tensors' three value arrays become a three-code book of the generated shape.
        T[] embeddings = [.. values.Mu, .. values.Logvar, .. values.Eps];
        var book = new Codebook<T>(3, values.Shape, embeddings);
        for (int idx = 0; idx < book.NumCodes; idx++)
        {
            Assert.True(LawPredicates<T, TFormat>.QuantizedIsCodebookLookup(book, embeddings, idx), $"code {idx}");
            Assert.Equal(values.Shape, GenerativeLatent.QuantizeAt(book, idx).Shape);
        }
    }

    [Property(MaxTest = 1000)]
    [Trait(Upstream.Trait, Upstream.SquaredL2Nonneg)]
    public void SquaredL2_to_every_code_is_nonnegative(CodebookCase<T, TFormat> c) =>
        Assert.True(LawPredicates<T, TFormat>.SquaredL2Nonneg(c.Book, c.Values, c.Index, c.Z));

    [Property(MaxTest = 1000)]
    [Trait(Upstream.Trait, Upstream.SquaredL2Self)]
    public void SquaredL2_of_a_code_with_itself_is_zero(CodebookCase<T, TFormat> c) =>
        Assert.True(LawPredicates<T, TFormat>.SquaredL2Self(c.Book, c.Index));

    [Property(MaxTest = 1000)]
    [Trait(Upstream.Trait, Upstream.ExactCodeMatchSelectedDistanceZero)]
    public void The_selected_code_is_at_distance_zero_from_its_lookup(CodebookCase<T, TFormat> c) =>
        Assert.True(LawPredicates<T, TFormat>.ExactCodeMatchSelectedDistanceZero(c.Book, c.Values, c.Index));

    [Property(MaxTest = 1000)]
    [Trait(Upstream.Trait, Upstream.ExactCodeMatchIsNearestCode)]
    public void The_lookup_of_a_code_has_that_code_as_a_nearest_code(CodebookCase<T, TFormat> c) =>
        Assert.True(LawPredicates<T, TFormat>.ExactCodeMatchIsNearestCode(c.Book, c.Values, c.Index));

    /// <summary>
    /// Outside ℝ the floating-point readings break, and the predicates say so: an infinite coordinate makes
    /// <c>∞ − ∞ = NaN</c>, so the self-distance is NaN, the selected distance is NaN and NaN ≤ anything is false. The lookup
    /// law still holds, since it does no arithmetic.
    /// </summary>
    [Fact]
    [Trait(Upstream.Trait, Upstream.QuantizedIsCodebookLookup)]
    [Trait(Upstream.Trait, Upstream.SquaredL2Nonneg)]
    [Trait(Upstream.Trait, Upstream.SquaredL2Self)]
    [Trait(Upstream.Trait, Upstream.ExactCodeMatchIsNearestCode)]
    [Trait(Upstream.Trait, Upstream.ExactCodeMatchSelectedDistanceZero)]
    public void Non_finite_embeddings_are_outside_the_real_theorems()
    {
        T[] raw = [T.One, T.PositiveInfinity, T.Zero, T.One];
        var book = new Codebook<T>(2, Shape.Of(2), raw);
        Assert.True(T.IsNaN(SquaredL2.Of<T>(raw.AsSpan(0, 2), raw.AsSpan(0, 2))));
        Assert.False(LawPredicates<T, TFormat>.SquaredL2Self(book, 0));
        Assert.False(LawPredicates<T, TFormat>.ExactCodeMatchSelectedDistanceZero(book, raw, 0));
        Assert.False(LawPredicates<T, TFormat>.ExactCodeMatchIsNearestCode(book, raw, 0));
        Assert.True(LawPredicates<T, TFormat>.QuantizedIsCodebookLookup(book, raw, 0));

        // Finite values whose difference overflows stay within the laws: the distance is +∞, which is ≥ 0.
        T max = IeeeGenerators<T, TFormat>.MaxValue;
        T[] wideRaw = [max, -max];
        var wide = new Codebook<T>(2, Shape.Of(1), wideRaw);
        Assert.True(T.IsPositiveInfinity(SquaredL2.Of<T>(wideRaw.AsSpan(0, 1), wideRaw.AsSpan(1, 1))));
        Assert.True(LawPredicates<T, TFormat>.SquaredL2Nonneg(wide, wideRaw, 0, [max]));
        Assert.True(LawPredicates<T, TFormat>.ExactCodeMatchIsNearestCode(wide, wideRaw, 1));
    }
}

/// <summary>Codebook laws in binary64.</summary>
public sealed class CodebookLawsF64 : CodebookLaws<double, Binary64>;

/// <summary>Codebook laws in binary32.</summary>
public sealed class CodebookLawsF32 : CodebookLaws<float, Binary32>;

using FsCheck;
using FsCheck.Fluent;
using Latent.Ieee;

namespace Latent.Properties.Generators;

/// <summary>
/// The arbitraries every property of this assembly draws from, registered once for the whole assembly
/// (<see cref="AssemblyProperties"/>): a property that takes a <c>double</c>, a <c>float</c>, a <see cref="Shape"/> or one of
/// the domain records gets these generators and shrinkers, not FsCheck's defaults.
/// </summary>
/// <remarks>
/// A failing property prints its arguments (bit patterns first) and <c>Replay = "(seed,gamma,size)"</c>; paste that into
/// <c>[Property(Replay = ...)]</c> to rerun exactly that case, then freeze the shrunk counterexample in
/// <c>Laws/Regressions/counterexamples.json</c> (see <c>spec/laws.md</c>).
/// </remarks>
public static class LatentArbitraries
{
    /// <summary>binary64 values of every class, from bit patterns.</summary>
    public static Arbitrary<double> Doubles() =>
        Arb.From(IeeeGenerators<double, Binary64>.Any, IeeeGenerators<double, Binary64>.Shrink);

    /// <summary>binary32 values of every class, from bit patterns.</summary>
    public static Arbitrary<float> Singles() =>
        Arb.From(IeeeGenerators<float, Binary32>.Any, IeeeGenerators<float, Binary32>.Shrink);

    /// <summary>Shapes of rank 0 to 4, zero-length dimensions included.</summary>
    public static Arbitrary<Shape> Shapes() => Arb.From(DomainGenerators<double, Binary64>.Shapes);

    /// <summary>All-zero KL inputs in binary64.</summary>
    public static Arbitrary<SignedZeroInputs<double, Binary64>> SignedZeros64() => Arb.From(DomainGenerators<double, Binary64>.SignedZeroInputs);

    /// <summary>All-zero KL inputs in binary32.</summary>
    public static Arbitrary<SignedZeroInputs<float, Binary32>> SignedZeros32() => Arb.From(DomainGenerators<float, Binary32>.SignedZeroInputs);

    /// <summary>binary64 tensors of every class.</summary>
    public static Arbitrary<LatentTensors<double, Binary64>> LatentTensors64() =>
        Arb.From(DomainGenerators<double, Binary64>.LatentTensors, DomainGenerators<double, Binary64>.ShrinkTensors);

    /// <summary>binary32 tensors of every class.</summary>
    public static Arbitrary<LatentTensors<float, Binary32>> LatentTensors32() =>
        Arb.From(DomainGenerators<float, Binary32>.LatentTensors, DomainGenerators<float, Binary32>.ShrinkTensors);

    /// <summary>binary64 KL inputs in the bound's domain.</summary>
    public static Arbitrary<KlDomain<double, Binary64>> KlDomain64() =>
        Arb.From(DomainGenerators<double, Binary64>.KlDomains, DomainGenerators<double, Binary64>.ShrinkKl);

    /// <summary>binary32 KL inputs in the bound's domain.</summary>
    public static Arbitrary<KlDomain<float, Binary32>> KlDomain32() =>
        Arb.From(DomainGenerators<float, Binary32>.KlDomains, DomainGenerators<float, Binary32>.ShrinkKl);

    /// <summary>binary64 reparameterization coordinates in the bound's domain.</summary>
    public static Arbitrary<ReparameterizeDomain<double, Binary64>> ReparameterizeDomain64() =>
        Arb.From(DomainGenerators<double, Binary64>.ReparameterizeDomains, DomainGenerators<double, Binary64>.ShrinkReparameterize);

    /// <summary>binary32 reparameterization coordinates in the bound's domain.</summary>
    public static Arbitrary<ReparameterizeDomain<float, Binary32>> ReparameterizeDomain32() =>
        Arb.From(DomainGenerators<float, Binary32>.ReparameterizeDomains, DomainGenerators<float, Binary32>.ShrinkReparameterize);

    /// <summary>binary64 codebooks with finite values.</summary>
    public static Arbitrary<CodebookCase<double, Binary64>> Codebooks64() => Arb.From(DomainGenerators<double, Binary64>.CodebookCases);

    /// <summary>binary32 codebooks with finite values.</summary>
    public static Arbitrary<CodebookCase<float, Binary32>> Codebooks32() => Arb.From(DomainGenerators<float, Binary32>.CodebookCases);

    /// <summary>binary64 tiny nonzero logvars.</summary>
    public static Arbitrary<TinyLogvar<double, Binary64>> TinyLogvar64() => Arb.From(DomainGenerators<double, Binary64>.TinyLogvars);

    /// <summary>binary32 tiny nonzero logvars.</summary>
    public static Arbitrary<TinyLogvar<float, Binary32>> TinyLogvar32() => Arb.From(DomainGenerators<float, Binary32>.TinyLogvars);
}

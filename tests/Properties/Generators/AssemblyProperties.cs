using FsCheck.Xunit;
using Latent.Properties.Generators;

// Every [Property] in this assembly draws its arguments from LatentArbitraries (IEEE values from bit patterns, the law
// domains, shapes, codebooks) unless a property names other arbitraries itself.
[assembly: Properties(Arbitrary = new[] { typeof(LatentArbitraries) })]

namespace Latent.Properties.Generators;

/// <summary>Marker for the assembly-wide FsCheck configuration above.</summary>
internal static class AssemblyProperties
{
}

namespace Latent.Bench;

/// <summary>One kernel at one size and format: ns per element of the mirror, the bare libm loop and TensorPrimitives.</summary>
internal sealed record KernelRow(string Kernel, string Format, int N, double Mirror, double Bare, double TensorPrimitives, bool BitIdentical);

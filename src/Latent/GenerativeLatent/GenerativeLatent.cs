namespace Latent;

/// <summary>
/// Mirror of the Lean namespace <c>Generative.Latent</c> (module <c>NN.Spec.Generative.Latent</c>, upstream V1).
/// </summary>
/// <remarks>
/// <para>Each Lean definition has exactly one mirror, marked <see cref="MirrorsAttribute"/>, written once over a
/// scalar type <c>T</c> and a context <c>TContext</c> (Lean's <c>[Context α]</c>). It takes read-only spans and
/// writes a destination span without allocating. Around it stand thin forms: one that uses
/// <see cref="IeeeContext{T}"/> for any IEEE binary format (<c>double</c> is Lean <c>Float</c>, <c>float</c> is
/// <c>Float32</c>), and <see cref="AllocatesResultAttribute"/> forms that take and return <see cref="Tensor{T}"/>.</para>
/// <para>The mirrors evaluate each element in the Lean order, one rounding per Lean operation, with no fused
/// multiply-add and no reassociation; <c>spec/README.md</c> lists the order per definition. Elements of a tensor
/// program are independent, so one fused loop per definition gives the same bits as Lean's separate passes.</para>
/// </remarks>
public static partial class GenerativeLatent
{
}

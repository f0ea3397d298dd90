using System.Collections.Generic;
using System.Linq;
using System.Numerics;
using Latent.Ieee;

namespace Latent.Cli.Eval;

/// <summary>A result of <c>latent eval</c>, already in text form: its shape and each element's bits and decimal.</summary>
internal sealed record EvalOutcome(Shape Shape, IReadOnlyList<(string Bits, string Value)> Elements)
{
    /// <summary>The tangents of a dual evaluation, one per element; null otherwise.</summary>
    public IReadOnlyList<(string Bits, string Value)>? Tangents { get; init; }

    public static EvalOutcome OfDual<T, TFormat>(Shape shape, Dual<T>[] values)
        where T : IBinaryFloatingPointIeee754<T>
        where TFormat : IBinaryFormat<T> =>
        Of<T, TFormat>(shape, [.. values.Select(v => v.Re)]) with
        {
            Tangents = values.Select(v => (IeeeText.FormatBits<T, TFormat>(v.Du), IeeeText.FormatDecimal(v.Du))).ToArray(),
        };

    public static EvalOutcome Of<T, TFormat>(Shape shape, T[] values)
        where T : IBinaryFloatingPointIeee754<T>
        where TFormat : IBinaryFormat<T> =>
        new(shape, values.Select(v => (IeeeText.FormatBits<T, TFormat>(v), IeeeText.FormatDecimal(v))).ToArray());
}

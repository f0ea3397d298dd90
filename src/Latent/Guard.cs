using System;
using System.Diagnostics.CodeAnalysis;
using System.Diagnostics.Contracts;

namespace Latent;

/// <summary>
/// Argument checks shared by the kernels. The checks are branch-only; building the message and the
/// exception happens in the <c>[DoesNotReturn]</c> throw helpers, the only place the kernels allocate.
/// </summary>
/// <remarks>
/// <c>[Pure]</c> tells the Latent analyzers that the mirrors may call these checks (they have no effect but an exception);
/// the analyzers still check every body here (LAT0002-LAT0006).
/// </remarks>
[Pure]
internal static class Guard
{
    /// <summary>Lean's shared shape variable: <paramref name="other"/> has the length of <paramref name="reference"/>.</summary>
    [EnforcesContract(ContractKind.SharedShape)]
    public static void SameLength<T>(ReadOnlySpan<T> reference, string referenceName, ReadOnlySpan<T> other, string otherName, string definition)
    {
        if (other.Length != reference.Length)
        {
            ThrowLengthMismatch(definition, referenceName, reference.Length, otherName, other.Length);
        }
    }

    /// <summary>The same contract on whole shapes, for the <see cref="Tensor{T}"/> forms (which are not mirrors).</summary>
    public static void SameShape(Shape reference, string referenceName, Shape other, string otherName, string definition)
    {
        if (other != reference)
        {
            ThrowShapeMismatch(definition, referenceName, reference, otherName, other);
        }
    }

    /// <summary>The result contract: the destination holds the result (Lean result type <c>Tensor α s</c>).</summary>
    [EnforcesContract(ContractKind.Result)]
    public static void DestinationFits<T>(int resultLength, Span<T> destination, string definition)
    {
        if (destination.Length < resultLength)
        {
            ThrowDestinationTooShort(definition, resultLength, destination.Length, nameof(destination));
        }
    }

    /// <summary>
    /// An input may be the destination itself (each element is read before the same element is written), or
    /// disjoint from it; any other overlap would read elements the kernel has already overwritten.
    /// </summary>
    [EnforcesContract(ContractKind.Aliasing)]
    public static void NoPartialOverlap<T>(ReadOnlySpan<T> input, string inputName, Span<T> destination, string definition)
    {
        if (input.Overlaps(destination, out int offset) && offset != 0)
        {
            ThrowPartialOverlap(definition, inputName, offset, nameof(destination));
        }
    }

    /// <summary>A <see cref="SpecVariantAttribute"/> argument is a defined convention.</summary>
    [EnforcesContract(ContractKind.Variant)]
    public static void DefinedConvention(EmptyMeanConvention convention, string paramName)
    {
        if (convention is not (EmptyMeanConvention.V1 or EmptyMeanConvention.V3))
        {
            ThrowUndefinedConvention(convention, paramName);
        }
    }

    /// <summary>Lean's <c>Fin numCodes</c>: the index is below the bound.</summary>
    [EnforcesContract(ContractKind.Fin)]
    public static void CodeIndex(int idx, int numCodes, string paramName)
    {
        if ((uint)idx >= (uint)numCodes)
        {
            ThrowCodeIndex(idx, numCodes, paramName);
        }
    }

    [DoesNotReturn]
    private static void ThrowUndefinedConvention(EmptyMeanConvention convention, string paramName) =>
        throw new ArgumentOutOfRangeException(paramName, convention, "The empty-mean convention must be V1 or V3.");

    [DoesNotReturn]
    private static void ThrowCodeIndex(int idx, int numCodes, string paramName) =>
        throw new ArgumentOutOfRangeException(
            paramName,
            idx,
            $"Code index {idx} is outside [0, {numCodes}): the codebook has numCodes = {numCodes}.");

    [DoesNotReturn]
    private static void ThrowLengthMismatch(string definition, string referenceName, int referenceLength, string otherName, int otherLength) =>
        throw new ArgumentException(
            $"{definition}: {otherName} has {otherLength} elements but {referenceName} has {referenceLength}; the inputs must have one shape.",
            otherName);

    [DoesNotReturn]
    private static void ThrowShapeMismatch(string definition, string referenceName, Shape reference, string otherName, Shape other) =>
        throw new ArgumentException(
            $"{definition}: {otherName} has shape {other} but {referenceName} has shape {reference}; the inputs must have one shape.",
            otherName);

    [DoesNotReturn]
    private static void ThrowDestinationTooShort(string definition, int resultLength, int destinationLength, string destination) =>
        throw new ArgumentException(
            $"{definition}: {destination} has {destinationLength} elements but the result has {resultLength}.",
            destination);

    [DoesNotReturn]
    private static void ThrowPartialOverlap(string definition, string inputName, int offset, string destination) =>
        throw new ArgumentException(
            $"{definition}: {destination} partially overlaps {inputName} (their starts are {offset} elements apart); pass the same span or disjoint spans.",
            destination);
}

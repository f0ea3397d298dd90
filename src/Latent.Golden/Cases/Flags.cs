using System.Collections.Generic;

namespace Latent.Golden.Cases;

/// <summary>
/// Every flag a test can carry, with the note that explains it. A file's <c>notes</c> holds the notes of the flags its tests
/// use. Flags name the class of input or the bug a test probes; the derived ones (marked so) are computed from the
/// expectations, not chosen by hand.
/// </summary>
internal static class Flags
{
    public const string GuideExample = "GuideExample";
    public const string SpecFacts = "SpecFacts";
    public const string Random = "Random";
    public const string RandomWide = "RandomWide";
    public const string RandomBits = "RandomBits";
    public const string Scalar = "Scalar";
    public const string EmptyShape = "EmptyShape";
    public const string HighRank = "HighRank";
    public const string SignedZero = "SignedZero";
    public const string Subnormal = "Subnormal";
    public const string SubnormalIntermediate = "SubnormalIntermediate";
    public const string ExpOne = "ExpOne";
    public const string ExpOverflow = "ExpOverflow";
    public const string ExpUnderflow = "ExpUnderflow";
    public const string Infinity = "Infinity";
    public const string NaN = "NaN";
    public const string InfMinusInf = "InfMinusInf";
    public const string ZeroTimesInf = "ZeroTimesInf";
    public const string Cancellation = "Cancellation";
    public const string MuSquaredOverflow = "MuSquaredOverflow";
    public const string SumOverflow = "SumOverflow";
    public const string HalfRounds = "HalfRounds";
    public const string FirstCode = "FirstCode";
    public const string LastCode = "LastCode";
    public const string SingleCode = "SingleCode";
    public const string NanPayload = "NanPayload";
    public const string EmptyMeanV1 = "EmptyMeanV1";
    public const string EmptyMeanV3 = "EmptyMeanV3";
    public const string SpecCrNotExact = "SpecCrNotExact";
    public const string NegativeSpecKl = "NegativeSpecKl";
    public const string OverflowAccepted = "OverflowAccepted";
    public const string NanAllowed = "NanAllowed";
    public const string VarRatioUnderflow = "VarRatioUnderflow";
    public const string IllConditioned = "IllConditioned";

    /// <summary>The note of every flag.</summary>
    public static IReadOnlyDictionary<string, string> Notes { get; } = new Dictionary<string, string>
    {
        [GuideExample] = "The example of TorchLean's guide (GenerativeModels chapter): mu = [0.5, -0.25], logvar = [0, 0], KL 0.078125; codebook [[0,0],[1,1],[-1,0.5]]. Exact in every format and independent of libm.",
        [SpecFacts] = "A row of the derived check-value table of the spec notes (section 7.1): hand-computed from the evaluation order and the IEEE special cases of exp.",
        [Random] = "Seeded random inputs in typical ranges (x in [-30, 30]; mu and eps in [-4, 4]; logvar in [-8, 8]; shapes of rank 0 to 4). Catches wrong formulas: a mutant fails most of these.",
        [RandomWide] = "Seeded random finite inputs, log-uniform over a wide exponent range (subnormals included for mu and eps); probes scaling, overflow and underflow paths.",
        [RandomBits] = "Seeded random inputs where some elements are special values (zeros, subnormals, extremes, infinities, NaN) or arbitrary bit patterns.",
        [Scalar] = "Shape.scalar: rank 0, one element; the KL is 0.5 * ((0 + per) / 1).",
        [EmptyShape] = "A shape with a zero dimension ([0], [3, 0], ...): tensor results are empty; the KL depends on the empty-mean convention.",
        [HighRank] = "Rank 3 or 4: the row-major order of the elements (last index fastest) must be kept.",
        [SignedZero] = "Signed zeros whose result sign IEEE 754 decides (-0 + -0 = -0, x * 0.5 keeps the sign, exp(-0) = 1). Where the accepted range is a single zero its sign must match; elsewhere -0 and +0 are both within tolerance.",
        [Subnormal] = "Subnormal inputs or results: gradual underflow must not be flushed to zero (except under the gpu profile).",
        [SubnormalIntermediate] = "Derived: no input or result is subnormal, but an intermediate of the spec-cr evaluation is (exp(logvar/2) or its product with eps, exp(l) or mu*mu in the KL): a port that flushes it to zero may differ, which only the gpu profile accepts.",
        [ExpOne] = "exp(+-0) = 1, so the result does not depend on libm in the spec; a port's exp may still be a few ulps off 1 (vectorized exps are), which the tolerance allows.",
        [ExpOverflow] = "exp at or past its overflow edge (the largest x with a finite correctly rounded exp, and its successor), or an exp(logvar * 0.5) that overflows.",
        [ExpUnderflow] = "exp results in the subnormal range or rounding to +0 (arguments near the underflow edges).",
        [Infinity] = "An infinite input; results follow IEEE infinity arithmetic (exp(-inf) = +0, exp(+inf) = +inf) and are matched exactly.",
        [NaN] = "A NaN input (quiet, negative, with payload, or signaling): the result must be NaN, with any payload and sign.",
        [InfMinusInf] = "The spec order computes inf - inf and gives NaN (logvar = +inf in the KL; mu and the scaled noise infinite with opposite signs). The exact limit may differ (the KL's limit is +inf); the spec's NaN is expected.",
        [ZeroTimesInf] = "The spec order computes 0 * inf and gives NaN (exp(logvar * 0.5) = +inf against eps = 0, or 0 against an infinite eps).",
        [Cancellation] = "Inputs where the result cancels: mu + exp(logvar/2) * eps close to 0, or exp(l) - 1 - l for small |l|. The tolerance is wide there (a few ulps of the intermediates, not of the result) and the spec result may differ from the exact one in many ulps.",
        [MuSquaredOverflow] = "mu * mu overflows to +inf although the real KL may be finite; the spec gives +inf.",
        [SumOverflow] = "The coordinate terms are finite but their sum overflows; the spec (and the strict profile) gives +inf, the real mean may be finite, and a port that accumulates in a wider format (PyTorch for f16 and bf16) may return it under default and gpu.",
        [HalfRounds] = "x * 0.5 of an odd subnormal rounds (ties to even), the only case where halving is inexact.",
        [FirstCode] = "quantizeAt with index 0.",
        [LastCode] = "quantizeAt with index numCodes - 1.",
        [SingleCode] = "A codebook with one code.",
        [NanPayload] = "Codes holding NaNs with payloads and signs; quantizeAt copies bits, but NaN is compared as a class.",
        [EmptyMeanV1] = "Empty shape under upstream V1's mean (divide by Shape.size = 0): the KL is 0.5 * (0 / 0) = NaN.",
        [EmptyMeanV3] = "Empty shape under upstream V2/V3's mean (divide by max(size, 1)): the KL is 0.5 * (0 / 1) = +0.",
        [SpecCrNotExact] = "Derived: the spec order (with correctly rounded primitives) differs from the correctly rounded real result in at least one element. A port matching 'exact' instead of 'specCr' passes only if within tolerance.",
        [NegativeSpecKl] = "Derived: the spec-order KL is negative although the real KL is >= 0 (cancellation in (exp(l) + mu^2) - 1 - l).",
        [OverflowAccepted] = "Derived: finite inputs whose accepted range reaches an infinity, because some faithful evaluation overflows an intermediate (the spec order does, a fused or reordered one may not).",
        [NanAllowed] = "Derived: NaN is accepted besides the range: PyTorch's KL form computes var_ratio = exp(logvar/2)^2, which overflows and gives inf - log(inf) = NaN where the spec order gives +inf (or exp(logvar/2) may overflow against eps = 0 near the edge).",
        [VarRatioUnderflow] = "Derived: exp(logvar) is subnormal or 0 for some coordinate, so PyTorch's log(var_ratio) loses digits or is -inf (+inf KL); the tolerance widens accordingly (+inf accepted when var_ratio may be 0).",
        [IllConditioned] = "Derived: the tolerance is more than 64 ulps of the exact result in some element (cancellation, an exact result of 0, or an overflowing bound).",
    };
}

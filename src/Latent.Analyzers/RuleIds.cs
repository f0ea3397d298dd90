namespace Latent.Analyzers;

/// <summary>The diagnostic ids of the Latent rules, in one place so that descriptors, docs and tests agree.</summary>
public static class RuleIds
{
    /// <summary>Every spec declaration has exactly one mirror, every mirror names a spec declaration, binders match.</summary>
    public const string SpecCompleteness = "LAT0001";

    /// <summary>No hidden randomness or time: noise arrives as a parameter.</summary>
    public const string HiddenRandomness = "LAT0002";

    /// <summary>No mutable static state, I/O, threading, or calls to members not known to be pure.</summary>
    public const string Impurity = "LAT0003";

    /// <summary>Inputs are read-only: only the destination span is written.</summary>
    public const string InputMutation = "LAT0004";

    /// <summary>Kernels allocate nothing; <c>[AllocatesResult]</c> members allocate their result only.</summary>
    public const string HiddenAllocation = "LAT0005";

    /// <summary>No fused multiply-add, vectorized or parallel math, or conversions between floating-point formats.</summary>
    public const string EvaluationOrder = "LAT0006";

    /// <summary>Each mirror parameter and result carries its Lean binder type as a contract, and the body enforces it first.</summary>
    public const string Contracts = "LAT0007";
}

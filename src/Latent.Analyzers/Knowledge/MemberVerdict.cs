namespace Latent.Analyzers.Knowledge;

/// <summary>
/// What a member from outside the compilation is, as far as the rules care. Each verdict belongs to exactly one rule, so
/// one construct gives one diagnostic: randomness (LAT0002) before evaluation order (LAT0006) before unsafe memory
/// (LAT0004) before I/O, environment, reflection and threading (LAT0003) before allocation (LAT0005).
/// </summary>
internal enum MemberVerdict
{
    /// <summary>On the allow-list: pure and allocation-free.</summary>
    Pure,

    /// <summary>On the allow-list as pure, but it allocates (string building, LINQ, array copies, exception objects).</summary>
    PureAllocating,

    /// <summary>LAT0002: a random source, a clock, or a per-process hash seed.</summary>
    Randomness,

    /// <summary>LAT0006: fused, estimated, vectorized or parallel arithmetic.</summary>
    EvaluationOrder,

    /// <summary>LAT0004: raw memory access that can write through read-only inputs.</summary>
    UnsafeMemory,

    /// <summary>LAT0003: files, console, network, processes, debug output.</summary>
    InputOutput,

    /// <summary>LAT0003: the process environment and runtime state.</summary>
    ProcessEnvironment,

    /// <summary>LAT0003: reflection.</summary>
    Reflection,

    /// <summary>LAT0003: threads, tasks, locks, atomics.</summary>
    Threading,

    /// <summary>LAT0003: not known to be pure.</summary>
    NotAllowListed,
}

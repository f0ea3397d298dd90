using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace Latent.Analyzers;

/// <summary>
/// The catalog of every rule's descriptor. Each rule has one analyzer file that reports only its own descriptor;
/// all descriptors live here so that titles, categories and help links are written once.
/// </summary>
internal static class Descriptors
{
    /// <summary>
    /// Where the rule pages live, relative to the repository root. The project has no published host, so the link is a
    /// repository-relative URI reference; a reader resolves it against the checkout (IDEs show it as the rule's link).
    /// </summary>
    internal const string HelpLinkBase = "docs/rules/";

    /// <summary>Every rule is reported at the end of the compilation: it needs the whole spec or the whole call graph.</summary>
    private static readonly string[] CompilationEnd = [WellKnownDiagnosticTags.CompilationEnd];

    public static readonly DiagnosticDescriptor SpecCompleteness = Create(
        RuleIds.SpecCompleteness,
        "Every spec declaration has exactly one mirror with matching explicit parameters",
        "{0}",
        "Latent.Spec",
        "Each def or structure in spec/**/*.lean (read through AdditionalFiles) must have exactly one C# member carrying "
        + "[Mirrors(\"<fully qualified name>\")], every [Mirrors] must name a declaration of the spec, and a mirror's explicit "
        + "parameters (without the destination span and [SpecVariant] parameters) must carry the Lean explicit binders' names "
        + "in the same order.");

    public static readonly DiagnosticDescriptor HiddenRandomness = Create(
        RuleIds.HiddenRandomness,
        "Mirror code must not draw hidden randomness or read the clock",
        "{0} is hidden randomness or time; the noise or value must arrive as a parameter ({1})",
        "Latent.Purity",
        "TorchLean's definitions are pure functions of their arguments and take their noise eps explicitly. Random, "
        + "RandomNumberGenerator, Guid.NewGuid, HashCode, string hash codes, Environment.TickCount, DateTime/DateTimeOffset.Now, "
        + "Stopwatch and TimeProvider make the result depend on something the caller did not pass.");

    public static readonly DiagnosticDescriptor Impurity = Create(
        RuleIds.Impurity,
        "Mirror code must be pure",
        "{0} ({1})",
        "Latent.Purity",
        "Mirror code and the helpers it calls may not read or write mutable static state, perform I/O, touch the process "
        + "environment, use threads or locks, or call a member that is neither a mirror, nor marked [Pure] in this library, "
        + "nor on the analyzer's allow-list of pure BCL members.");

    public static readonly DiagnosticDescriptor InputMutation = Create(
        RuleIds.InputMutation,
        "Mirror code must not write to its inputs",
        "{0} ({1})",
        "Latent.Purity",
        "A Lean definition cannot change its arguments. A mirror takes its inputs as read-only spans and writes only its "
        + "destination span; MemoryMarshal, Unsafe, pointers and unsafe code, which could get around read-only inputs, are not allowed.");

    public static readonly DiagnosticDescriptor HiddenAllocation = Create(
        RuleIds.HiddenAllocation,
        "Kernels must not allocate",
        "{0} ({1})",
        "Latent.Allocation",
        "The span kernels allocate nothing, so that their cost is the arithmetic the spec describes. Arrays, reference-type "
        + "objects, collection expressions, LINQ, lambdas, boxing, string building, params arrays and large stackalloc are "
        + "reported, except on exception paths. A member marked [AllocatesResult] may allocate its result and nothing else.");

    public static readonly DiagnosticDescriptor EvaluationOrder = Create(
        RuleIds.EvaluationOrder,
        "Mirror code must keep the spec's rounding steps",
        "{0} ({1})",
        "Latent.EvaluationOrder",
        "The spec rounds every operation separately, in a fixed order and in one format. Fused multiply-add, TensorPrimitives "
        + "and vector math, parallel reductions and conversions between floating-point formats all change the rounding steps.");

    public static readonly DiagnosticDescriptor Contracts = Create(
        RuleIds.Contracts,
        "Mirror signatures carry the Lean binder types as contracts, and the body enforces them first",
        "{0}",
        "Latent.Spec",
        "Lean's types guarantee what C# cannot: tensors of one shape variable share their shape, a Fin n index is below n, the "
        + "result is a tensor of a given shape or a scalar. Each mirror parameter states its Lean binder type ([TensorOf(\"s\")], "
        + "[Fin(\"n\")], [CodebookOf(\"n\", \"s\")]) and the result its shape ([TensorOf(\"s\")] on destination, or a scalar "
        + "return), as the binder and result types in spec/ say; before its first computation the body calls the "
        + "[EnforcesContract] guard of every contract these imply.");

    /// <summary>All descriptors, for the meta-tests.</summary>
    public static ImmutableArray<DiagnosticDescriptor> All { get; } =
        [SpecCompleteness, HiddenRandomness, Impurity, InputMutation, HiddenAllocation, EvaluationOrder, Contracts];

    /// <summary>The help link of a rule: its page under <c>docs/rules/</c>.</summary>
    public static string HelpLink(string id) => HelpLinkBase + id + ".md";

    private static DiagnosticDescriptor Create(string id, string title, string messageFormat, string category, string description) =>
        new(
            id,
            title,
            messageFormat,
            category,
            DiagnosticSeverity.Error,
            isEnabledByDefault: true,
            description: description,
            helpLinkUri: HelpLink(id),
            customTags: CompilationEnd);
}

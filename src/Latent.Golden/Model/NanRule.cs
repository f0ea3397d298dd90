namespace Latent.Golden.Model;

/// <summary>What a port's result may be with respect to NaN, per output element.</summary>
public enum NanRule
{
    /// <summary>The result must not be NaN; it must lie in <c>[lo, hi]</c>.</summary>
    Forbidden,

    /// <summary>The result must be NaN (any payload and sign): the spec-cr result is NaN and every faithful port gives NaN.</summary>
    Required,

    /// <summary>NaN or a value in <c>[lo, hi]</c>: faithful evaluation orders disagree (documented per flag).</summary>
    Allowed,
}

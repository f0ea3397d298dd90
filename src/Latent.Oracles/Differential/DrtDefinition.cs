using System;

namespace Latent.Oracles.Differential;

/// <summary>The definitions of <c>Generative.Latent</c> that differential testing exercises.</summary>
public enum DrtDefinition
{
    /// <summary><c>Generative.Latent.expTensor</c>.</summary>
    ExpTensor,

    /// <summary><c>Generative.Latent.halfTensor</c>.</summary>
    HalfTensor,

    /// <summary><c>Generative.Latent.reparameterizeDiag</c>.</summary>
    ReparameterizeDiag,

    /// <summary><c>Generative.Latent.diagonalGaussianKlToStandard</c>.</summary>
    DiagonalGaussianKlToStandard,

    /// <summary><c>Generative.Latent.quantizeAt</c>.</summary>
    QuantizeAt,
}

/// <summary>Lean names of <see cref="DrtDefinition"/> values.</summary>
public static class DrtDefinitions
{
    /// <summary>All definitions, in the order of the Lean module.</summary>
    public static DrtDefinition[] All { get; } = Enum.GetValues<DrtDefinition>();

    /// <summary>The short Lean name, for example <c>reparameterizeDiag</c>.</summary>
    public static string LeanName(this DrtDefinition definition) => definition switch
    {
        DrtDefinition.ExpTensor => "expTensor",
        DrtDefinition.HalfTensor => "halfTensor",
        DrtDefinition.ReparameterizeDiag => "reparameterizeDiag",
        DrtDefinition.DiagonalGaussianKlToStandard => "diagonalGaussianKlToStandard",
        DrtDefinition.QuantizeAt => "quantizeAt",
        _ => throw new ArgumentOutOfRangeException(nameof(definition), definition, null),
    };

    /// <summary>Finds a definition by its short or fully qualified Lean name.</summary>
    public static DrtDefinition? FromLeanName(string name)
    {
        const string Namespace = "Generative.Latent.";
        string shortName = name.StartsWith(Namespace, StringComparison.Ordinal) ? name[Namespace.Length..] : name;
        foreach (DrtDefinition d in All)
        {
            if (d.LeanName() == shortName)
            {
                return d;
            }
        }

        return null;
    }
}

using System;
using System.Collections.Generic;

namespace Latent.Oracles;

/// <summary>A definition of <c>Generative.Latent</c> that the tools evaluate: golden vectors, differential testing, <c>latent eval</c>.</summary>
public enum Definition
{
    /// <summary><c>expTensor x</c>.</summary>
    ExpTensor,

    /// <summary><c>halfTensor x</c>.</summary>
    HalfTensor,

    /// <summary><c>reparameterizeDiag mu logvar eps</c>.</summary>
    ReparameterizeDiag,

    /// <summary><c>diagonalGaussianKlToStandard mu logvar</c>.</summary>
    DiagonalGaussianKlToStandard,

    /// <summary><c>quantizeAt book idx</c>.</summary>
    QuantizeAt,
}

/// <summary>Names and signatures of the definitions, as files and ports spell them.</summary>
public static class Definitions
{
    /// <summary>All definitions, in file order.</summary>
    public static IReadOnlyList<Definition> All { get; } =
        [Definition.ExpTensor, Definition.HalfTensor, Definition.ReparameterizeDiag, Definition.DiagonalGaussianKlToStandard, Definition.QuantizeAt];

    /// <summary>The Lean name inside the namespace, e.g. <c>reparameterizeDiag</c>; also the file name stem.</summary>
    public static string LeanName(this Definition definition) => definition switch
    {
        Definition.ExpTensor => "expTensor",
        Definition.HalfTensor => "halfTensor",
        Definition.ReparameterizeDiag => "reparameterizeDiag",
        Definition.DiagonalGaussianKlToStandard => "diagonalGaussianKlToStandard",
        Definition.QuantizeAt => "quantizeAt",
        _ => throw new ArgumentOutOfRangeException(nameof(definition)),
    };

    /// <summary>The tensor inputs, in argument order.</summary>
    public static IReadOnlyList<string> TensorInputs(this Definition definition) => definition switch
    {
        Definition.ExpTensor or Definition.HalfTensor => ["x"],
        Definition.ReparameterizeDiag => ["mu", "logvar", "eps"],
        Definition.DiagonalGaussianKlToStandard => ["mu", "logvar"],
        Definition.QuantizeAt => ["codebook"],
        _ => throw new ArgumentOutOfRangeException(nameof(definition)),
    };

    /// <summary>Whether the result is a scalar (the KL) rather than a tensor of the group's shape.</summary>
    public static bool HasScalarResult(this Definition definition) => definition == Definition.DiagonalGaussianKlToStandard;

    /// <summary>Finds a definition by its Lean name, short or fully qualified.</summary>
    public static Definition? Find(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        const string Namespace = "Generative.Latent.";
        string shortName = name.StartsWith(Namespace, StringComparison.Ordinal) ? name[Namespace.Length..] : name;
        foreach (Definition d in All)
        {
            if (d.LeanName() == shortName)
            {
                return d;
            }
        }

        return null;
    }
}

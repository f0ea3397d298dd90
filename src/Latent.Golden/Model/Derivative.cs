using System;
using System.Collections.Generic;
using Latent.Oracles;

namespace Latent.Golden.Model;

/// <summary>
/// What a vector file's results are: the definition itself, or one of its derivatives (TorchLean computes derivatives of these
/// definitions by running them over dual numbers, <c>Runtime.Autograd.Model.Dual</c>).
/// </summary>
public enum Derivative
{
    /// <summary>The definition's own results.</summary>
    None,

    /// <summary>The full gradient of a scalar result: <c>∂/∂mu</c>, then <c>∂/∂logvar</c> (the KL's).</summary>
    Gradient,

    /// <summary>The vector-Jacobian product for a given cotangent <c>dz</c>: <c>∂/∂mu</c>, <c>∂/∂logvar</c>, <c>∂/∂eps</c> (reparameterizeDiag's).</summary>
    Vjp,
}

/// <summary>Names and shapes of the derivative files.</summary>
public static class Derivatives
{
    /// <summary>The derivative files of a set, per format: the KL's gradient and reparameterizeDiag's vector-Jacobian product.</summary>
    public static IReadOnlyList<(Definition Definition, Derivative Derivative)> Files { get; } =
    [
        (Definition.DiagonalGaussianKlToStandard, Derivative.Gradient),
        (Definition.ReparameterizeDiag, Derivative.Vjp),
    ];

    /// <summary>The tag in file names and headers: <c>grad</c>, <c>vjp</c> (empty for <see cref="Derivative.None"/>).</summary>
    public static string Tag(this Derivative derivative) => derivative switch
    {
        Derivative.None => "",
        Derivative.Gradient => "grad",
        Derivative.Vjp => "vjp",
        _ => throw new ArgumentOutOfRangeException(nameof(derivative)),
    };

    /// <summary>The derivative of a tag, or null.</summary>
    public static Derivative? FromTag(string? tag) => tag switch
    {
        null => Derivative.None,
        "grad" => Derivative.Gradient,
        "vjp" => Derivative.Vjp,
        _ => null,
    };

    /// <summary>The name of the cotangent input of a vector-Jacobian product.</summary>
    public const string Cotangent = "dz";

    /// <summary>The result's parts, concatenated in this order, each the shape of the latent tensors.</summary>
    public static IReadOnlyList<string> Outputs(Definition definition, Derivative derivative) => derivative switch
    {
        Derivative.Gradient => ["dmu", "dlogvar"],
        Derivative.Vjp => ["dmu", "dlogvar", "deps"],
        _ => throw new ArgumentOutOfRangeException(nameof(derivative), $"{definition.LeanName()} has no derivative outputs here"),
    };

    /// <summary>The file stem: <c>diagonalGaussianKlToStandard.grad</c>, or the definition's name for its own results.</summary>
    public static string Stem(Definition definition, Derivative derivative) =>
        derivative == Derivative.None ? definition.LeanName() : $"{definition.LeanName()}.{derivative.Tag()}";
}

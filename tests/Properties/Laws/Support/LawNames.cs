namespace Latent.Properties.Laws.Support;

/// <summary>
/// Full names of the upstream theorems the law suites check (TorchLean, <c>NN/MLTheory/Generative/Latent/VAE.lean</c> and
/// <c>VQVAE.lean</c>, spec-facts §3.1 and §3.2). Tests carry them as <c>[Trait("Upstream", …)]</c>; <c>spec/laws.md</c> lists
/// them, and <c>LawsTableTests</c> keeps the two in step.
/// </summary>
internal static class Upstream
{
    public const string Trait = "Upstream";

    public const string ExpMinusOneMinusNonneg = "NN.MLTheory.Generative.Latent.VAE.exp_minus_one_minus_nonneg";
    public const string ExpMinusOneMinusPos = "NN.MLTheory.Generative.Latent.VAE.exp_minus_one_minus_pos";
    public const string CoordinateKlNonneg = "NN.MLTheory.Generative.Latent.VAE.coordinateKlToStandard_nonneg";
    public const string CoordinateKlEqZeroIff = "NN.MLTheory.Generative.Latent.VAE.coordinateKlToStandard_eq_zero_iff";
    public const string SummedKlNonneg = "NN.MLTheory.Generative.Latent.VAE.diagonalGaussianKlToStandardReal_nonneg";
    public const string SummedKlEqZeroIff = "NN.MLTheory.Generative.Latent.VAE.diagonalGaussianKlToStandardReal_eq_zero_iff";
    public const string ScalarReparameterizationLaw = "NN.MLTheory.Generative.Latent.VAE.scalar_reparameterization_law";
    public const string DiagonalReparameterizationCoordinateLaw = "NN.MLTheory.Generative.Latent.VAE.diagonal_reparameterization_coordinate_law";

    public const string QuantizedIsCodebookLookup = "NN.MLTheory.Generative.Latent.VQVAE.quantized_is_codebook_lookup";
    public const string SquaredL2Nonneg = "NN.MLTheory.Generative.Latent.VQVAE.squaredL2_nonneg";
    public const string SquaredL2Self = "NN.MLTheory.Generative.Latent.VQVAE.squaredL2_self";
    public const string ExactCodeMatchIsNearestCode = "NN.MLTheory.Generative.Latent.VQVAE.exactCodeMatch_isNearestCode";
    public const string ExactCodeMatchSelectedDistanceZero = "NN.MLTheory.Generative.Latent.VQVAE.exactCodeMatch_selected_distance_zero";

    /// <summary>
    /// The theorems of §3.1 and §3.2 that the module's definitions do not reach; <c>spec/laws.md</c> gives the reason for each.
    /// </summary>
    public static readonly string[] OutOfReach =
    [
        "NN.MLTheory.Generative.Latent.VAE.sampleLatent_eq_reparameterize",
        "NN.MLTheory.Generative.Latent.VAE.forward_eq_decoder_sampleLatent",
        "NN.MLTheory.Generative.Latent.VAE.betaVae_loss_decomposition",
        "NN.MLTheory.Generative.Latent.VAE.betaVae_loss_eq_weightedTwoTerm",
        "NN.MLTheory.Generative.Latent.VAE.betaVae_loss_zero_beta",
        "NN.MLTheory.Generative.Latent.VAE.betaVae_loss_eq_reconstruction_of_zero_kl",
        "NN.MLTheory.Generative.Latent.VAE.betaVae_loss_mono_beta_of_kl_nonneg",
        "NN.MLTheory.Generative.Latent.VAE.betaVae_loss_matches_named_elbo_terms",
        "NN.MLTheory.Generative.Latent.VQVAE.forward_eq_decoder_codebook",
        "NN.MLTheory.Generative.Latent.VQVAE.vqvae_loss_decomposition",
        "NN.MLTheory.Generative.Latent.VQVAE.vqvae_loss_eq_weightedThreeTerm",
        "NN.MLTheory.Generative.Latent.VQVAE.vqvae_loss_zero_beta",
        "NN.MLTheory.Generative.Latent.VQVAE.vqvae_loss_eq_reconstruction_of_zero_quantization",
        "NN.MLTheory.Generative.Latent.VQVAE.vqvae_loss_mono_beta_of_commitment_nonneg",
        "NN.MLTheory.Generative.Latent.VQVAE.nearestCode_minimizes_quantization_loss",
    ];
}

/// <summary>
/// Properties the mirrored declarations' docstrings state (<c>spec/Generative/Latent.lean</c>), named
/// <c>&lt;Lean declaration&gt;: &lt;property&gt;</c>; tests carry them as <c>[Trait("Docstring", …)]</c>.
/// </summary>
internal static class Docstring
{
    public const string Trait = "Docstring";

    public const string EpsZeroGivesMu = "Generative.Latent.reparameterizeDiag: eps = 0 gives mu";
    public const string LogvarZeroGivesMuPlusEps = "Generative.Latent.reparameterizeDiag: logvar = 0 gives mu + eps";
    public const string KlOfZerosIsZero = "Generative.Latent.diagonalGaussianKlToStandard: KL(0, 0) = 0";
    public const string KlIsMeanNotSum = "Generative.Latent.diagonalGaussianKlToStandard: mean, not sum (factor n)";
    public const string KlIsTheDivergence = "Generative.Latent.diagonalGaussianKlToStandard: the KL divergence of N(mu, exp logvar) from N(0, 1)";
}

/-
Latent's Lean 4 text of the mirrored module `NN.Spec.Generative.Latent`.

Mirrored version: V1 (lean-dojo/TorchLean, `NN/Spec/Generative/Latent.lean` @ 411682f), the version the
published API page describes. Names, binders, result types and bodies follow that version; the docstrings
are ours. `spec/README.md` gives the per-element evaluation order and the C# member of each declaration.
The Roslyn rule LAT0001 reads this file: every `def` and `structure` below must have exactly one C# member
carrying `[Mirrors("<fully qualified name>")]`.
-/
module

public import NN.Spec.Core.TensorOps
public import NN.Spec.Layers.Loss

@[expose] public section

/-!
# Latent-variable generative helpers

Model-agnostic building blocks shared by latent generative models (VAE, VQ-VAE, latent diffusion,
normalizing flows): the log-variance exponential, the diagonal-Gaussian reparameterization with its
noise passed in, the mean KL divergence of that Gaussian to a standard normal, and lookup in a
vector-quantization codebook.

References: Kingma & Welling (2014), Rezende, Mohamed & Wierstra (2014), van den Oord, Vinyals &
Kavukcuoglu (2017).
-/

namespace Generative.Latent

open Spec
open Tensor

variable {α : Type} [Context α]

/-- Exponential applied to every element; the usual way to turn a log-variance into a variance. -/
def expTensor {s : Shape} (x : Tensor α s) : Tensor α s :=
  mapSpec MathFunctions.exp x

/-- Every element multiplied by one half (`x * 0.5`), so that VAE formulas read like the paper. -/
def halfTensor {s : Shape} (x : Tensor α s) : Tensor α s :=
  scaleSpec x Numbers.pointfive

/-- Reparameterized sample of a diagonal Gaussian: `z = μ + exp(0.5 * logσ²) ⊙ ε`.

The noise `ε` is an argument, so the definition is a pure, deterministic function of its inputs;
callers choose fixed or random noise. -/
def reparameterizeDiag {latent : Shape} (mu logvar eps : Tensor α latent) : Tensor α latent :=
  let std := expTensor (halfTensor logvar)
  mu + mulSpec std eps

/-- KL divergence of the diagonal Gaussian `N(μ, exp logσ²)` from `N(0, 1)`, averaged over the latent shape.

Per coordinate the divergence is `0.5 * (exp(logσ²) + μ² - 1 - logσ²)`; the result is the mean over all
coordinates (not the sum), the convention TorchLean's losses use. -/
def diagonalGaussianKlToStandard {latent : Shape} (mu logvar : Tensor α latent) : α :=
  let var := expTensor logvar
  let mu2 := mulSpec mu mu
  let ones := fill (α := α) (1 : α) latent
  let per := var + mu2 - ones - logvar
  Numbers.pointfive * Spec.meanOver (s := latent) (Spec.toScalarSpec per)

/-- A codebook of `numCodes` embeddings, each a tensor of the latent shape, for vector-quantized models. -/
structure Codebook (α : Type) (numCodes : Nat) (latent : Shape) [Context α] where
  /-- The embedding stored for each code index. -/
  embedding : Fin numCodes → Tensor α latent

/-- The embedding of an explicitly chosen code index.

Execution usually picks the index by nearest-neighbour search; the spec takes it as an argument so that
proofs and verifiers can fix a code assignment without committing to an argmin or a tie-breaking rule. -/
def quantizeAt {numCodes : Nat} {latent : Shape} (book : Codebook α numCodes latent) (idx : Fin numCodes) :
    Tensor α latent :=
  book.embedding idx

end Generative.Latent

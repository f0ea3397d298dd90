/-
Latent's Lean 4 text of the newest upstream version of `NN.Spec.Generative.Latent`: V3,
srirampc/TorchLean `NN/Spec/Generative/Latent.lean` @ 3447b74 (spec-facts §0, §1.2, §1.4).

This text is data, not the mirrored version: LAT0001 reads only `spec/Generative`, and the C# mirror follows V1. The
spec evaluator runs both texts on the differential cases to show that they give the same bits except for the mean of an
empty shape (V1 divides by 0, V3 by `meanDenominator s = 1`). V3 deletes `expTensor` and `halfTensor`, inlining
`Tensor.expSpec` and `Tensor.scaleSpec logvar (1 / 2)`; it writes `Tensor.full` (shape first) for `fill`, `(1 / 2)` for
`Numbers.pointfive` and `TorchLean.Tensor.sumSpec` for `Spec.toScalarSpec`. Upstream's version table abbreviates the
mean as `Spec.meanOver (…)`; Lean cannot infer the implicit shape of `meanOver` from a scalar argument, so the shape is
passed by name here as in V1.
-/
module

public import NN.Spec.Layers.Loss

@[expose] public section

namespace Generative.Latent

open Spec TorchLean
open TorchLean TorchLean.Tensor

variable {α : Type} [TorchLean.Storage α] [Context α]

/-- Reparameterized sample of a diagonal Gaussian: `z = μ + exp(logσ² / 2) ⊙ ε`, the noise given. -/
def reparameterizeDiag {latent : Shape} (mu logvar eps : Tensor α latent) : Tensor α latent :=
  let std := Tensor.expSpec (Tensor.scaleSpec logvar (1 / 2))
  mu + mulSpec std eps

/-- Mean over the latent shape of the KL divergence of `N(μ, exp logσ²)` from `N(0, 1)`. -/
def diagonalGaussianKlToStandard {latent : Shape} (mu logvar : Tensor α latent) : α :=
  let var := Tensor.expSpec logvar
  let mu2 := mulSpec mu mu
  let ones := Tensor.full (α := α) latent (1 : α)
  let per := var + mu2 - ones - logvar
  (1 / 2) * Spec.meanOver (s := latent) (TorchLean.Tensor.sumSpec per)

/-- A codebook of `numCodes` embeddings of the latent shape. -/
structure Codebook (α : Type) (numCodes : Nat) (latent : Shape) [TorchLean.Storage α] where
  /-- The embedding stored for each code index. -/
  embedding : Fin numCodes → Tensor α latent

/-- The embedding of an explicitly chosen code index. -/
def quantizeAt {numCodes : Nat} {latent : Shape} (book : Codebook α numCodes latent) (idx : Fin numCodes) :
    Tensor α latent :=
  book.embedding idx

end Generative.Latent

/-
Latent's Lean text of the V3-era mean `Generative.Latent` reaches.

Follows lean-dojo/TorchLean `NN/Spec/Core/TensorReductionShape/Reductions.lean` @ 0f845313 (`meanDenominator`) and
srirampc/TorchLean `NN/Spec/Layers/Loss.lean` @ 3447b74 (`meanOver`), spec-facts §1.4 and §2.7: the denominator is
totalized, so the mean of an empty shape is `0 / 1`. Both are evaluated from their bodies.
-/
namespace Spec

variable {α : Type} [Context α]

/-- The element count, or 1 for an empty shape. -/
def meanDenominator (s : Shape) : Nat :=
  if s.size = 0 then 1 else s.size

/-- The mean of a sum over the shape `s`: one division by `meanDenominator s`, cast to `α`. -/
def meanOver {s : Shape} (x : α) : α :=
  x / (meanDenominator s : α)

end Spec

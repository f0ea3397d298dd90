/-
Latent's Lean text of the sum `Generative.Latent` reaches.

Follows lean-dojo/TorchLean `NN/Spec/Core/TensorReductionShape.lean` @ 411682f (spec-facts §2.7): one accumulator
threaded through a depth-first, index-ascending traversal (row-major order), seeded with `0`. `tensorFoldlSpec` is a
structural recursion; the evaluator's built-in stands for it. `sumSpec` is evaluated from its body.
-/
namespace Spec

variable {α : Type} [Context α]

/-- Left fold over the elements in row-major order. -/
def tensorFoldlSpec {β : Type} {s : Shape} (f : β → α → β) (init : β) : Tensor α s → β
  | .scalar v => f init v
  | .dim values => (List.finRange _).foldl (fun acc i => tensorFoldlSpec f acc (values i)) init

/-- The zero-seeded left-fold sum of all elements. -/
def sumSpec {s : Shape} (t : Tensor α s) : α :=
  tensorFoldlSpec (· + ·) 0 t

end Spec

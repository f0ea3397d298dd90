/-
Latent's Lean text of the loss helpers `Generative.Latent` reaches.

Follows lean-dojo/TorchLean `NN/Spec/Layers/Loss.lean` @ 411682f (spec-facts §2.7): `toScalarSpec` is `sumSpec`, and
`meanOver` divides an already summed value once by the element count cast to `α` (V1: `Shape.size s`, so an empty
shape divides by 0). Both are evaluated from their bodies.
-/
namespace Spec

variable {α : Type} [Context α]

/-- A tensor reduced to a scalar by summing. -/
def toScalarSpec {s : Shape} : Tensor α s → α :=
  sumSpec

/-- The mean of a sum over the shape `s`: one division by `Shape.size s`. -/
def meanOver {s : Shape} (x : α) : α :=
  x / (Shape.size s : α)

end Spec

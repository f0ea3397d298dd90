/-
Latent's Lean text of `Spec.Shape` and its size.

Follows lean-dojo/TorchLean `NN/Spec/Core/Shape.lean` @ 411682f (spec-facts §2.2). `Shape.size` is defined by
pattern matching; the evaluator's built-in `Spec.Shape.size` stands for it (the product of the dimensions, 1 for a
scalar).
-/
namespace Spec

/-- A tensor shape, outermost dimension first. Zero-length dimensions are allowed. -/
inductive Shape where
  | scalar : Shape
  | dim : Nat → Shape → Shape

/-- The number of elements. -/
def Shape.size : Shape → Nat
  | .scalar => 1
  | .dim n s => n * Shape.size s

end Spec

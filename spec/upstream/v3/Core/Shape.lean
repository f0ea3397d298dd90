/-
Latent's Lean text of `Spec.Shape` and its size, as the V3-era code uses them (unchanged from V1; spec-facts §2.2).
`Shape.size` is defined by pattern matching; the evaluator's built-in `Spec.Shape.size` stands for it.
-/
namespace Spec

/-- A tensor shape, outermost dimension first. -/
inductive Shape where
  | scalar : Shape
  | dim : Nat → Shape → Shape

/-- The number of elements. -/
def Shape.size : Shape → Nat
  | .scalar => 1
  | .dim n s => n * Shape.size s

end Spec

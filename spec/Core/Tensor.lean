/-
Latent's Lean text of `Spec.Tensor` and the tensor operations `Generative.Latent` reaches.

Follows lean-dojo/TorchLean `NN/Spec/Core/Tensor/Core.lean`, `NN/Spec/Core/TensorOps.lean` and
`NN/Spec/Core/Tensor/Constructors.lean` @ 411682f (spec-facts §2.3, §2.4, §2.5). `mapSpec`, `map2Spec` and `fill` are
structural recursions on the tensor tree; the evaluator's built-ins of the same names stand for them. Every other
definition here is evaluated from its body.
-/
namespace Spec

/-- A tensor of shape `s`: a function tree with no layout commitment. -/
inductive Tensor (α : Type) : Shape → Type where
  | scalar : α → Tensor α .scalar
  | dim : (Fin n → Tensor α s) → Tensor α (.dim n s)

namespace Tensor

variable {α : Type} [Context α]

/-- `f` applied to every element. -/
def mapSpec {s : Shape} (f : α → α) : Tensor α s → Tensor α s
  | .scalar x => .scalar (f x)
  | .dim g => .dim (fun i => mapSpec f (g i))

/-- `f` applied to corresponding elements of two tensors of one shape (zipWith). -/
def map2Spec {s : Shape} (f : α → α → α) : Tensor α s → Tensor α s → Tensor α s
  | .scalar x, .scalar y => .scalar (f x y)
  | .dim g, .dim h => .dim (fun i => map2Spec f (g i) (h i))

/-- Elementwise sum. -/
def addSpec {s : Shape} (a b : Tensor α s) : Tensor α s :=
  map2Spec (· + ·) a b

/-- Elementwise difference. -/
def subSpec {s : Shape} (a b : Tensor α s) : Tensor α s :=
  map2Spec (· - ·) a b

/-- Elementwise product. -/
def mulSpec {s : Shape} (a b : Tensor α s) : Tensor α s :=
  map2Spec (· * ·) a b

instance {s : Shape} : Add (Tensor α s) := ⟨addSpec⟩

instance {s : Shape} : Sub (Tensor α s) := ⟨subSpec⟩

instance {s : Shape} : Mul (Tensor α s) := ⟨mulSpec⟩

/-- Every element times a scalar, the element on the left. -/
def scaleSpec {s : Shape} (t : Tensor α s) (scalar : α) : Tensor α s :=
  mapSpec (fun x => x * scalar) t

/-- The exponential of every element. -/
def expSpec {s : Shape} (t : Tensor α s) : Tensor α s :=
  mapSpec MathFunctions.exp t

/-- The constant tensor of shape `s`, value first and shape second. -/
def fill (value : α) : (s : Shape) → Tensor α s
  | .scalar => .scalar value
  | .dim _ s' => .dim (fun _ => fill value s')

end Tensor

end Spec

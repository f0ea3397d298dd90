/-
Latent's Lean text of the V3-era tensor operations `Generative.Latent` reaches.

Follows lean-dojo/TorchLean `NN/Spec/Core/TensorOps.lean` and `NN/Spec/Core/Tensor/Constructors.lean` @ 0f845313, the
API srirampc/TorchLean @ 3447b74 uses (spec-facts §2.3–§2.5): one certified contiguous row-major buffer per tensor.
`mapSpec` (`Tensor.map`), `map2Spec` (`Rep.zipWith`) and `full` (`Rep.const`) work on that buffer; the evaluator's
built-ins stand for them. The rest is evaluated from the bodies.
-/
namespace TorchLean

/-- A tensor of shape `s` over one contiguous row-major buffer. -/
structure Tensor (α : Type) (s : Spec.Shape) where
  /-- The packed elements. -/
  buffer : Array α

namespace Tensor

variable {α : Type} [TorchLean.Storage α] [Context α]

/-- `f` applied to every element of the buffer. -/
def mapSpec {s : Spec.Shape} (f : α → α) (t : Tensor α s) : Tensor α s :=
  Tensor.map f t

/-- `f` applied to corresponding elements of two tensors of one shape. -/
def map2Spec {s : Spec.Shape} (f : α → α → α) (a b : Tensor α s) : Tensor α s :=
  Rep.zipWith f a b

/-- Elementwise sum. -/
def addSpec {s : Spec.Shape} (a b : Tensor α s) : Tensor α s :=
  map2Spec (· + ·) a b

/-- Elementwise difference. -/
def subSpec {s : Spec.Shape} (a b : Tensor α s) : Tensor α s :=
  map2Spec (· - ·) a b

/-- Elementwise product. -/
def mulSpec {s : Spec.Shape} (a b : Tensor α s) : Tensor α s :=
  map2Spec (· * ·) a b

instance {s : Spec.Shape} : Add (Tensor α s) where
  add := addSpec

instance {s : Spec.Shape} : Sub (Tensor α s) where
  sub := subSpec

instance {s : Spec.Shape} : Mul (Tensor α s) where
  mul := mulSpec

/-- Every element times a scalar, the element on the left. -/
def scaleSpec {s : Spec.Shape} (t : Tensor α s) (scalar : α) : Tensor α s :=
  mapSpec (fun x => x * scalar) t

/-- The exponential of every element. -/
def expSpec {s : Spec.Shape} (t : Tensor α s) : Tensor α s :=
  mapSpec MathFunctions.exp t

/-- The constant tensor, shape first and value second. -/
def full (shape : Spec.Shape) (value : α) : Tensor α shape :=
  Rep.const value

/-- Left fold over the packed buffer (row-major order). -/
def foldlSpec {β : Type} {s : Spec.Shape} (f : β → α → β) (init : β) (tensor : Tensor α s) : β :=
  tensor.foldl f init

/-- The zero-seeded left-fold sum of all elements. -/
def sumSpec {s : Spec.Shape} (t : Tensor α s) : α :=
  foldlSpec (· + ·) 0 t

end Tensor

end TorchLean

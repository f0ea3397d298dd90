/-
Latent's Lean text of the V3-era scalar interface that `Generative.Latent` reaches.

Follows srirampc/TorchLean `NN/Spec/Core/Context.lean` @ 3447b74 and `NN/Core/Numeric.lean` (spec-facts §2.1): `Numbers`
is gone (the module writes `1 / 2`), the count cast is `NatCast α`, and `MathFunctions` comes from FloatLib. Only the
members the module uses are written. The evaluator binds them to the `IContext<T>` it is given; a numeral `(n : α)` is
`Zero` for 0, `One` for 1 and `NatCast n` otherwise (Lean's `OfNat` through `NatCast` for `n ≥ 2`).
-/

/-- The transcendental functions a context supplies (FloatLib's `MathFunctions`, re-exported). -/
class MathFunctions (α : Type) where
  /-- The exponential. -/
  exp : α → α

namespace TorchLean

/-- The storage a tensor of `α` uses (packed `FloatArray` for `Float`, `Array α` otherwise). -/
class Storage (α : Type) where
  /-- Whether values of `α` are stored unboxed. -/
  unboxed : Bool

end TorchLean

/-- The scalar interface every spec definition is written against. -/
class Context (α : Type) extends Zero α, One α, Add α, Sub α, Mul α, Div α, MathFunctions α, NatCast α

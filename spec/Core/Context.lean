/-
Latent's Lean text of the part of TorchLean's `Context` that `Generative.Latent` reaches.

Follows lean-dojo/TorchLean `NN/Spec/Core/Context.lean` @ 411682f (spec-facts §2.1). Upstream's classes have more
members (`tanh`, `log`, `pi`, …, and fifteen `Numbers` constants); only the ones the module uses are written here.
The spec evaluator (src/Latent.Spec) binds these members to the `IContext<T>` it is given: `MathFunctions.exp` to
`Exp`, `Numbers.pointfive` to `PointFive`, `Zero`/`One`/`Add`/`Sub`/`Mul`/`Div` to the operations of the same name and
`Coe Nat α` to `NatCast`. A numeral `(n : α)` is `Zero` for 0, `One` for 1 and the cast otherwise.
-/

/-- The transcendental functions a context supplies. -/
class MathFunctions (α : Type) where
  /-- The exponential (`Float.exp`, the C library's `exp`, for `Float`). -/
  exp : α → α

/-- Named constants a context supplies. -/
class Numbers (α : Type) where
  /-- One half (`0.5` for `Float`). -/
  pointfive : α

/-- The scalar interface every spec definition is written against. -/
class Context (α : Type) extends Zero α, One α, Add α, Sub α, Mul α, Div α, MathFunctions α, Numbers α, Coe Nat α

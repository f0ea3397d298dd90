"""A PyTorch port of TorchLean's Generative.Latent, computing in the file's format on the CPU, with its derivatives taken
by torch.autograd (reverse mode), the way a training port gets them.

Where PyTorch has its own formula it is used: by default (``--kl-form distributions``) the KL is
torch.distributions.kl_divergence between Normal(mu, exp(0.5 * logvar)) and Normal(0, 1), i.e.
0.5 * (var_ratio + t1 - 1 - log(var_ratio)) per coordinate, then the mean over the latent shape (TorchLean averages;
PyTorch's per-coordinate KL is summed by most code bases). ``--kl-form spec`` uses the spec's expression
((exp(l) + mu * mu) - 1) - l instead. Both are algebraically equal but differently rounded forms, and so are their
autograd gradients; the golden vectors' bands allow them.

``--mutant`` makes the backward pass wrong in one way, to show that the derivative vectors catch each mistake.
"""

import numpy as np
import torch
from torch.distributions import Normal, kl_divergence

import latent_vectors as lv

TORCH_DTYPES = {"f64": torch.float64, "f32": torch.float32, "f16": torch.float16, "bf16": torch.bfloat16}

MUTANTS = {
    "grad-summed": "the KL's gradient is taken of the sum of the coordinate terms instead of their mean",
    "dlogvar-no-minus-one": "d KL / d logvar is 0.5 e^l / n: the -1 dropped",
    "dz-dlogvar-no-half": "d z / d logvar misses the 0.5 of exp(0.5 logvar)",
    "exp-tangent-input": "the backward of exp multiplies by its input instead of its output",
    "detached-logvar": "logvar is detached from the graph, so it gets no gradient",
}


class InputTangentExp(torch.autograd.Function):
    """exp whose backward uses the input instead of the result (the exp-tangent-input mutant)."""

    @staticmethod
    def forward(ctx, x):
        ctx.save_for_backward(x)
        return torch.exp(x.float()).to(x.dtype) if x.dtype == torch.float16 else torch.exp(x)

    @staticmethod
    def backward(ctx, grad):
        (x,) = ctx.saved_tensors
        return grad * x


def tensor(test, name, fmt, shape, grad=False):
    # bf16 arrives as float32 arrays of bfloat16 values: the conversion to torch.bfloat16 is exact.
    t = torch.from_numpy(lv.decode(test["inputs"][name], fmt).reshape(shape).copy()).to(TORCH_DTYPES[fmt])
    return t.requires_grad_(True) if grad else t


class HalfExp(torch.autograd.Function):
    """exp of a float16 tensor as PyTorch's Half kernels compute it: in float32, rounded once; and its backward as theirs,
    the incoming gradient times the float16 result (PyTorch 1.13's CPU has no Half kernel for exp or log:
    "exp_vml_cpu" not implemented for 'Half')."""

    @staticmethod
    def forward(ctx, x):
        y = torch.exp(x.float()).to(x.dtype)
        ctx.save_for_backward(y)
        return y

    @staticmethod
    def backward(ctx, grad):
        (y,) = ctx.saved_tensors
        return grad * y


def _exp(t):
    return HalfExp.apply(t) if t.dtype == torch.float16 else torch.exp(t)


def log(t):
    return torch.log(t.float()).to(t.dtype) if t.dtype == torch.float16 else torch.log(t)


def normal_kl(mu, scale):
    """torch.distributions' Normal-Normal KL against N(0, 1), written out for float16 (whose log PyTorch 1.13's CPU
    lacks): var_ratio = (scale / 1)^2, t1 = ((mu - 0) / 1)^2, 0.5 * (var_ratio + t1 - 1 - log(var_ratio))."""
    var_ratio = (scale / 1).pow(2)
    t1 = ((mu - 0) / 1).pow(2)
    return 0.5 * (var_ratio + t1 - 1 - log(var_ratio))


def kl_terms(mu, logvar, kl_form, exp):
    if kl_form == "spec":
        return 0.5 * (((exp(logvar) + mu * mu) - 1) - logvar)
    if mu.dtype == torch.float16:
        return normal_kl(mu, exp(0.5 * logvar))
    # Scales of 0, inf and NaN occur in the vectors, so the distributions must not validate their arguments.
    posterior = Normal(mu, exp(0.5 * logvar), validate_args=False)
    prior = Normal(torch.zeros_like(mu), torch.ones_like(mu), validate_args=False)
    return kl_divergence(posterior, prior)


def kl(per, group):
    if per.numel() == 0 and group.get("emptyMean") == "v3":
        return per.sum() / 1  # V2/V3: meanDenominator = max(size, 1)
    return per.mean()  # V1: the mean of an empty tensor is NaN


def grads(output, inputs, grad_outputs=None):
    """Reverse-mode derivatives of output with respect to inputs; an input the graph does not reach gets zeros."""
    got = torch.autograd.grad(output, inputs, grad_outputs=grad_outputs, allow_unused=True)
    return [torch.zeros_like(x) if g is None else g for x, g in zip(inputs, got)]


def compute(definition, fmt, group, test, mutant=None, kl_form="distributions"):
    dtype = TORCH_DTYPES[fmt]
    shape = tuple(group["shape"])
    exp = InputTangentExp.apply if mutant == "exp-tangent-input" else _exp
    if definition == "expTensor":
        result = _exp(tensor(test, "x", fmt, shape))
    elif definition == "halfTensor":
        result = tensor(test, "x", fmt, shape) * 0.5
    elif definition == "reparameterizeDiag":
        mu, logvar, eps = (tensor(test, n, fmt, shape) for n in ("mu", "logvar", "eps"))
        result = mu + _exp(0.5 * logvar) * eps
    elif definition == "diagonalGaussianKlToStandard":
        mu, logvar = tensor(test, "mu", fmt, shape), tensor(test, "logvar", fmt, shape)
        result = kl(kl_terms(mu, logvar, kl_form, _exp), group)
    elif definition == "diagonalGaussianKlToStandard.grad":
        mu, logvar = tensor(test, "mu", fmt, shape, grad=True), tensor(test, "logvar", fmt, shape, grad=True)
        graph_logvar = logvar.detach() if mutant == "detached-logvar" else logvar
        per = kl_terms(mu, graph_logvar, kl_form, exp)
        loss = per.sum() if mutant == "grad-summed" else kl(per, group)
        dmu, dlogvar = grads(loss, [mu, logvar])
        if mutant == "dlogvar-no-minus-one":
            dlogvar = 0.5 * _exp(logvar.detach()) / max(mu.numel(), 1)
        result = torch.cat([dmu.reshape(-1), dlogvar.reshape(-1)])
    elif definition == "reparameterizeDiag.vjp":
        mu, logvar, eps = (tensor(test, n, fmt, shape, grad=True) for n in ("mu", "logvar", "eps"))
        dz = tensor(test, "dz", fmt, shape)
        graph_logvar = logvar.detach() if mutant == "detached-logvar" else logvar
        z = mu + exp(0.5 * graph_logvar) * eps
        dmu, dlogvar, deps = grads(z, [mu, logvar, eps], grad_outputs=dz)
        if mutant == "dz-dlogvar-no-half":
            dlogvar = dlogvar * 2
        result = torch.cat([dmu.reshape(-1), dlogvar.reshape(-1), deps.reshape(-1)])
    elif definition == "quantizeAt":
        codes, idx = test["inputs"]["numCodes"], test["inputs"]["index"]
        book = torch.from_numpy(lv.decode(test["inputs"]["codebook"], fmt).reshape((codes,) + shape).copy()).to(dtype)
        result = book[idx].clone()
    else:
        raise ValueError(f"unknown definition {definition}")
    result = result.detach().to(dtype).reshape(-1)
    # NumPy has no bfloat16: hand its values over as float32 (exact).
    return (result.to(torch.float32) if fmt == "bf16" else result).numpy()


if __name__ == "__main__":
    torch.set_num_threads(1)
    lv.run_port(f"torch {torch.__version__}", compute, MUTANTS,
                options=[("--kl-form", ["distributions", "spec"], "distributions", "the KL's formula: torch.distributions.kl_divergence (default) or the spec's expression")])

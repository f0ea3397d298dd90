"""A PyTorch port of TorchLean's Generative.Latent, computing in the file's format on the CPU.

Where PyTorch has its own formula it is used: the KL is torch.distributions.kl_divergence between
Normal(mu, exp(0.5 * logvar)) and Normal(0, 1), i.e. 0.5 * (var_ratio + t1 - 1 - log(var_ratio)) per coordinate,
then the mean over the latent shape (TorchLean averages; PyTorch's per-coordinate KL is summed by most code bases).
That is an algebraically equal but differently rounded form; the golden vectors' tolerances allow it.
"""

import numpy as np
import torch
from torch.distributions import Normal, kl_divergence

import latent_vectors as lv

TORCH_DTYPES = {"f64": torch.float64, "f32": torch.float32, "f16": torch.float16, "bf16": torch.bfloat16}


def tensor(test, name, fmt, shape):
    # bf16 arrives as float32 arrays of bfloat16 values: the conversion to torch.bfloat16 is exact.
    return torch.from_numpy(lv.decode(test["inputs"][name], fmt).reshape(shape).copy()).to(TORCH_DTYPES[fmt])


def exp(t):
    # PyTorch 1.13 has no CPU Half kernel for exp or log ("exp_vml_cpu" not implemented for 'Half'): compute them in
    # float32 and round once, which is what PyTorch's later CPU Half kernels and its CUDA Half exp do.
    return torch.exp(t.float()).to(t.dtype) if t.dtype == torch.float16 else torch.exp(t)


def log(t):
    return torch.log(t.float()).to(t.dtype) if t.dtype == torch.float16 else torch.log(t)


def normal_kl(mu, scale):
    """torch.distributions' Normal-Normal KL against N(0, 1), written out for float16 (whose log PyTorch 1.13's CPU
    lacks): var_ratio = (scale / 1)^2, t1 = ((mu - 0) / 1)^2, 0.5 * (var_ratio + t1 - 1 - log(var_ratio))."""
    var_ratio = (scale / 1).pow(2)
    t1 = ((mu - 0) / 1).pow(2)
    return 0.5 * (var_ratio + t1 - 1 - log(var_ratio))


def compute(definition, fmt, group, test):
    dtype = TORCH_DTYPES[fmt]
    shape = tuple(group["shape"])
    if definition == "expTensor":
        result = exp(tensor(test, "x", fmt, shape))
    elif definition == "halfTensor":
        result = tensor(test, "x", fmt, shape) * 0.5
    elif definition == "reparameterizeDiag":
        mu, logvar, eps = (tensor(test, n, fmt, shape) for n in ("mu", "logvar", "eps"))
        result = mu + exp(0.5 * logvar) * eps
    elif definition == "diagonalGaussianKlToStandard":
        mu, logvar = tensor(test, "mu", fmt, shape), tensor(test, "logvar", fmt, shape)
        # Scales of 0, inf and NaN occur in the vectors, so the distributions must not validate their arguments.
        if dtype == torch.float16:
            per = normal_kl(mu, exp(0.5 * logvar))
        else:
            posterior = Normal(mu, torch.exp(0.5 * logvar), validate_args=False)
            prior = Normal(torch.zeros_like(mu), torch.ones_like(mu), validate_args=False)
            per = kl_divergence(posterior, prior)
        if per.numel() == 0 and group.get("emptyMean") == "v3":
            result = per.sum() / 1  # V2/V3: meanDenominator = max(size, 1)
        else:
            result = per.mean()  # V1: the mean of an empty tensor is NaN
    elif definition == "quantizeAt":
        codes, idx = test["inputs"]["numCodes"], test["inputs"]["index"]
        book = torch.from_numpy(lv.decode(test["inputs"]["codebook"], fmt).reshape((codes,) + shape).copy()).to(dtype)
        result = book[idx].clone()
    else:
        raise ValueError(f"unknown definition {definition}")
    result = result.to(dtype).reshape(-1)
    # NumPy has no bfloat16: hand its values over as float32 (exact).
    return (result.to(torch.float32) if fmt == "bf16" else result).numpy()


if __name__ == "__main__":
    torch.set_num_threads(1)
    lv.run_port(f"torch {torch.__version__}", compute)

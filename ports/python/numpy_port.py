"""A NumPy port of TorchLean's Generative.Latent, written from the spec text, computing in the file's format.

It differs from the spec's evaluation order where NumPy does: np.exp is NumPy's own SIMD exponential (not libm's, about
2 ulps in float32) and np.sum adds pairwise. The golden vectors' tolerances allow both. float16 is NumPy's own (each
operation computed in float32 and rounded once); bfloat16, which NumPy lacks, is computed the same way here: every
operation in float32, rounded to bfloat16 by ``r`` (the sum accumulates in float32 and is rounded once, as PyTorch's is).

``--mutant`` makes it deliberately wrong in one way, to show that the vectors catch each mistake.
"""

import numpy as np

import latent_vectors as lv

MUTANTS = {
    "kl-sum": "diagonalGaussianKlToStandard sums the coordinate terms instead of averaging them",
    "std-exp-logvar": "reparameterizeDiag uses std = exp(logvar) instead of exp(0.5 * logvar)",
    "kl-missing-half": "diagonalGaussianKlToStandard forgets the factor 0.5",
    "swap-logvar-eps": "reparameterizeDiag is called with logvar and eps swapped",
    "neighbour-code": "quantizeAt returns the code after the chosen one (the one before, for the last)",
    "nan-dropped": "every NaN in a result is replaced by 0, as np.nan_to_num would",
}


def tensor(test, name, fmt, shape):
    return lv.decode(test["inputs"][name], fmt).reshape(shape)


def compute(definition, fmt, group, test, mutant=None):
    dtype = lv.FORMATS[fmt][0]
    r = lv.bf16_round if fmt == "bf16" else (lambda a: a)
    shape = tuple(group["shape"])
    half, one = dtype(0.5), dtype(1)
    with np.errstate(all="ignore"):
        if definition == "expTensor":
            result = r(np.exp(tensor(test, "x", fmt, shape)))
        elif definition == "halfTensor":
            result = r(tensor(test, "x", fmt, shape) * half)
        elif definition == "reparameterizeDiag":
            mu, logvar, eps = (tensor(test, n, fmt, shape) for n in ("mu", "logvar", "eps"))
            if mutant == "swap-logvar-eps":
                logvar, eps = eps, logvar
            std = r(np.exp(logvar)) if mutant == "std-exp-logvar" else r(np.exp(r(logvar * half)))
            result = r(mu + r(std * eps))
        elif definition == "diagonalGaussianKlToStandard":
            mu, logvar = tensor(test, "mu", fmt, shape), tensor(test, "logvar", fmt, shape)
            per = r(r(r(r(np.exp(logvar)) + r(mu * mu)) - one) - logvar)
            total = r(np.sum(per, dtype=dtype))
            n = per.size
            if mutant == "kl-sum":
                mean = total
            elif n == 0 and group.get("emptyMean") == "v3":
                mean = r(np.divide(total, one, dtype=dtype))  # V2/V3: meanDenominator = max(size, 1)
            else:
                mean = r(np.divide(total, dtype(n), dtype=dtype))  # V1: 0 / 0 = NaN for an empty shape
            result = np.array([mean if mutant == "kl-missing-half" else r(half * mean)], dtype=dtype)
        elif definition == "diagonalGaussianKlToStandard.grad":
            # d KL / d mu = mu / n, d KL / d logvar = (e^l - 1) / (2n), written from the closed form (expm1, no cancellation).
            mu, logvar = tensor(test, "mu", fmt, shape), tensor(test, "logvar", fmt, shape)
            n = dtype(max(mu.size, 1))
            result = np.concatenate([r(mu / n).reshape(-1), r(r(np.expm1(logvar) * half) / n).reshape(-1)])
        elif definition == "reparameterizeDiag.vjp":
            # z = mu + exp(logvar/2) eps: dz passes to mu; d/d logvar = dz eps s / 2; d/d eps = dz s.
            logvar, eps, dz = (tensor(test, n, fmt, shape) for n in ("logvar", "eps", "dz"))
            s = r(np.exp(r(logvar * half)))
            result = np.concatenate([dz.reshape(-1), r(r(r(dz * eps) * s) * half).reshape(-1), r(dz * s).reshape(-1)])
        elif definition == "quantizeAt":
            codes, idx = test["inputs"]["numCodes"], test["inputs"]["index"]
            book = lv.decode(test["inputs"]["codebook"], fmt).reshape((codes,) + shape)
            if mutant == "neighbour-code" and codes > 1:
                idx = idx + 1 if idx + 1 < codes else idx - 1
            result = book[idx].copy()
        else:
            raise ValueError(f"unknown definition {definition}")
    result = np.asarray(result, dtype=dtype).reshape(-1)
    if mutant == "nan-dropped":
        result = np.where(np.isnan(result), dtype(0), result)
    return result


if __name__ == "__main__":
    lv.run_port(f"numpy {np.__version__}", compute, MUTANTS)

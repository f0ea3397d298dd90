"""NumPy and PyTorch peers of the mirror kernels, timed like the C# harness: ns per element, median of 9 rounds.

Prints one JSON object: {"numpy": {...}, "torch1": {...}, "torch": {...}, "versions": {...}} with keys
"<kernel>.<f64|f32>.<n>". torch1 is PyTorch on one thread (like the mirror), torch on its default thread count.
"""
import json
import sys
import time

import numpy as np
import torch


def measure(fn, n):
    for _ in range(3):
        fn()
    samples = []
    for _ in range(9):
        calls, start = 0, time.perf_counter()
        while True:
            fn()
            calls += 1
            elapsed = time.perf_counter() - start
            if elapsed >= 0.015:
                break
        samples.append(elapsed / calls / n * 1e9)
    samples.sort()
    return samples[len(samples) // 2]


def kernels(lib, dtype, n):
    rng = np.random.default_rng(7)
    mu = (rng.random(n) - 0.5) * 4
    lv = (rng.random(n) - 0.5) * 8
    eps = (rng.random(n) - 0.5) * 6
    if lib == "numpy":
        mu, lv, eps = (a.astype(dtype) for a in (mu, lv, eps))
        return {
            "exp": lambda: np.exp(lv),
            "reparameterizeDiag": lambda: mu + np.exp(lv * dtype(0.5)) * eps,
            "diagonalGaussianKlToStandard": lambda: dtype(0.5) * np.mean(np.exp(lv) + mu * mu - 1 - lv),
        }
    tdtype = torch.float64 if dtype == np.float64 else torch.float32
    mu, lv, eps = (torch.tensor(a, dtype=tdtype) for a in (mu, lv, eps))
    return {
        "exp": lambda: torch.exp(lv),
        "reparameterizeDiag": lambda: mu + torch.exp(lv * 0.5) * eps,
        "diagonalGaussianKlToStandard": lambda: 0.5 * torch.mean(torch.exp(lv) + mu * mu - 1 - lv),
    }


def main():
    sizes = [int(s) for s in sys.argv[1].split(",")] if len(sys.argv) > 1 else [1000, 100000, 10000000]
    out = {"versions": {"numpy": np.__version__, "torch": torch.__version__, "torch_threads": torch.get_num_threads()}}
    default_threads = torch.get_num_threads()
    for peer in ("numpy", "torch1", "torch"):
        lib = "numpy" if peer == "numpy" else "torch"
        if lib == "torch":
            torch.set_num_threads(1 if peer == "torch1" else default_threads)
        results = {}
        for dtype, name in ((np.float64, "f64"), (np.float32, "f32")):
            for n in sizes:
                for kernel, fn in kernels(lib, dtype, n).items():
                    results[f"{kernel}.{name}.{n}"] = measure(fn, n)
        out[peer] = results
    print(json.dumps(out))


if __name__ == "__main__":
    main()

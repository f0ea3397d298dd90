#!/usr/bin/env python3
"""Independent exact semantics of Generative.Latent, for cross-checking Latent's MPFR oracle.

Reads JSON cases on stdin: {"format": "f64"|"f32", "definition": ..., "mu"/"logvar"/"eps"/"x": [bit patterns], "emptyMean": "v1"|"v3"}.
Writes one JSON list of result bit-pattern lists on stdout.

Independent of the C# oracle in every step: mpmath (not MPFR) evaluates the transcendental values; a value is accepted
only when evaluations at two precisions (p and 2p) round to the same result; rational results (logvar = 0, eps = 0)
are computed exactly with fractions.Fraction; rounding into binary64/binary32 (subnormals, ties to even, overflow) is
done here with integer arithmetic.
"""
import json
import math
import struct
import sys
from fractions import Fraction

import mpmath

FORMATS = {"f64": (53, 1023, 64), "f32": (24, 127, 32)}


def decode(bits_hex, fmt):
    bits = int(bits_hex, 16)
    if fmt == "f64":
        return struct.unpack("<d", struct.pack("<Q", bits))[0]
    return struct.unpack("<f", struct.pack("<I", bits))[0]


def encode(value, fmt):
    if fmt == "f64":
        return "0x%016X" % struct.unpack("<Q", struct.pack("<d", value))[0]
    return "0x%08X" % struct.unpack("<I", struct.pack("<f", value))[0]


def round_fraction(q, fmt, negative_zero=False):
    """Round an exact rational to nearest, ties to even, in the format; returns a Python float holding it exactly."""
    precision, emax, _ = FORMATS[fmt]
    if q == 0:
        return -0.0 if negative_zero else 0.0
    negative = q < 0
    a = -q if negative else q
    e = a.numerator.bit_length() - a.denominator.bit_length()
    if Fraction(2) ** e > a:
        e -= 1
    e = max(e, 1 - emax)  # below the smallest normal the quantum stays fixed
    quantum = Fraction(2) ** (e - (precision - 1))
    scaled = a / quantum
    n = scaled.numerator // scaled.denominator
    rest = scaled - n
    if rest > Fraction(1, 2) or (rest == Fraction(1, 2) and n % 2 == 1):
        n += 1
    value = n * quantum
    if value >= Fraction(2) ** (emax + 1):
        return -math.inf if negative else math.inf
    result = float(value)  # exact: value is representable in binary64
    if fmt == "f32":
        result = struct.unpack("<f", struct.pack("<f", result))[0]
    return -result if negative else result


def mpf_to_fraction(v, fmt):
    """The exact value of an mpf, with magnitudes far outside the format replaced by stand-ins that round the same way."""
    precision, emax, _ = FORMATS[fmt]
    v = mpmath.mpf(v)
    if mpmath.isinf(v):
        return (-1 if v < 0 else 1) * Fraction(2) ** (emax + 3)
    if v == 0:
        return Fraction(0)
    negative, man, exp, _ = v._mpf_  # value = (-1)^negative * man * 2^exp
    sign = -1 if negative else 1
    man = sign * man
    top = exp + abs(man).bit_length()  # 2^(top-1) <= |v| < 2^top
    if top > emax + 3:
        return sign * Fraction(2) ** (emax + 3)  # overflows to infinity either way
    if top < (1 - emax) - precision - 3:
        return sign * Fraction(1, 2 ** (emax + precision + 3))  # below half the smallest subnormal: rounds to zero
    return Fraction(man) * (Fraction(2) ** exp) if exp >= 0 else Fraction(man, 2 ** (-exp))


def settle(compute, fmt, start):
    """Evaluate at precision p and 2p; accept when both round to the same value."""
    p = start
    while p <= 1 << 16:
        with mpmath.workprec(p):
            a = round_fraction(mpf_to_fraction(compute(), fmt), fmt)
        with mpmath.workprec(2 * p):
            b = round_fraction(mpf_to_fraction(compute(), fmt), fmt)
        if struct.pack("<d", a) == struct.pack("<d", b):
            return a
        p *= 2
    raise RuntimeError("did not settle")


def cancellation_bits(values):
    bits = 0
    for v in values:
        if v != 0 and math.isfinite(v):
            bits = max(bits, -math.frexp(v)[1])
    return bits


def exact_exp(x, fmt):
    if math.isnan(x):
        return math.nan
    if math.isinf(x):
        return 0.0 if x < 0 else math.inf
    if x == 0:
        return 1.0
    return settle(lambda: mpmath.exp(mpmath.mpf(x)), fmt, 200)


def exact_reparameterize(mu, logvar, eps, fmt):
    if math.isnan(mu) or math.isnan(logvar) or math.isnan(eps):
        return math.nan
    if not (math.isfinite(mu) and math.isfinite(logvar) and math.isfinite(eps)):
        # Limits: the real scale exp(logvar/2) is 0 at -inf, inf at +inf, positive and finite otherwise.
        scale = 0.0 if logvar == -math.inf else (math.inf if logvar == math.inf else 1.0)
        if math.isfinite(logvar) and math.isfinite(eps):
            return mu
        return mu + scale * eps
    if logvar == 0:
        z = Fraction(mu) + Fraction(eps)
        return round_fraction(z, fmt, negative_zero=(z == 0 and math.copysign(1, mu) < 0 and math.copysign(1, eps) < 0))
    if eps == 0:
        negative = math.copysign(1, mu) < 0 and math.copysign(1, eps) < 0
        return round_fraction(Fraction(mu), fmt, negative_zero=negative)
    start = 200 + 2 * max(0, int(abs(math.log2(abs(mu)))) if mu != 0 else 0)
    return settle(lambda: mpmath.mpf(mu) + mpmath.exp(mpmath.mpf(logvar) / 2) * mpmath.mpf(eps), fmt, start)


def exact_kl(mu, logvar, empty_mean, fmt):
    n = len(mu)
    if n == 0:
        return 0.0 if empty_mean == "v3" else math.nan
    if any(math.isnan(v) for v in mu + logvar):
        return math.nan
    if any(math.isinf(v) for v in mu + logvar):
        return math.inf
    if all(l == 0 for l in logvar):
        return round_fraction(sum(Fraction(m) ** 2 for m in mu) / (2 * n), fmt)

    def compute():
        total = mpmath.mpf(0)
        for m, l in zip(mu, logvar):
            lv = mpmath.mpf(l)
            total += (mpmath.expm1(lv) - lv) + mpmath.mpf(m) ** 2
        return total / (2 * n)

    return settle(compute, fmt, 200 + cancellation_bits(logvar))


def main():
    cases = json.load(sys.stdin)
    out = []
    for case in cases:
        fmt = case["format"]
        vals = {k: [decode(b, fmt) for b in case[k]] for k in ("x", "mu", "logvar", "eps") if k in case}
        d = case["definition"]
        if d == "expTensor":
            res = [exact_exp(x, fmt) for x in vals["x"]]
        elif d == "reparameterizeDiag":
            res = [exact_reparameterize(m, l, e, fmt) for m, l, e in zip(vals["mu"], vals["logvar"], vals["eps"])]
        elif d == "diagonalGaussianKlToStandard":
            res = [exact_kl(vals["mu"], vals["logvar"], case.get("emptyMean", "v1"), fmt)]
        else:
            raise ValueError(d)
        out.append([encode(r, fmt) for r in res])
    json.dump(out, sys.stdout)


if __name__ == "__main__":
    main()

"""Read Latent's golden vectors (schema latent-golden-v2) and write a latent-results-v1 file.

A port only has to supply a function ``compute(definition, fmt, group, test)`` that returns the flat, row-major
result of one test as a NumPy array of the file's dtype; ``run_port`` does the rest. For a derivative file ``definition``
carries its tag (``diagonalGaussianKlToStandard.grad``: the gradient, ``dmu`` then ``dlogvar``, concatenated;
``reparameterizeDiag.vjp``: the vector-Jacobian product for the cotangent input ``dz``, ``dmu``, ``dlogvar``, ``deps``):

    python3 numpy_port.py --vectors vectors/v2 --out numpy-results.json
    latent check --vectors vectors/v2 --results numpy-results.json [--profile default|strict|gpu]

Values are read from their bit patterns (never from the decimals), so NaN payloads, signed zeros and subnormals
arrive exactly as written. NumPy has no bfloat16: ``bf16`` tensors arrive as float32 arrays holding bfloat16 values
(every bfloat16 value is a float32 value), and ``bf16_round`` rounds a float32 array to bfloat16 (to nearest, ties to
even) for ports that compute in float32 and round each operation, as PyTorch's CPU kernels do.
"""

import argparse
import hashlib
import json
import os
import sys

import numpy as np

# format -> (float dtype of the arrays, unsigned integer dtype of the same width, hex digits, fraction bits)
FORMATS = {
    "f64": (np.float64, np.uint64, 16, 52),
    "f32": (np.float32, np.uint32, 8, 23),
    "f16": (np.float16, np.uint16, 4, 10),
    "bf16": (np.float32, np.uint16, 4, 7),  # held in float32 arrays
}

PROFILES = ("default", "strict", "gpu")
SCHEMA = "latent-golden-v2"


def set_folder(path):
    """The folder holding MANIFEST.json: ``path`` itself or its ``v2`` folder."""
    for candidate in (path, os.path.join(path, "v2")):
        if os.path.exists(os.path.join(candidate, "MANIFEST.json")):
            return candidate
    raise SystemExit(f"no MANIFEST.json in {path} or {os.path.join(path, 'v2')}")


def bf16_round(array):
    """Rounds a float32 array to bfloat16 values (to nearest, ties to even; NaN stays a quiet NaN of its sign), as float32."""
    a = np.ascontiguousarray(np.asarray(array, dtype=np.float32))
    bits = a.view(np.uint32).astype(np.uint64)
    rounded = (bits + 0x7FFF + ((bits >> 16) & 1)) & 0xFFFF0000
    nan = np.isnan(a)
    rounded = np.where(nan, (bits | 0x00400000) & 0xFFFF0000, rounded)
    return rounded.astype(np.uint32).view(np.float32).reshape(a.shape)


class SetError(Exception):
    """The set does not match its manifest: the message names the file and what differs."""


def _unique_keys(pairs):
    """Refuses a key given twice: JSON parsers differ on which one wins, and every reader of a set must read it alike."""
    keys = [k for k, _ in pairs]
    if len(keys) != len(set(keys)):
        raise SetError(f"duplicate key {next(k for k in keys if keys.count(k) > 1)!r}")
    return dict(pairs)


def _parse(data, name):
    try:
        return json.loads(data.decode("utf-8-sig"), object_pairs_hook=_unique_keys)
    except SetError as e:
        raise SetError(f"{name}: {e}") from None


def vector_files(folder):
    """Yields (file name, parsed JSON) for every vector file of the set, in manifest order, each verified against
    MANIFEST.json first (size and SHA-256, as ``latent check`` does); a ``*.json`` the manifest does not list (a stale
    file, a copy) is refused too. The bytes hashed are the bytes parsed."""
    with open(os.path.join(folder, "MANIFEST.json"), "rb") as f:
        data = f.read((1 << 20) + 1)
    if len(data) > 1 << 20:
        raise SetError("MANIFEST.json: more than the limit of 1048576 bytes")
    manifest = _parse(data, "MANIFEST.json")
    listed = {entry["path"] for entry in manifest["files"]} | {"MANIFEST.json"}
    for name in sorted(os.listdir(folder)):
        if name.lower().endswith(".json") and name not in listed:
            raise SetError(f"{name!r}: not listed in MANIFEST.json")
    for entry in manifest["files"]:
        path = os.path.join(folder, entry["path"])
        if not os.path.isfile(path):
            raise SetError(f"{entry['path']}: listed in MANIFEST.json but missing")
        with open(path, "rb") as f:
            data = f.read(entry["bytes"] + 1)
        if len(data) != entry["bytes"]:
            raise SetError(f"{entry['path']}: not the {entry['bytes']} bytes MANIFEST.json lists")
        if hashlib.sha256(data).hexdigest() != entry["sha256"]:
            raise SetError(f"{entry['path']}: SHA-256 differs from MANIFEST.json's")
        yield entry["path"], _parse(data, entry["path"])


def decode(values, fmt):
    """A tensor ``{"bits": [...], "decimal": [...]}`` as a flat array of the format's dtype, bit for bit (bf16: float32)."""
    dtype, utype, _, _ = FORMATS[fmt]
    raw = np.array([int(b, 16) for b in values["bits"]], dtype=utype)
    if fmt == "bf16":
        return (raw.astype(np.uint32) << 16).view(np.float32)
    return raw.view(dtype)


def encode(array, fmt):
    """A flat array of results as bit patterns: 0x and 16 (f64), 8 (f32) or 4 (f16, bf16) upper-case hex digits.
    A bf16 result must already hold bfloat16 values (see ``bf16_round``): encoding never rounds."""
    dtype, utype, digits, _ = FORMATS[fmt]
    flat = np.ascontiguousarray(np.asarray(array, dtype=dtype).reshape(-1))
    if fmt == "bf16":
        wide = flat.view(np.uint32)
        if np.any(wide & 0xFFFF):
            raise ValueError("a bf16 result holds a float32 value that is not a bfloat16 value: round it with bf16_round first")
        return ["0x%04X" % (int(b) >> 16) for b in wide]
    return ["0x%0*X" % (digits, int(b)) for b in flat.view(utype)]


def _width(fmt):
    return FORMATS[fmt][2] * 4


def _order(bits, fmt):
    """The format's order on bit patterns, with -0 just below +0 (NaN excluded)."""
    sign = 1 << (_width(fmt) - 1)
    return -(bits & (sign - 1)) - 1 if bits & sign else bits


def _is_nan(bits, fmt):
    width, fraction = _width(fmt), FORMATS[fmt][3]
    exponent = (bits >> fraction) & ((1 << (width - 1 - fraction)) - 1)
    return exponent == (1 << (width - 1 - fraction)) - 1 and bits & ((1 << fraction) - 1) != 0


def accepts(expected, i, bits, fmt, profile="default"):
    """The acceptance rule of element ``i`` under a port profile for a result given as its bit pattern (an int): the
    profile's NaN rule, then lo <= result <= hi in the format's order with -0 < +0. No arithmetic, no knowledge of the
    derivation."""
    band = expected["profiles"][profile]
    rule = band["nan"][i]
    if _is_nan(bits, fmt):
        return rule != "forbidden"
    if rule == "required":
        return False
    lo, hi = (int(band[k][i], 16) for k in ("lo", "hi"))
    return _order(lo, fmt) <= _order(bits, fmt) <= _order(hi, fmt)


def run_port(name, compute, mutants=(), options=()):
    """Parses --vectors, --out (and --mutant), runs ``compute`` on every test and writes the results file. ``options`` are
    extra (flag, choices, default, help) the port takes; their values reach ``compute`` as keyword arguments."""
    parser = argparse.ArgumentParser(description=f"{name}: compute Latent's golden vectors and write latent-results-v1 JSON")
    for flag, choices, default, help_text in options:
        parser.add_argument(flag, choices=choices, default=default, help=help_text)
    parser.add_argument("--vectors", required=True, help="the vector set (folder with MANIFEST.json, or its parent)")
    parser.add_argument("--out", required=True, help="the results file to write")
    parser.add_argument("--self-check", action="store_true", help="also apply the acceptance rule here, print failing tcIds, and exit 1 if any fails")
    parser.add_argument("--profile", choices=PROFILES, default="default", help="the port profile --self-check applies (default: default)")
    if mutants:
        parser.add_argument("--mutant", choices=sorted(mutants), help="deliberately wrong variant, to prove the vectors catch it")
    args = parser.parse_args()
    mutant = getattr(args, "mutant", None)
    extra = {flag.lstrip("-").replace("-", "_"): getattr(args, flag.lstrip("-").replace("-", "_")) for flag, _, _, _ in options}

    files = {}
    failed = []
    try:
        verified = list(vector_files(set_folder(args.vectors)))
    except SetError as e:
        print(f"{name}: {e}", file=sys.stderr)
        sys.exit(2)
    for file_name, vectors in verified:
        if vectors.get("schema") != SCHEMA:
            print(f"{name}: {file_name}: schema {vectors.get('schema')!r} is not {SCHEMA!r}; regenerate the set with latent golden", file=sys.stderr)
            sys.exit(2)
        definition, fmt = vectors["definition"], vectors["format"]
        if "derivative" in vectors:
            definition += "." + vectors["derivative"]
        answers = {}
        for group in vectors["testGroups"]:
            for test in group["tests"]:
                result = compute(definition, fmt, group, test, mutant, **extra) if mutants else compute(definition, fmt, group, test, **extra)
                answers[str(test["tcId"])] = encode(result, fmt)
                if args.self_check and not all(accepts(test["expected"], i, int(b, 16), fmt, args.profile) for i, b in enumerate(answers[str(test["tcId"])])):
                    failed.append(f"{file_name} tcId {test['tcId']}")
        files[file_name] = answers
    if args.self_check:
        for line in failed:
            print("self-check FAIL " + line)
        print(f"self-check: {len(failed)} failed")

    port = name + "".join(f" ({k.replace('_', '-')} {v})" for k, v in extra.items()) + (f" (mutant {mutant})" if mutant else "")
    with open(args.out, "w", encoding="utf-8") as f:
        json.dump({"schema": "latent-results-v1", "port": port, "files": files}, f)
    print(f"{port}: {sum(len(a) for a in files.values())} tests written to {args.out}", file=sys.stderr)
    # A self-check that finds failures is a failed run, like 'latent check' (exit 1); the results file is still written.
    if args.self_check and failed:
        sys.exit(1)

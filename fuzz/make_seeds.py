"""Rewrites the seed corpus of the vector and manifest targets from the released set (vectors/v2): each vector seed is
the first two tests of its file, the manifest seeds are the set's manifest and its first two entries. Run with Debian's
/usr/bin/python3 from the repository root after the set changes: /usr/bin/python3 fuzz/make_seeds.py"""

import json
import os

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SET = os.path.join(ROOT, "vectors", "v2")
CORPUS = os.path.join(ROOT, "fuzz", "corpus")


def trim(name, out):
    vectors = json.load(open(os.path.join(SET, name), encoding="utf-8"))
    group = vectors["testGroups"][0]
    group["tests"] = group["tests"][:2]
    vectors["testGroups"] = [group]
    vectors["numberOfTests"] = len(group["tests"])
    used = sorted({flag for test in group["tests"] for flag in test["flags"]})
    vectors["notes"] = {flag: vectors["notes"][flag] for flag in used}
    with open(out, "w", encoding="utf-8") as f:
        json.dump(vectors, f, ensure_ascii=False, separators=(",", ":"))


for seed in sorted(os.listdir(os.path.join(CORPUS, "vector"))):
    trim(seed.replace(".seed.json", ".json"), os.path.join(CORPUS, "vector", seed))
manifest = json.load(open(os.path.join(SET, "MANIFEST.json"), encoding="utf-8"))
with open(os.path.join(CORPUS, "manifest", "MANIFEST.json"), "w", encoding="utf-8") as f:
    json.dump(manifest, f, separators=(",", ":"))
manifest["files"] = manifest["files"][:2]
with open(os.path.join(CORPUS, "manifest", "two-files.json"), "w", encoding="utf-8") as f:
    json.dump(manifest, f, separators=(",", ":"))

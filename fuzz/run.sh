#!/usr/bin/env bash
# Fuzzes the results, vector and manifest readers with afl++ and SharpFuzz.
#   fuzz/run.sh SECONDS [TARGET...]      (targets: results vector manifest; default: all three, one after another)
# Needs Debian's afl++ (apt-get install afl++) and the SharpFuzz instrumenter (installed by this script as a dotnet
# tool into fuzz/.tools). Each target's findings go to a fresh fuzz/findings/TARGET-TIME/; copy every crash or hang into
# fuzz/crashes/TARGET/, where the tests replay it (tests/Fuzz). The last lines are afl++'s counts for each target.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
seconds="${1:?usage: fuzz/run.sh SECONDS [TARGET...]}"
shift
targets=("$@")
((${#targets[@]})) || targets=(results vector manifest)

command -v afl-fuzz >/dev/null || { echo "fuzz: afl-fuzz not found: apt-get install afl++" >&2; exit 2; }
tools="fuzz/.tools"
[ -x "$tools/sharpfuzz" ] || dotnet tool install --tool-path "$tools" SharpFuzz.CommandLine --version 2.3.0 >/dev/null

# Build into a folder of this run and instrument the reader assembly there (the instrumenter rewrites it in place).
out="fuzz/.build/$$"
rm -rf "$out"
dotnet publish fuzz/Latent.Fuzz -c Release -o "$out" --nologo -v quiet
"$tools/sharpfuzz" "$out/Latent.Golden.dll"
echo "fuzz: commit $(git rev-parse --short HEAD 2>/dev/null || echo unknown)$(git diff --quiet 2>/dev/null || echo ' (with local changes)'), $(afl-fuzz -h 2>&1 | grep -o 'afl-fuzz++[0-9.a-z]*' | head -n 1)"

# dotnet itself is not instrumented; core dumps and CPU scaling are not the fuzzer's business here.
export AFL_SKIP_BIN_CHECK=1 AFL_NO_UI=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_SKIP_CPUFREQ=1 AFL_NO_AFFINITY=1
for target in "${targets[@]}"; do
  findings="fuzz/findings/$target-$(date -u +%Y%m%dT%H%M%SZ)"
  mkdir -p "$findings"
  echo "fuzz: $target for $seconds s into $findings"
  afl-fuzz -i "fuzz/corpus/$target" -o "$findings" -x fuzz/latent.dict -t 10000 -m none -V "$seconds" \
    -- dotnet "$out/Latent.Fuzz.dll" "$target" vectors/v2 > "$findings.log" 2>&1 || true
  stats="$findings/default/fuzzer_stats"
  if [ -f "$stats" ]; then
    grep -E '^(run_time|execs_done|execs_per_sec|corpus_count|saved_crashes|saved_hangs) ' "$stats" | sed "s/^/fuzz: $target /"
  else
    echo "fuzz: $target did not start; see $findings.log" >&2
  fi
done
rm -rf "$out"

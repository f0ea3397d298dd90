#!/usr/bin/env bash
# Fuzzes the results, vector and manifest readers with afl++ and SharpFuzz.
#   fuzz/run.sh SECONDS [TARGET...]      (targets: results vector manifest; default: all three, one after another)
# Needs Debian's afl++ (apt-get install afl++) and the SharpFuzz instrumenter (restored by this script as a tool into
# fuzz/.tools). Findings go to fuzz/findings/TARGET/; copy every crash or hang into fuzz/crashes/TARGET/, where the
# tests replay it (tests/Fuzz).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
seconds="${1:?usage: fuzz/run.sh SECONDS [TARGET...]}"
shift
targets=("$@")
((${#targets[@]})) || targets=(results vector manifest)

command -v afl-fuzz >/dev/null || { echo "fuzz: afl-fuzz not found: apt-get install afl++" >&2; exit 2; }
tools="fuzz/.tools"
[ -x "$tools/sharpfuzz" ] || dotnet tool install --tool-path "$tools" SharpFuzz.CommandLine --version 2.3.0 >/dev/null

# Build once into a separate folder and instrument the reader assembly there (the instrumenter rewrites it in place).
out="fuzz/.build"
rm -rf "$out"
dotnet publish fuzz/Latent.Fuzz -c Release -o "$out" --nologo -v quiet
"$tools/sharpfuzz" "$out/Latent.Golden.dll"

# dotnet itself is not instrumented; core dumps and CPU scaling are not the fuzzer's business here.
export AFL_SKIP_BIN_CHECK=1 AFL_NO_UI=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_SKIP_CPUFREQ=1 AFL_NO_AFFINITY=1
for target in "${targets[@]}"; do
  mkdir -p "fuzz/findings/$target"
  echo "fuzz: $target for $seconds s"
  afl-fuzz -i "fuzz/corpus/$target" -o "fuzz/findings/$target" -t 10000 -m none -V "$seconds" \
    -- dotnet "$out/Latent.Fuzz.dll" "$target" vectors/v1 > "fuzz/findings/$target.log" 2>&1 || true
  stats="fuzz/findings/$target/default/fuzzer_stats"
  if [ -f "$stats" ]; then
    grep -E '^(execs_done|run_time|saved_crashes|saved_hangs|corpus_count|execs_per_sec) ' "$stats" | sed "s/^/fuzz: $target /"
  else
    echo "fuzz: $target did not start; see fuzz/findings/$target.log" >&2
  fi
done

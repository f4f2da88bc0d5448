#!/usr/bin/env bash
# The Gaussian-integral measurements of bench/RESULTS-gauss.md in one command (run from the repository root):
# builds the bench jar, runs mcs's float hafnians against the plain power-trace baseline and the exact values
# (bench/results/gauss/gauss.md, gauss.csv), then The Walrus on the same matrices with 1 and 2 numba threads
# when `thewalrus` imports (set PYTHON and PYTHONPATH to point at an installation; it is not fetched here).
# Options are passed to mcs.bench.gauss.GaussTimings, e.g. --sizes 20,28,36 --problems haf.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
out=bench/results/gauss
mkdir -p "$out"
echo "load before build: $(cut -d' ' -f1-3 /proc/loadavg)" | tee "$out/load.txt"
mvn -B -ntp -o -q -pl bench -am package -DskipTests >/dev/null
echo "load before run:   $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$out/load.txt"
java -Xmx6g -cp bench/target/benchmarks.jar mcs.bench.gauss.GaussTimings --out "$out" "$@"
echo "load after mcs:    $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$out/load.txt"
py="${PYTHON:-python3}"
if "$py" -c 'import numba, scipy, thewalrus' 2>/dev/null; then
  for t in 1 2; do
    echo "The Walrus, NUMBA_NUM_THREADS=$t (walrus s | ours 2 threads s | walrus/ours | relative difference):"
    NUMBA_NUM_THREADS=$t "$py" bench/gauss_walrus.py "$out" "${WALRUS_MAX_N:-40}"
  done
  echo "load after walrus: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$out/load.txt"
else
  echo "The Walrus is not importable with $py (numba, scipy, thewalrus): its columns are skipped."
fi

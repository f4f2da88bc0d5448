#!/usr/bin/env bash
# Whole-solve comparison of burer-monteiro builds on one instance, side by side in the same run (alternating
# jars, ROUNDS times), with the load average before each run. Prints the solve + kernel time of `mcs solve`,
# the solver's own time and its phases (objective evaluations, certificate), iterations and the kernel verdict.
#   bench/bm-compare.sh ROUNDS INSTANCE JAR... [-- extra `mcs solve` options]
# Example (old = main at 2895273 built into /tmp/old-mcs.jar, new = this tree's verifier/target/mcs.jar):
#   ./mcs generate random-sparse --n 100000 --seed 1 -P degree=18 -P margin=1/20 > /tmp/n1e5.mtx
#   bench/bm-compare.sh 2 /tmp/n1e5.mtx /tmp/old-mcs.jar verifier/target/mcs.jar
#   bench/bm-compare.sh 2 /tmp/n1e5.mtx verifier/target/mcs.jar -- -O parallel=true --threads 2
set -euo pipefail
[ $# -ge 3 ] || { echo "usage: $0 ROUNDS INSTANCE JAR... [-- solve options]" >&2; exit 2; }
rounds=$1; inst=$2; shift 2
jars=(); while [ $# -gt 0 ] && [ "$1" != "--" ]; do jars+=("$1"); shift; done
[ $# -gt 0 ] && shift
threads=(--threads 1)
for a in "$@"; do [ "$a" = "--threads" ] && threads=(); done
for ((k = 1; k <= rounds; k++)); do
  for jar in "${jars[@]}"; do
    load=$(cut -d' ' -f1 /proc/loadavg)
    out=$(java ${BM_JAVA_OPTS:--Xmx8g} -jar "$jar" solve --solver burer-monteiro "${threads[@]}" --json "$@" "$inst" 2>/dev/null || true)
    JAR="$jar" LOAD="$load" python3 -c '
import json, os, sys
d = json.load(sys.stdin); s = d.get("statistics", {}); v = d.get("verification") or {}
print("%s  load %s  %s kernel=%s  solve+kernel %.2f s  solver %.2f s  evaluations %.2f s  certificate %.2f s  iterations %s evaluations %s rank %s digits %s" % (
    os.environ["JAR"], os.environ["LOAD"], d["verdict"], v.get("verdict"), d["seconds"], s.get("seconds", float("nan")),
    s.get("evaluationSeconds", float("nan")), s.get("certificateSeconds", float("nan")), s.get("iterations"), s.get("evaluations"),
    s.get("rank"), s.get("digits")))' <<<"$out"
  done
done

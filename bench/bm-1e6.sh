#!/usr/bin/env bash
# burer-monteiro at n = 10^6, m ≈ 1.1·10^7 end to end (issue 18, items 2 and 3): generate, solve (the kernel checks the
# certificate in the same process before it is written), and verify the written certificate in a fresh JVM.
# Prints each step's wall time and peak RSS (/usr/bin/time -v), the solver's own statistics, the verdicts, and the
# load average and free memory before each step. Each step runs with an explicit heap (the targets: solve ≤ 16 GB
# of heap, verify ≤ 8 GB), niced.
#   bench/bm-1e6.sh                          # n = 10^6, heaps 10g (generate), 8g (solve), 4g (verify)
#   N=200000 SOLVE_HEAP=2g bench/bm-1e6.sh    # a smaller rehearsal
# Environment: N (default 1000000), DEGREE (20), MARGIN (1/10), SEED (1), THREADS (default: the machine's cores),
# GEN_HEAP, SOLVE_HEAP, VERIFY_HEAP, OUT (default /tmp/bm-$N), JAR (default verifier/target/mcs.jar, built if missing),
# REUSE (set: keep an instance already generated in OUT), OPTS (solver options for the solve, e.g. "-O memory=3").
# Needs about GEN_HEAP + 2 GB of free memory (generation holds a Rational per entry; the solver about 3.5 GB).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
N=${N:-1000000}; DEGREE=${DEGREE:-20}; MARGIN=${MARGIN:-1/10}; SEED=${SEED:-1}; THREADS=${THREADS:-$(nproc)}
GEN_HEAP=${GEN_HEAP:-10g}; SOLVE_HEAP=${SOLVE_HEAP:-8g}; VERIFY_HEAP=${VERIFY_HEAP:-4g}
OUT=${OUT:-/tmp/bm-$N}; JAR=${JAR:-verifier/target/mcs.jar}
[ -f "$JAR" ] || mvn -B -ntp -o -q -pl verifier -am package -DskipTests
mkdir -p "$OUT"
inst="$OUT/instance.mtx"; cert="$OUT/certificate.json"

step() { # name command...: runs it under /usr/bin/time -v, stdout to $OUT/name.out
  local name=$1; shift
  echo "== $name: load $(cut -d' ' -f1-3 /proc/loadavg), available memory $(free -g | awk '/^Mem:/ {print $7}') GB"
  /usr/bin/time -v -o "$OUT/$name.time" nice "$@" > "$OUT/$name.out" 2> "$OUT/$name.err" || { echo "$name failed (exit $?), see $OUT/$name.err"; tail -5 "$OUT/$name.err"; exit 1; }
  local wall rss cpu
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$OUT/$name.time")
  rss=$(awk -F': ' '/Maximum resident set size/ {printf "%.2f GB", $2 / 1048576}' "$OUT/$name.time")
  cpu=$(awk -F': ' '/User time/ {u = $2} /System time/ {s = $2} END {printf "%.0f s", u + s}' "$OUT/$name.time")
  echo "   $name: wall $wall, CPU (user + system) $cpu, peak RSS $rss"
}

if [ -n "${REUSE:-}" ] && [ -s "$inst" ]; then
  echo "== generate: skipped (REUSE set, $inst exists)"
else
  step generate java -Xmx$GEN_HEAP -jar "$JAR" generate random-sparse --n "$N" --seed "$SEED" -P degree="$DEGREE" -P margin="$MARGIN"
  mv "$OUT/generate.out" "$inst"
fi
# shellcheck disable=SC2086
step solve java -Xmx$SOLVE_HEAP -jar "$JAR" solve --solver burer-monteiro --threads "$THREADS" ${OPTS:-} --json --certificate "$cert" "$inst"
python3 - "$OUT/solve.out" <<'PY'
import json, sys
d = json.load(open(sys.argv[1])); s = d.get("statistics", {}); v = d.get("verification") or {}
print("   solve: verdict %s, kernel %s; solve + kernel %.1f s; solver %.1f s (evaluations %.1f s, certificate %.1f s); "
      "iterations %s, rank %s, digits %s, threads %s, arrays %.2f GB" % (d["verdict"], v.get("verdict"), d["seconds"], s.get("seconds", 0),
      s.get("evaluationSeconds", 0), s.get("certificateSeconds", 0), s.get("iterations"), s.get("rank"), s.get("digits"), s.get("threads"),
      s.get("arrayBytes", 0) / 2**30))
PY
echo "   certificate: $(du -h "$cert" | cut -f1)"
step verify java -Xmx$VERIFY_HEAP -jar "$JAR" verify --json "$inst" "$cert"
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print("   verify: %s (%s)" % (d.get("verdict"), d.get("check")))' "$OUT/verify.out"
echo "== done: load $(cut -d' ' -f1-3 /proc/loadavg)"

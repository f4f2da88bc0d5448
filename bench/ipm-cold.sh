#!/usr/bin/env bash
# ipm against CSDP and DSDP with every solver in a fresh process (issue 18, item 4): `mcs solve --solver ipm` through
# the launcher (AppCDS archive, JVM start, JIT and the kernel check of its certificate included) beside `csdp` and `dsdp5` on the same instance, in turn,
# ROUNDS times, with the load average. The instances are the comparison sets' (CsdpComparison --only files writes
# their .mtx and .dat-s files to WORK without solving anything).
#   bench/ipm-cold.sh [ROUNDS] [REGEX]     # default 1 round, instances matching 'sparse-n(200|400|800)-yes$'
# Environment: WORK (default bench/results/cold/work), STOP (ipm's stop option, default converged),
# THREADS (default 2: ipm's --threads and the peers' OMP/OPENBLAS threads).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROUNDS=${1:-1}; REGEX=${2:-'sparse-n(200|400|800)-yes$'}
WORK=${WORK:-bench/results/cold/work}; STOP=${STOP:-converged}; THREADS=${THREADS:-2}
export OMP_NUM_THREADS=$THREADS OPENBLAS_NUM_THREADS=$THREADS
[ -n "${NO_BUILD:-}" ] || mvn -B -ntp -o -q -pl bench -am package -DskipTests
java -cp bench/target/benchmarks.jar mcs.bench.csdp.CsdpComparison --only files --out "$(dirname "$WORK")" --match "$REGEX" >/dev/null
./mcs solvers >/dev/null   # builds the jar and its class-data archive when stale, outside the timings
secs() { /usr/bin/time -f '%e %U %S' -o "$tmp/t" "$@" > "$tmp/out" 2> "$tmp/err" || true; awk '{printf "%.2f %.2f\n", $1, $2 + $3}' "$tmp/t"; }
tmp=$(mktemp -d)
echo "| instance | round | load | ipm wall s | ipm cpu s | ipm verdict, kernel | CSDP wall s | CSDP cpu s | DSDP wall s | DSDP cpu s | ipm / min(CSDP, DSDP) |"
echo "|---|---:|---:|---:|---:|---|---:|---:|---:|---:|---:|"
for ((k = 1; k <= ROUNDS; k++)); do
  for f in "$WORK"/*.mtx; do
    name=$(basename "$f" .mtx)
    [[ $name =~ $REGEX ]] || continue
    load=$(cut -d' ' -f1 /proc/loadavg)
    read -r ow oc < <(secs ./mcs solve --solver ipm -O stop="$STOP" --threads "$THREADS" --json "$f")
    verdict=$(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(d["verdict"], (d.get("verification") or {}).get("verdict"))' "$tmp/out" 2>/dev/null || echo "no JSON")
    read -r cw cc < <(cd "$WORK" && secs csdp "$name.dat-s" "$tmp/$name.sol")
    read -r dw dc < <(cd "$WORK" && secs dsdp5 "$name.dat-s" -print 1)
    ratio=$(python3 -c "print('%.2f' % ($ow / min($cw, $dw)))")
    echo "| $name | $k | $load | $ow | $oc | $verdict | $cw | $cc | $dw | $dc | $ratio |"
  done
done
rm -rf "$tmp"

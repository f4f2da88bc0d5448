#!/usr/bin/env bash
# ipm against CSDP and DSDP with every solver in a fresh process (issue 18, item 4): `mcs solve --solver ipm` through
# the launcher (AppCDS archive, JVM start, JIT and the kernel check of its certificate included) beside `csdp` and `dsdp5` on the same instance, in turn,
# ROUNDS times, with the load average. The instances are the comparison sets' (CsdpComparison --only files writes
# their .mtx and .dat-s files to WORK without solving anything).
#   bench/ipm-cold.sh [ROUNDS] [REGEX]     # default 1 round, instances matching 'sparse-n(200|400|800)-yes$'
# Environment: WORK (default bench/results/cold/work), STOP (ipm's stop option, default converged),
# THREADS (default 2: ipm's --threads and the peers' OMP/OPENBLAS threads), PEERS (default "csdp dsdp"; a peer left
# out shows n/a and min() is taken over the others), BASELINE_ROOT (a checkout of an older build, e.g.
# `git archive 9bd8325`, whose ./mcs is run on the same instance just before this one: columns "old ipm" and new / old).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROUNDS=${1:-1}; REGEX=${2:-'sparse-n(200|400|800)-yes$'}
WORK=${WORK:-bench/results/cold/work}; STOP=${STOP:-converged}; THREADS=${THREADS:-2}; PEERS=${PEERS:-csdp dsdp}; BASELINE_ROOT=${BASELINE_ROOT:-}
export OMP_NUM_THREADS=$THREADS OPENBLAS_NUM_THREADS=$THREADS
[ -n "${NO_BUILD:-}" ] || mvn -B -ntp -o -q -pl bench -am package -DskipTests
java -cp bench/target/benchmarks.jar mcs.bench.csdp.CsdpComparison --only files --out "$(dirname "$WORK")" --match "$REGEX" >/dev/null
./mcs solvers >/dev/null   # builds the jar and its class-data archive when stale, outside the timings
[ -z "$BASELINE_ROOT" ] || "$BASELINE_ROOT/mcs" solvers >/dev/null
secs() { /usr/bin/time -f '%e %U %S' -o "$tmp/t" "$@" > "$tmp/out" 2> "$tmp/err" || true; awk '{printf "%.2f %.2f\n", $1, $2 + $3}' "$tmp/t"; }
tmp=$(mktemp -d)
echo "| instance | round | load | old ipm wall s | old ipm cpu s | ipm wall s | ipm cpu s | ipm verdict, kernel | CSDP wall s | CSDP cpu s | DSDP wall s | DSDP cpu s | ipm / min(CSDP, DSDP) | new / old (wall, cpu) |"
echo "|---|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|"
for ((k = 1; k <= ROUNDS; k++)); do
  for f in "$WORK"/*.mtx; do
    name=$(basename "$f" .mtx)
    [[ $name =~ $REGEX ]] || continue
    load=$(cut -d' ' -f1 /proc/loadavg)
    bw=n/a; bc=n/a
    [ -z "$BASELINE_ROOT" ] || read -r bw bc < <(secs "$BASELINE_ROOT/mcs" solve --solver ipm -O stop="$STOP" --threads "$THREADS" --json "$f")
    read -r ow oc < <(secs ./mcs solve --solver ipm -O stop="$STOP" --threads "$THREADS" --json "$f")
    verdict=$(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(d["verdict"], (d.get("verification") or {}).get("verdict"))' "$tmp/out" 2>/dev/null || echo "no JSON")
    cw=n/a; cc=n/a; dw=n/a; dc=n/a
    [[ " $PEERS " != *" csdp "* ]] || read -r cw cc < <(cd "$WORK" && secs csdp "$name.dat-s" "$tmp/$name.sol")
    [[ " $PEERS " != *" dsdp "* ]] || read -r dw dc < <(cd "$WORK" && secs dsdp5 "$name.dat-s" -print 1)
    ratio=$(python3 -c "import sys; p=[float(x) for x in sys.argv[2:] if x != 'n/a']; print('%.2f' % (float(sys.argv[1]) / min(p)) if p else 'n/a')" "$ow" "$cw" "$dw")
    old=$(python3 -c "import sys; print('n/a' if sys.argv[1] == 'n/a' else '%.2f, %.2f' % (float(sys.argv[3]) / float(sys.argv[1]), float(sys.argv[4]) / float(sys.argv[2])))" "$bw" "$bc" "$ow" "$oc")
    echo "| $name | $k | $load | $bw | $bc | $ow | $oc | $verdict | $cw | $cc | $dw | $dc | $ratio | $old |"
  done
done
rm -rf "$tmp"

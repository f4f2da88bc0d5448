#!/usr/bin/env bash
# Two threads against one for burer-monteiro at n = 10^5 (issue 18, item 2): the same jar, alternating --threads 1 and
# --threads 2 ROUNDS times in one run, printing each solve's wall and solver seconds with the load average, the
# speed-up per round (median at the end), each process's CPU time (user + system: on a loaded machine the wall ratio
# also reflects how many CPU shares each run got), and whether the certificates of the two thread counts are byte-identical.
#   bench/bm-threads.sh [ROUNDS]        # default 3; N, DEGREE, MARGIN, HEAP, JAR, OUT as in bm-1e6.sh
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROUNDS=${1:-3}; N=${N:-100000}; DEGREE=${DEGREE:-20}; MARGIN=${MARGIN:-1/10}; HEAP=${HEAP:-4g}
OUT=${OUT:-/tmp/bm-threads-$N}; JAR=${JAR:-verifier/target/mcs.jar}
[ -f "$JAR" ] || mvn -B -ntp -o -q -pl verifier -am package -DskipTests
mkdir -p "$OUT"
inst="$OUT/instance.mtx"
[ -s "$inst" ] || java -Xmx4g -jar "$JAR" generate random-sparse --n "$N" --seed 1 -P degree="$DEGREE" -P margin="$MARGIN" > "$inst"
ratios=()
for ((k = 1; k <= ROUNDS; k++)); do
  declare -A secs=()
  for t in 1 2; do
    load=$(cut -d' ' -f1 /proc/loadavg)
    /usr/bin/time -f '%U %S' -o "$OUT/time-$t" nice java -Xmx$HEAP -jar "$JAR" solve --solver burer-monteiro --threads $t --json --certificate "$OUT/cert-$t.json" "$inst" > "$OUT/solve-$t.json"
    s=$(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); s=d["statistics"]; print("%.2f %.2f %s %s %s" % (s["seconds"], d["seconds"], s["iterations"], d["verdict"], (d.get("verification") or {}).get("verdict")))' "$OUT/solve-$t.json")
    read -r solver total iters verdict kernel <<<"$s"
    secs[$t]=$solver
    cpu=$(awk '{printf "%.1f", $1 + $2}' "$OUT/time-$t")
    echo "round $k, $t thread(s): load $load, solver ${solver} s (solve + kernel ${total} s), process CPU ${cpu} s, iterations $iters, $verdict, kernel $kernel"
  done
  same=$(cmp -s "$OUT/cert-1.json" "$OUT/cert-2.json" && echo identical || echo DIFFERENT)
  r=$(python3 -c "print('%.2f' % (${secs[1]} / ${secs[2]}))")
  ratios+=("$r")
  echo "round $k: speed-up 2 threads / 1 thread = $r, certificates $same"
done
printf '%s\n' "${ratios[@]}" | sort -n | awk '{a[NR] = $1} END {print "median speed-up over " NR " rounds: " a[int((NR + 1) / 2)]}'

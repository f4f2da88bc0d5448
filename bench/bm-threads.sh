#!/usr/bin/env bash
# Two threads against one for burer-monteiro at n = 10^5 (issue 18, item 2): the same jar, alternating --threads 1 and
# --threads 2 ROUNDS times in one run, printing each solve's wall and solver seconds with the load average, the
# speed-up per round (median at the end), each process's CPU time (user + system: on a loaded machine the wall ratio
# also reflects how many CPU shares each run got), and whether the certificates of the two thread counts are byte-identical.
# With BASE set to another jar (e.g. a build of the previous commit), every round first runs that jar the same way,
# so old and new are measured side by side, alternating, in one run; the medians of both are printed at the end.
#   bench/bm-threads.sh [ROUNDS]        # default 3; N, DEGREE, MARGIN, HEAP, JAR, OUT as in bm-1e6.sh
#   BASE=/tmp/old.jar bench/bm-threads.sh 3
#   OPTS="-O parts=8" bench/bm-threads.sh  # solver options for every solve
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROUNDS=${1:-3}; N=${N:-100000}; DEGREE=${DEGREE:-20}; MARGIN=${MARGIN:-1/10}; HEAP=${HEAP:-4g}
OUT=${OUT:-/tmp/bm-threads-$N}; JAR=${JAR:-verifier/target/mcs.jar}; BASE=${BASE:-}; OPTS=${OPTS:-}
[ -f "$JAR" ] || mvn -B -ntp -o -q -pl verifier -am package -DskipTests
mkdir -p "$OUT"
inst="$OUT/instance.mtx"
[ -s "$inst" ] || java -Xmx4g -jar "$JAR" generate random-sparse --n "$N" --seed 1 -P degree="$DEGREE" -P margin="$MARGIN" > "$inst"
echo "uptime: $(uptime)"
jars=(); [ -n "$BASE" ] && jars+=("base=$BASE"); jars+=("new=$JAR")
declare -A ratios=()
for ((k = 1; k <= ROUNDS; k++)); do
  for entry in "${jars[@]}"; do
    name=${entry%%=*}; jar=${entry#*=}
    declare -A secs=()
    for t in 1 2; do
      load=$(cut -d' ' -f1 /proc/loadavg)
      # shellcheck disable=SC2086
      /usr/bin/time -f '%U %S' -o "$OUT/time-$name-$t" nice java -Xmx$HEAP -jar "$jar" solve --solver burer-monteiro --threads $t $OPTS --json --certificate "$OUT/cert-$name-$t.json" "$inst" > "$OUT/solve-$name-$t.json"
      s=$(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); s=d["statistics"]; print("%.2f %.2f %s %s %s" % (s["seconds"], d["seconds"], s["iterations"], d["verdict"], (d.get("verification") or {}).get("verdict")))' "$OUT/solve-$name-$t.json")
      read -r solver total iters verdict kernel <<<"$s"
      secs[$t]=$solver
      cpu=$(awk '{printf "%.1f", $1 + $2}' "$OUT/time-$name-$t")
      echo "round $k, $name, $t thread(s): load $load, solver ${solver} s (solve + kernel ${total} s), process CPU ${cpu} s, iterations $iters, $verdict, kernel $kernel"
    done
    same=$(cmp -s "$OUT/cert-$name-1.json" "$OUT/cert-$name-2.json" && echo identical || echo DIFFERENT)
    r=$(python3 -c "print('%.2f' % (${secs[1]} / ${secs[2]}))")
    ratios[$name]="${ratios[$name]:-} $r"
    echo "round $k, $name: speed-up 2 threads / 1 thread = $r, certificates $same"
  done
done
for entry in "${jars[@]}"; do
  name=${entry%%=*}
  printf '%s\n' ${ratios[$name]} | sort -n | awk -v name="$name" '{a[NR] = $1} END {print name ": median speed-up over " NR " rounds: " a[int((NR + 1) / 2)]}'
done
echo "uptime: $(uptime)"

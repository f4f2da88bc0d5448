#!/usr/bin/env bash
# glynn's kernel in CPU time of one thread (ns per term), this build against an older one, alternating
# (bench/RESULTS-perm.md, issue 18). CPU time of the solving thread is far less disturbed by other load on a
# shared machine than wall time; the race against the C anchor is bench/glynn-anchor.sh.
#
#   BASELINE_JAR=path/to/old/benchmarks.jar bench/glynn-cpu.sh [ROUNDS] [GlynnCpuTime options, e.g. --n 28 --reps 3]
#
# Without BASELINE_JAR only this build is timed. Runs JDK 17 (java on PATH), and JDK 25 when present.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
rounds="${1:-2}"
[ $# -gt 0 ] && shift
jar=bench/target/benchmarks.jar
if [ ! -f "$jar" ]; then
  mvn -B -ntp -q -DskipTests -pl bench -am package >&2
fi
echo "# load before: $(uptime)"
for jdk in java /usr/lib/jvm/temurin-25-jdk-amd64/bin/java; do
  command -v "$jdk" >/dev/null || continue
  for r in $(seq "$rounds"); do
    "$jdk" -Xmx1g -cp "$jar" mcs.bench.perm.GlynnCpuTime --label new "$@"
    if [ -n "${BASELINE_JAR:-}" ]; then
      "$jdk" -Xmx1g -cp "$BASELINE_JAR:$jar" mcs.bench.perm.GlynnCpuTime --label old "$@"
    fi
  done
done
echo "# load after: $(uptime)"

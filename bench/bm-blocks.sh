#!/usr/bin/env bash
# Column-block sizes of the Burer–Monteiro objective (solvers' BlockedEdges), side by side in one JVM: one evaluation
# per size per round, alternating, process CPU and wall time per evaluation (mcs.bench.lowrank.ColumnBlockStudy).
#   bench/bm-blocks.sh                         # n = 10^6: fixed 2 MB (the rule before) against the default rule
#   bench/bm-blocks.sh 300000 1,2,4,8,default 6
# Environment: HEAP (default 12g; generating n = 10^6 holds a Rational per entry), JAVA_OPTS (extra JVM flags).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
jar=bench/target/benchmarks.jar
[ -f "$jar" ] || mvn -B -ntp -o -q -pl bench -am package -DskipTests
echo "uptime: $(uptime)"
# shellcheck disable=SC2086
nice java -Xmx"${HEAP:-12g}" ${JAVA_OPTS:-} -cp "$jar" mcs.bench.lowrank.ColumnBlockStudy "${1:-1000000}" "${2:-2,default}" "${3:-6}"
echo "uptime: $(uptime)"

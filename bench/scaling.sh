#!/usr/bin/env bash
# The scaling study of issue 5 in one command: builds the bench jar (offline) and runs the study.
#   bench/scaling.sh                 # default study -> bench/results/scaling
#   bench/scaling.sh --quick --out /tmp/scaling-quick
# Any argument is passed to mcs.bench.scaling.ScalingStudy (--config default|quick|FILE, --quick, --out DIR, --only LABEL).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
mvn -o -q -B -pl bench -am package -DskipTests >&2
exec java ${SCALING_JAVA_OPTS:--Xmx8g} -cp bench/target/benchmarks.jar mcs.bench.scaling.ScalingStudy "$@"

#!/usr/bin/env bash
# ipm against CSDP and DSDP on the comparison sets (issue 18, item 4), each side from a cold JVM (no warm-up):
# one run with ipm iterating to CSDP's tolerance (stop=converged: t* comparable to 1e-6), one with ipm's default
# (stop=certificate: the verdict with its kernel-checked certificate, what `mcs solve --solver ipm` does).
# Prints the load average before and after; results in bench/results/peers-{converged,certificate}/.
#   bench/ipm-peers.sh                     # everything (about 15 min on a quiet 2-core machine)
#   bench/ipm-peers.sh --match 'sparse-n400'   # extra options go to both runs (see CsdpComparison)
#   STOPS=converged bench/ipm-peers.sh         # only one of the two stop modes
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
[ -n "${NO_BUILD:-}" ] || mvn -B -ntp -o -q -pl bench -am package -DskipTests
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
for stop in ${STOPS:-converged certificate}; do
  java -Xmx8g -cp bench/target/benchmarks.jar mcs.bench.csdp.CsdpComparison --out "bench/results/peers-$stop" --stop "$stop" --no-install "$@"
  echo "load after stop=$stop: $(cut -d' ' -f1-3 /proc/loadavg)"
done

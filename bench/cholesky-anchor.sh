#!/usr/bin/env bash
# ipm's Schur-complement Cholesky (RowCholesky, Java) beside OpenBLAS's dpotrf (what CSDP and DSDP call) on matrices of
# the orders of the comparison sets (m = n + |E| = 800..3200), alternating in one run, with the load average: the
# profile of ipm puts about three quarters of its time in this factorisation (bench/RESULTS-ipm.md).
#   bench/cholesky-anchor.sh [ROUNDS]        # default 2; SIZES (default "1600 3200"), THREADS (default "1 2")
# Each Java line also runs RowCholeskyByRows (the kernel of 9bd8325), alternating with RowCholesky in the same JVM,
# checks that their factors are bit-identical and prints new / 9bd8325 (BASELINE=0 turns that off).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROUNDS=${1:-2}; SIZES=${SIZES:-1600 3200}; THREADS=${THREADS:-1 2}
[ -n "${NO_BUILD:-}" ] || mvn -B -ntp -o -q -pl bench -am package -DskipTests
bin=$(mktemp -d)/potrf
cc -O2 bench/anchors/potrf.c -o "$bin" -llapack -lm
echo "lapack: $(readlink -f /usr/lib/x86_64-linux-gnu/liblapack.so.3)"
for ((k = 1; k <= ROUNDS; k++)); do
  for m in $SIZES; do
    # About two seconds of factoring per size, so that the JIT has compiled the kernel well before the best time.
    reps=$(( 2 + 64000000000 / (m * m * m) ))
    for t in $THREADS; do
      echo "round $k, load $(cut -d' ' -f1-3 /proc/loadavg)"
      java -Xmx4g -cp bench/target/benchmarks.jar mcs.bench.ipm.CholeskyRate "$m" "$t" "$reps" "$([ "${BASELINE:-1}" = 0 ] || echo baseline)"
      echo "dpotrf threads=$t: $(OPENBLAS_NUM_THREADS=$t OMP_NUM_THREADS=$t "$bin" "$m" "$reps")"
    done
  done
done

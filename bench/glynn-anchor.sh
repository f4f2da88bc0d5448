#!/usr/bin/env bash
# glynn beside the C anchor glynn_lanes.c on the same matrix, in one run (bench/RESULTS-perm.md, issue 18).
#
#   bench/glynn-anchor.sh [ANCHOR] [extra GlynnVsAnchor options, e.g. --n 28 --rounds 5]
#
# ANCHOR defaults to the shared folder's anchors/glynn_lanes.c (../shared from /work/main, found upward
# from here). Builds the bench jar if it is missing, then runs mcs.bench.perm.GlynnVsAnchor (n = 30,
# 2 threads, 3 rounds, inputs decimal17 and one-word) on JDK 17 (java on PATH) and, when present, on
# JDK 25 (/usr/lib/jvm/temurin-25-jdk-amd64). Prints the log and a Markdown table per JDK.
# BASELINE_JAR=path/to/an/older/benchmarks.jar also runs the harness with that jar's glynn first on the class
# path (the old solver beside the same anchor, in the same invocation of this script).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
anchor="${1:-}"
[ $# -gt 0 ] && shift
if [ -z "$anchor" ]; then
  d="$PWD"
  while [ "$d" != / ]; do
    [ -f "$d/shared/anchors/glynn_lanes.c" ] && { anchor="$d/shared/anchors/glynn_lanes.c"; break; }
    d="$(dirname "$d")"
  done
fi
[ -n "$anchor" ] && [ -f "$anchor" ] || { echo "glynn-anchor.sh: glynn_lanes.c not found (looked for shared/anchors/glynn_lanes.c above $PWD); give its path as the first argument" >&2; exit 2; }
jar=bench/target/benchmarks.jar
if [ ! -f "$jar" ]; then
  mvn -B -ntp -q -DskipTests -pl bench -am package >&2
fi
for jdk in java /usr/lib/jvm/temurin-25-jdk-amd64/bin/java; do
  command -v "$jdk" >/dev/null || continue
  "$jdk" -Xmx2g -cp "$jar" mcs.bench.perm.GlynnVsAnchor --anchor "$anchor" "$@"
  if [ -n "${BASELINE_JAR:-}" ]; then
    echo "# baseline: glynn from $BASELINE_JAR"
    "$jdk" -Xmx2g -cp "$BASELINE_JAR:$jar" mcs.bench.perm.GlynnVsAnchor --anchor "$anchor" "$@"
  fi
done

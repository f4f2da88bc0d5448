#!/usr/bin/env bash
# The ε-study of our own MC1 solvers (issue 19): for each series one `mcs study epsilon` (exponent α of time in 1/ε at
# a fixed n) or `mcs study size` (exponent β of time in n·m at a fixed ε) on the gap families, every answer judged by
# the kernel through the arena, both sides of the promise (yes and no instances) unless the series fixes one.
#   bench/study.sh                         # every series -> bench/results/study/<label>/ and RESULTS.md
#   bench/study.sh --only dual-descent/    # the series whose label contains the text
#   bench/study.sh --timeout 120 --out /tmp/study
# Runs under `nice -n 10` from a private copy of the mcs jar (editing the sources meanwhile cannot disturb it).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$root/bench/results/study"
only=""
timeout=60
while [ $# -gt 0 ]; do
  case "$1" in
    --out) out="$(mkdir -p "$2" && cd "$2" && pwd)"; shift ;;
    --only) only="$2"; shift ;;
    --timeout) timeout="$2"; shift ;;
    *) echo "usage: bench/study.sh [--out DIR] [--only LABEL-SUBSTRING] [--timeout S]" >&2; exit 2 ;;
  esac
  shift
done

"$root/mcs" --version >/dev/null   # builds the jar when the sources changed
jar="$(mktemp -d)/mcs.jar"
cp "$root/verifier/target/mcs.jar" "$jar"
trap 'rm -rf "$(dirname "$jar")"' EXIT
mcs() { MCS_NO_PROGRESS=1 nice -n 10 java -Xss16m -jar "$jar" "$@"; }

EPS=0.1,0.03,0.01,0.003,0.001
# label | kind | solver | family | size(s) | extra arguments
series() {
  cat <<EOF
ipm/gap-planted-n100|epsilon|ipm|gap-planted|100|
ipm/gap-cycles-n100|epsilon|ipm|gap-cycles|100|
ipm/gap-gamma2-n64|epsilon|ipm|gap-gamma2|64|
burer-monteiro/gap-planted-n1000|epsilon|burer-monteiro|gap-planted|1000|-P answer=yes -O time-share=1
dual-descent/gap-planted-n1000|epsilon|dual-descent|gap-planted|1000|
dual-descent/gap-cycles-n1000|epsilon|dual-descent|gap-cycles|1000|
dual-descent/gap-chordal-n1000|epsilon|dual-descent|gap-chordal|1000|
dual-descent/gap-planted-n10000|epsilon|dual-descent|gap-planted|10000|
mmw/gap-planted-n100|epsilon|mmw|gap-planted|100|
mmw/gap-cycles-n100|epsilon|mmw|gap-cycles|100|
mmw/gap-planted-n1000|epsilon|mmw|gap-planted|1000|
ipm/size-gap-planted|size|ipm|gap-planted|30,60,120,240|
burer-monteiro/size-gap-planted|size|burer-monteiro|gap-planted|1000,3162,10000,31623|-P answer=yes -O time-share=1
dual-descent/size-gap-planted|size|dual-descent|gap-planted|100,316,1000,3162,10000|
mmw/size-gap-planted|size|mmw|gap-planted|30,60,120,240,480|
EOF
}

mkdir -p "$out"
dirs=()
while IFS='|' read -r label kind solver family sizes extra; do
  [ -z "$label" ] && continue
  case "$label" in *"$only"*) ;; *) continue ;; esac
  dir="$out/$label"
  rm -rf "$dir"
  mkdir -p "$(dirname "$dir")"
  echo "study: $label ($(cut -d' ' -f1-3 /proc/loadavg) load)" >&2
  if [ "$kind" = epsilon ]; then what=(--n "$sizes" --eps "$EPS"); else what=(--sizes "$sizes" --eps 0.01); fi
  status=0
  # shellcheck disable=SC2086 # the extra column is a list of words
  mcs study "$kind" --solver "$solver" --family "$family" "${what[@]}" $extra --seeds 1..2 --timeout "$timeout" \
    --memory-mb 3072 --out "$dir" >&2 || status=$?
  # exit 3: a WRONG answer, which the series' study reports; anything else is a failure of the study itself
  if [ "$status" -ne 0 ] && [ "$status" -ne 3 ]; then echo "study: $label failed (exit $status)" >&2; exit "$status"; fi
  dirs+=("$label")
done < <(series)

[ ${#dirs[@]} -eq 0 ] && { echo "study: no series matches '$only'" >&2; exit 2; }
# RESULTS.md covers every series that has results, also those of earlier --only runs
dirs=()
while IFS='|' read -r label _; do [ -f "$out/$label/study.json" ] && dirs+=("$label"); done < <(series)
{
  echo "# ε-study of our MC1 solvers"
  echo
  echo "Command: \`bench/study.sh$([ "$timeout" != 60 ] && echo " --timeout $timeout")\` (summary written $(date -u +%Y-%m-%dT%H:%MZ)); each series is one \`mcs study\`"
  echo "(its exact command line is in its study.md). α: exponent of time in 1/ε at fixed n; β: exponent of time in n·m at"
  echo "ε = 0.01. 95% bootstrap intervals over the CORRECT runs; both sides of the promise unless the series says answer=yes."
  echo
  cd "$out" && mcs study summary "${dirs[@]}"
} > "$out/RESULTS.md.tmp"
mv "$out/RESULTS.md.tmp" "$out/RESULTS.md"
echo "study: wrote $out/RESULTS.md" >&2

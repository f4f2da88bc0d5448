#!/usr/bin/env bash
# The scaling study (time against n·m) of our own solvers: one `mcs study size` per series, so every run goes
# through the arena and every answer is judged by the kernel; RESULTS.md collects the exponents
# (`mcs study summary`). Each series folder holds study.json, study.md and study.html.
#   bench/scaling.sh                                  # default series -> bench/results/scaling
#   bench/scaling.sh --quick --out /tmp/scaling-quick # smoke run, a few minutes
#   bench/scaling.sh --only bm/ --timeout-scale 3     # series whose label contains "bm/", limits x3 (busy machine)
# Runs under `nice -n 10`; a series' folder is replaced when it is run again.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$root/bench/results/scaling"
config=default
only=""
scale=1
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) config=quick ;;
    --out) out="$(mkdir -p "$2" && cd "$2" && pwd)"; shift ;;
    --only) only="$2"; shift ;;
    --timeout-scale) scale="$2"; shift ;;
    *) echo "usage: bench/scaling.sh [--quick] [--out DIR] [--only LABEL-SUBSTRING] [--timeout-scale X]" >&2; exit 2 ;;
  esac
  shift
done

# label | solver | family | -P/-O arguments | sizes | seeds | time limit (s) | memory (MB)
default_series() {
  cat <<'EOF'
bm/random-sparse-d18|burer-monteiro|random-sparse|-P degree=18 -P margin=1/10 -P answer=yes -O time-share=1|1000,3162,10000,31623,100000|1..2|120|8192
bm/random-sparse-d18-m20|burer-monteiro|random-sparse|-P degree=18 -P margin=1/20 -P answer=yes -O time-share=1|1000,3162,10000,31623,100000|1..2|120|8192
bm/random-sparse-d6|burer-monteiro|random-sparse|-P degree=6 -P margin=1/10 -P answer=yes -O time-share=1|1000,3162,10000,31623,100000|1..3|60|8192
dense-gram/mc2-dense-m10n|dense-gram|mc2-random|-P k=n -P degree=18|300,533,949,1687,3000|1..2|180|8192
bm/mc2-dense-m10n|burer-monteiro|mc2-random|-P k=n -P degree=18|300,533,949,1687,3000|1..2|120|8192
chordal/ktree3|chordal|chordal|-P shape=ktree -P k=3 -P answer=yes|1000,3162,10000,31623,100000|1..3|60|8192
chordal/band3|chordal|chordal|-P shape=band -P k=3 -P answer=yes|1000,3162,10000,31623,100000|1..3|60|8192
bm/mc2-random-k8|burer-monteiro|mc2-random|-P k=8 -P degree=6|1000,3162,10000,31623,100000|1..3|60|8192
ipm/random-sparse-d6|ipm|random-sparse|-P degree=6 -P margin=1/10 -P answer=yes|50,84,141,238,400|1..2|60|4096
dual-descent/random-sparse-no|dual-descent|random-sparse|-P degree=6 -P margin=1/10 -P answer=no|1000,3162,10000,31623,100000|1..3|60|8192
mmw/random-sparse-d6|mmw|random-sparse|-P degree=6 -P margin=1/10 -P answer=yes|50,100,200,400,800|1..2|60|4096
maxdet-newton/random-sparse-d4|maxdet-newton|random-sparse|-P degree=4 -P margin=1/10 -P answer=yes|100,200,400,800,1600|1..2|60|4096
chordal-maxdet/mc2-banded-k8|chordal-maxdet|mc2-random|-P k=8 -P omega=banded -P degree=6|200,356,632,1125,2000|1..3|60|4096
EOF
}

quick_series() {
  cat <<'EOF'
bm/random-sparse-d6|burer-monteiro|random-sparse|-P degree=6 -P margin=1/10 -P answer=yes -O time-share=1|200,447,1000,2236,5000|1..2|10|2048
chordal/ktree3|chordal|chordal|-P shape=ktree -P k=3 -P answer=yes|200,447,1000,2236,5000|1..2|10|2048
ipm/random-sparse-d6|ipm|random-sparse|-P degree=6 -P margin=1/10 -P answer=yes|20,31,49,77,120|1..2|10|2048
dense-gram/mc2-dense-m10n|dense-gram|mc2-random|-P k=n -P degree=18|50,80,141,238,400|1..2|10|2048
bm/mc2-dense-m10n|burer-monteiro|mc2-random|-P k=n -P degree=18|50,80,141,238,400|1..2|10|2048
EOF
}

mkdir -p "$out"
dirs=()
while IFS='|' read -r label solver family args sizes seeds limit memory; do
  [ -z "$label" ] && continue
  status=0
  case "$label" in *"$only"*) ;; *) continue ;; esac
  dir="$out/$label"
  rm -rf "$dir"
  mkdir -p "$(dirname "$dir")"
  limit=$(awk -v a="$limit" -v s="$scale" 'BEGIN { printf "%g", a * s }')
  echo "scaling: $label" >&2
  # shellcheck disable=SC2086 # the argument column is a list of words
  MCS_NO_PROGRESS=1 nice -n 10 "$root/mcs" study size --solver "$solver" --family "$family" $args --sizes "$sizes" \
    --seeds "$seeds" --timeout "$limit" --memory-mb "$memory" --out "$dir" >&2 || status=$?
  # exit 3: a WRONG answer, which the series' study reports; anything else is a failure of the study itself
  if [ "$status" -ne 0 ] && [ "$status" -ne 3 ]; then echo "scaling: $label failed (exit $status)" >&2; exit "$status"; fi
  dirs+=("$label")
done < <(if [ "$config" = quick ]; then quick_series; else default_series; fi)

[ ${#dirs[@]} -eq 0 ] && { echo "scaling: no series matches '$only'" >&2; exit 2; }
{
  echo "# Scaling study ($config)"
  echo
  echo "Command: \`bench/scaling.sh $([ "$config" = quick ] && echo --quick) ${only:+--only $only} $([ "$scale" != 1 ] && echo --timeout-scale $scale)\`; each series is one"
  echo "\`mcs study size\` (its command line is in the series' study.md). Exponent of time in n·m (m grows like n in every"
  echo "family here, so time linear in m shows as 0.5), with a 95% bootstrap interval over the CORRECT runs."
  echo
  cd "$out" && "$root/mcs" study summary "${dirs[@]}"
} > "$out/RESULTS.md.tmp"
mv "$out/RESULTS.md.tmp" "$out/RESULTS.md"
echo "scaling: wrote $out/RESULTS.md" >&2

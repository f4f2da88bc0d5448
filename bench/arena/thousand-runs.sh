#!/usr/bin/env bash
# Done-when check of the arena issue: 1000 runs of a fast solver on tiny instances finish in <= 90 s on
# 2 cores, thanks to warm worker JVMs (one per lane, reused across runs).
# Usage: bench/arena/thousand-runs.sh [OUT_DIR]   (uses the mcs launcher, which builds the jar if needed)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
out="${1:-$(mktemp -d)/thousand}"
work="$(mktemp -d)"
cat > "$work/plan.json" <<'JSON'
{"format": "mcs-plan/1",
 "solvers": [{"name": "local-checks", "solver": "local-checks"}],
 "instances": [{"family": "random-sparse", "sizes": [5], "seeds": [RANGE]}],
 "seeds": [1, 2], "time_limit_s": 5, "memory_limit_mb": 512, "jobs": 2, "scoring": "solved-time"}
JSON
sed -i "s/RANGE/$(seq -s ', ' 1 500)/" "$work/plan.json"
"$root/mcs" --version >/dev/null
start=$(date +%s.%N)
MCS_NO_PROGRESS=1 "$root/mcs" arena run "$work/plan.json" --out "$out"
end=$(date +%s.%N)
rows=$(wc -l < "$out/results.jsonl")
secs=$(echo "$end - $start" | bc)
echo "thousand-runs: $rows runs in $secs s (limit 90 s) on $(nproc) cores; results in $out"
[ "$rows" -eq 1000 ] || { echo "FAIL: expected 1000 rows" >&2; exit 1; }
awk -v s="$secs" 'BEGIN { exit !(s <= 90) }' || { echo "FAIL: slower than 90 s" >&2; exit 1; }
echo "PASS"

#!/usr/bin/env bash
# Done-when check of the arena issue, full size: two of our solvers, an external liar that always claims
# COMPLETABLE and an external sleeper, on 100 instances x 2 seeds with a 2 s limit. Checks: the liar is
# ranked last and every wrong answer is listed (results.jsonl and report.html), every sleeper run is a
# TIMEOUT killed at the limit, and no process of the competition survives.
# Usage: bench/arena/competition.sh [OUT_DIR]   (about 200 s with 2 lanes: the sleeper waits out 200 limits)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
work="$(mktemp -d)"
out="${1:-$work/out}"
marker=$((6000 + RANDOM % 1000))
cat > "$work/liar.sh" <<'SH'
#!/bin/sh
sha=$(sha256sum "$1" | cut -d' ' -f1)
printf '{"format":"mcs-certificate/1","problem":"psd-completion","instance_sha256":"%s","verdict":"COMPLETABLE","completion":{"form":"entries","entries":[]}}\n' "$sha" > "$2"
echo '{"problem":"psd-completion","solver":"liar","verdict":"COMPLETABLE"}'
SH
printf '#!/bin/sh\nsleep %s &\nsleep %s\n' "$marker" "$marker" > "$work/sleeper.sh"
chmod +x "$work/liar.sh" "$work/sleeper.sh"
seeds=$(seq -s ', ' 1 50)
cat > "$work/plan.json" <<JSON
{"format": "mcs-plan/1",
 "solvers": [{"name": "chordal", "solver": "chordal"}, {"name": "local-checks", "solver": "local-checks"},
             {"name": "liar", "command": ["./liar.sh"]}, {"name": "sleeper", "command": ["./sleeper.sh"]}],
 "instances": [{"family": "chordal", "sizes": [10], "seeds": [$seeds]},
               {"family": "chordal", "sizes": [10], "seeds": [$seeds], "params": {"answer": "no"}}],
 "seeds": [1, 2], "time_limit_s": 2, "memory_limit_mb": 1024, "grace_s": 1, "jobs": 2, "scoring": "errors-first"}
JSON
"$root/mcs" --version >/dev/null
start=$(date +%s)
MCS_NO_PROGRESS=1 "$root/mcs" arena run "$work/plan.json" --out "$out"
echo "competition: $(wc -l < "$out/results.jsonl") runs in $(( $(date +%s) - start )) s; results in $out"
fail() { echo "FAIL: $*" >&2; exit 1; }
[ "$(wc -l < "$out/results.jsonl")" -eq 800 ] || fail "expected 800 rows"
[ "$(jq -r '[.[] | select(.virtual != true)] | last | .solver' "$out/ranking.json")" = liar ] || fail "the liar is not last"
wrong=$(jq -r 'select(.solver == "liar" and .category == "WRONG") | .run_id' "$out/results.jsonl")
[ "$(echo "$wrong" | wc -l)" -ge 100 ] || fail "the liar should be wrong on every NO instance"
for id in $wrong; do grep -q "$id" "$out/report.html" || fail "wrong answer $id not listed in report.html"; done
[ "$(jq -r 'select(.solver == "sleeper" and .category != "TIMEOUT") | .run_id' "$out/results.jsonl" | wc -l)" -eq 0 ] || fail "a sleeper run is not a TIMEOUT"
jq -e -s '[.[] | select(.solver == "sleeper") | .wall_s] | (min >= 2) and (max < 4.5)' "$out/results.jsonl" >/dev/null || fail "sleeper not killed at the limit"
# Competitors are found by their folder or marker, workers by -Dmcs.arena.out=OUT on their command line.
survivors=$( (pgrep -af "sleep $marker"; pgrep -af "$work/"; pgrep -af "mcs.arena.out=$(cd "$out" && pwd)") || true)
[ -z "$survivors" ] || fail "processes survived: $survivors"
echo "liar wrong answers: $(echo "$wrong" | wc -l); ranking:"; jq -c '.[]' "$out/ranking.json"
echo "PASS"

#!/usr/bin/env bash
# Sandbox overhead of untrusted runs (issue 15), one command, every way side by side in the same run:
#  1. the launcher: N tiny external runs per way (plain `setsid` as before the sandbox, `--isolation none`,
#     bubblewrap), interleaved in blocks: ms per run and ratios (mcs.bench.sandbox.SandboxOverhead);
#  2. the arena: 1000 runs (500 tiny instances x 2 seeds, 2 lanes) of a tiny external competitor that
#     answers with a certificate, with --isolation none and with bwrap, alternating none/bwrap/none/bwrap:
#     wall time per competition and the ratio of the means.
# Usage: bench/arena/sandbox-overhead.sh [RUNS]   (RUNS per way for part 1, default 1000). Prints Markdown;
# the load average is printed before and after each part. Run it in a quiet window: the numbers are ratios
# of the same work, but absolute milliseconds grow with the machine's load.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
runs="${1:-1000}"
(cd "$root" && mvn -B -ntp -q -o package -DskipTests -pl bench -am >/dev/null 2>&1 || mvn -B -ntp -q package -DskipTests -pl bench -am >/dev/null)
echo "## Launcher: $runs tiny runs per way"
echo
echo "loadavg before: $(cat /proc/loadavg)"
java -cp "$root/bench/target/benchmarks.jar" mcs.bench.sandbox.SandboxOverhead --runs "$runs"
echo
work="$(mktemp -d)"
cat > "$work/tiny.sh" <<'SH'
#!/bin/sh
sha=$(sha256sum "$1" | cut -d' ' -f1)
printf '{"format":"mcs-certificate/1","problem":"psd-completion","instance_sha256":"%s","verdict":"COMPLETABLE","completion":{"form":"entries","entries":[]}}\n' "$sha" > "$2"
echo '{"problem":"psd-completion","solver":"tiny","verdict":"COMPLETABLE"}'
SH
chmod +x "$work/tiny.sh"
cat > "$work/plan.json" <<JSON
{"format": "mcs-plan/1",
 "solvers": [{"name": "tiny", "command": ["$work/tiny.sh"]}],
 "instances": [{"family": "random-sparse", "sizes": [5], "seeds": [$(seq -s ', ' 1 500)]}],
 "seeds": [1, 2], "time_limit_s": 5, "memory_limit_mb": 512, "jobs": 2, "scoring": "solved-time"}
JSON
"$root/mcs" --version >/dev/null
echo "## Arena: 1000 runs of an external competitor, 2 lanes"
echo
echo "loadavg before: $(cat /proc/loadavg)"
echo
echo "| competition | isolation | runs | wall s | ms per run |"
echo "|---|---|---:|---:|---:|"
declare -A sum=([none]=0 [bwrap]=0)
k=0
for iso in none bwrap none bwrap; do
  k=$((k + 1))
  start=$(date +%s.%N)
  MCS_NO_PROGRESS=1 "$root/mcs" arena run "$work/plan.json" --out "$work/out-$k" --isolation "$iso" >/dev/null
  end=$(date +%s.%N)
  rows=$(wc -l < "$work/out-$k/results.jsonl")
  secs=$(echo "$end - $start" | bc)
  [ "$(grep -c "\"isolation\":\"$iso\"" "$work/out-$k/results.jsonl")" -eq "$rows" ] || { echo "FAIL: rows without isolation $iso" >&2; exit 1; }
  sum[$iso]=$(echo "${sum[$iso]} + $secs" | bc)
  printf '| %d | %s | %d | %.1f | %.1f |\n' "$k" "$iso" "$rows" "$secs" "$(echo "$secs * 1000 / $rows" | bc -l)"
done
echo
echo "mean wall: none $(echo "${sum[none]} / 2" | bc -l | xargs printf '%.1f') s, bwrap $(echo "${sum[bwrap]} / 2" | bc -l | xargs printf '%.1f') s; ratio bwrap/none $(echo "${sum[bwrap]} / ${sum[none]}" | bc -l | xargs printf '%.3f')"
echo
echo "loadavg after: $(cat /proc/loadavg)"
rm -rf "$work"

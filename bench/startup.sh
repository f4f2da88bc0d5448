#!/usr/bin/env bash
# Start-up of `mcs verify` on a SPEC §6 example, side by side in one run (bench/RESULTS-startup.md).
#
#   bench/startup.sh [RUNS] [BASELINE_JAR]
#
# Times, with hyperfine (Debian package `hyperfine`; -N: no shell in between), RUNS runs (default 20) after
# 3 warm-up runs of each of:
#   launcher        ./mcs verify (the launcher as users run it: class-data-sharing archive, lazy CLI)
#   launcher-nocds  the same with MCS_NO_CDS=1 (no archive)
#   jar             java -Xss16m -jar verifier/target/mcs.jar verify (this build, no archive, no launcher)
#   launcher-c1     ./mcs with MCS_JAVA_OPTS=-XX:TieredStopAtLevel=1 (C1 only: for information, see the notes)
#   baseline        java -Xss16m -jar BASELINE_JAR verify (an older build, if given)
# and prints a Markdown table: median and mean wall time, mean user+sys CPU time, and the load averages
# before and after. Run it from the repository root of a built tree (./mcs builds on first use).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
runs="${1:-20}"
baseline="${2:-}"
command -v hyperfine >/dev/null || { echo "startup.sh: hyperfine is needed (apt-get install hyperfine)" >&2; exit 2; }
inst=proofs-data/examples/spec-3x3-no.mtx
cert=proofs-data/examples/spec-3x3-no.cert.json
./mcs verify "$inst" "$cert" >/dev/null   # builds the jar and the archive if needed
./mcs verify "$inst" "$cert" >/dev/null
out="$(mktemp -d)"
names=(launcher launcher-nocds jar launcher-c1)
cmds=("./mcs verify $inst $cert"
      "env MCS_NO_CDS=1 ./mcs verify $inst $cert"
      "java -Xss16m -jar verifier/target/mcs.jar verify $inst $cert"
      "env MCS_JAVA_OPTS=-XX:TieredStopAtLevel=1 ./mcs verify $inst $cert")
if [ -n "$baseline" ]; then
  [ -f "$baseline" ] || { echo "startup.sh: no baseline jar $baseline" >&2; exit 2; }
  names+=(baseline)
  cmds+=("java -Xss16m -jar $baseline verify $inst $cert")
fi
load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
args=()
for i in "${!cmds[@]}"; do args+=(-n "${names[$i]}" "${cmds[$i]}"); done
hyperfine -N -w 3 -r "$runs" --export-json "$out/startup.json" "${args[@]}" >&2
load_after="$(cut -d' ' -f1-3 /proc/loadavg)"
python3 - "$out/startup.json" "$load_before" "$load_after" "$runs" <<'EOF'
import json, statistics, sys
data = json.load(open(sys.argv[1]))
print(f"load average before: {sys.argv[2]}, after: {sys.argv[3]}; {sys.argv[4]} runs each (hyperfine -N, 3 warm-up)")
print()
print("| variant | median wall | mean wall ± sd | mean user+sys CPU |")
print("|---|---|---|---|")
for r in data["results"]:
    t = r["times"]
    cpu = r["user"] + r["system"]
    print(f"| {r['command']} | {statistics.median(t):.3f} s | {statistics.mean(t):.3f} ± {statistics.pstdev(t):.3f} s | {cpu:.3f} s |")
EOF
rm -rf "$out"

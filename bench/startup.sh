#!/usr/bin/env bash
# Start-up of `mcs verify` on a SPEC §6 example, side by side in one run (bench/RESULTS-startup.md).
#
#   bench/startup.sh [RUNS] [BASELINE_JAR] [BASELINE_TREE]
#
# Times, with hyperfine (Debian package `hyperfine`; -N: no shell in between), RUNS runs (default 20) of each
# of the variants below, interleaved: RUNS rounds, each one hyperfine call that runs every variant once (the
# first round after 3 warm-up runs of each), in forward order in odd rounds and backward in even ones, so that
# a change of the machine's load during the run falls on all variants alike. The variants:
#   launcher        ./mcs verify (the launcher as users run it: class-data-sharing archive, lazy CLI)
#   launcher-picocli ./mcs verify -- FILE CERT: the same run through picocli's parser (the `--` keeps it off
#                   Main's fast path for plain `verify FILE CERT`), to show what that path saves
#   direct          the java command that ./mcs execs (same options, same archive), without the script
#   launcher-before BASELINE_TREE/mcs verify: the launcher and jar of another checkout (e.g. a worktree of the
#                   commit this work started from; its ./mcs builds its jar and archive first), if given
#   launcher-nocds  ./mcs with MCS_NO_CDS=1 (no archive)
#   jar             java -Xss16m -jar verifier/target/mcs.jar verify (this build, no archive, no launcher)
#   launcher-c1     ./mcs with MCS_JAVA_OPTS=-XX:TieredStopAtLevel=1 (C1 only: for information, see the notes)
#   baseline        java -Xss16m -jar BASELINE_JAR verify (an older build, if given)
# and prints a Markdown table: median, mean and range of the wall time, median user+sys CPU time, the ratios of
# wall and CPU time to the launcher's (median over rounds of the ratio within a round), and the load averages
# before and after. Run it from the repository root of a built tree (./mcs builds on first use).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
runs="${1:-20}"
baseline="${2:-}"
before="${3:-}"
command -v hyperfine >/dev/null || { echo "startup.sh: hyperfine is needed (apt-get install hyperfine)" >&2; exit 2; }
inst=proofs-data/examples/spec-3x3-no.mtx
cert=proofs-data/examples/spec-3x3-no.cert.json
./mcs verify "$inst" "$cert" >/dev/null   # builds the jar and the archive if needed
./mcs verify "$inst" "$cert" >/dev/null
archive="$(ls verifier/target/cds/mcs-*.jsa 2>/dev/null | head -n 1)"
[ -n "$archive" ] || { echo "startup.sh: ./mcs wrote no start-up archive" >&2; exit 1; }
heap=-XX:MaxRAMPercentage=75
[ "$(awk '/^MemTotal:/ {print $2}' /proc/meminfo)" -lt 8388608 ] && heap=-XX:MaxRAMPercentage=50
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
names=(launcher launcher-picocli direct)
cmds=("./mcs verify $inst $cert"
      "./mcs verify -- $inst $cert"
      "java -Xss16m $heap -XX:SharedArchiveFile=$archive -Xshare:auto -Xlog:cds=off -Xlog:cds+dynamic=off -cp verifier/target/mcs.jar mcs.verifier.cli.Main verify $inst $cert")
if [ -n "$before" ]; then
  [ -x "$before/mcs" ] || { echo "startup.sh: no launcher $before/mcs" >&2; exit 2; }
  "$before/mcs" verify "$inst" "$cert" >/dev/null   # its jar and archive
  "$before/mcs" verify "$inst" "$cert" >/dev/null
  names+=(launcher-before)
  cmds+=("$before/mcs verify $inst $cert")
fi
names+=(launcher-nocds jar launcher-c1)
cmds+=("env MCS_NO_CDS=1 ./mcs verify $inst $cert"
      "java -Xss16m -jar verifier/target/mcs.jar verify $inst $cert"
      "env MCS_JAVA_OPTS=-XX:TieredStopAtLevel=1 ./mcs verify $inst $cert")
if [ -n "$baseline" ]; then
  [ -f "$baseline" ] || { echo "startup.sh: no baseline jar $baseline" >&2; exit 2; }
  names+=(baseline)
  cmds+=("java -Xss16m -jar $baseline verify $inst $cert")
fi
load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
for ((round = 1; round <= runs; round++)); do
  order=("${!cmds[@]}")
  if ((round % 2 == 0)); then order=(); for ((i = ${#cmds[@]} - 1; i >= 0; i--)); do order+=("$i"); done; fi
  args=()
  for i in "${order[@]}"; do args+=(-n "${names[$i]}" "${cmds[$i]}"); done
  warm=0; ((round == 1)) && warm=3
  hyperfine -N -w "$warm" -r 1 --style basic --export-json "$out/round-$round.json" "${args[@]}" >/dev/null 2>>"$out/hyperfine.err" \
    || { cat "$out/hyperfine.err" >&2; exit 1; }
done
load_after="$(cut -d' ' -f1-3 /proc/loadavg)"
python3 - "$out" "$load_before" "$load_after" "$runs" "${names[@]}" <<'EOF'
import json, statistics, sys
out, before, after, runs, names = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), sys.argv[5:]
wall = {n: [] for n in names}
cpu = {n: [] for n in names}
for k in range(1, runs + 1):
    for r in json.load(open(f"{out}/round-{k}.json"))["results"]:
        wall[r["command"]] += r["times"]
        cpu[r["command"]].append(r["user"] + r["system"])
print(f"load average before: {before}, after: {after}; {runs} runs each, interleaved (hyperfine -N, 3 warm-up)")
print()
print("| variant | median wall | mean wall ± sd | min … max wall | median user+sys CPU | wall / launcher | CPU / launcher |")
print("|---|---|---|---|---|---|---|")
def ratio(xs, ref):  # median over rounds of the ratio within a round
    return statistics.median(a / b for a, b in zip(xs, ref))
for n in names:
    t = wall[n]
    print(f"| {n} | {statistics.median(t):.3f} s | {statistics.mean(t):.3f} ± {statistics.pstdev(t):.3f} s | "
          f"{min(t):.3f} … {max(t):.3f} s | {statistics.median(cpu[n]):.3f} s | "
          f"{ratio(t, wall[names[0]]):.2f} | {ratio(cpu[n], cpu[names[0]]):.2f} |")
EOF

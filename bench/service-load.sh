#!/usr/bin/env bash
# The service under load: C concurrent clients over loopback each post K claims on record instances (a mix of
# valid certificates and mutated ones) to a fresh `mcs serve` and wait for each verdict; then the same kind of
# certificates are checked "by hand", one `mcs verify` process each, as the baseline.
#   bench/service-load.sh [--clients 200] [--per-client 3] [--workers 2] [--baseline 30] [--db postgresql://...]
# Writes bench/results/service/load-<time>/ (load.json, baseline.txt, summary.md, the service's log).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
clients=200 per=3 workers=2 baseline=30 db=""
while [ $# -gt 0 ]; do
  case "$1" in
    --clients) clients=$2; shift 2 ;; --per-client) per=$2; shift 2 ;; --workers) workers=$2; shift 2 ;;
    --baseline) baseline=$2; shift 2 ;; --db) db=$2; shift 2 ;; *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
# MCS_JAR runs a copy of the jar (so that a build meanwhile cannot change it under the run)
if [ -z "${MCS_JAR:-}" ]; then ./mcs --version >/dev/null; fi
jar=${MCS_JAR:-verifier/target/mcs.jar}
out=bench/results/service/load-$(date +%Y%m%d-%H%M%S)
mkdir -p "$out"
javac -nowarn -cp "$jar" -d "$out/driver" bench/service/ServiceBench.java
bench=(java -cp "$jar:$out/driver" ServiceBench)
data="$out/data"
store=(--data "$data"); [ -n "$db" ] && store=(--data "$data" --db "$db")
echo "before: $(uptime)" > "$out/uptime.txt"

java -Xmx2g -jar "$jar" serve "${store[@]}" --port 0 --workers "$workers" --rate 1000000 --per-day 1000000 >"$out/serve.out" 2>"$out/serve.log" &
pid=$!
trap 'kill -TERM $pid 2>/dev/null || true' EXIT
for _ in $(seq 1 240); do grep -q '^listening on' "$out/serve.out" 2>/dev/null && break; sleep 0.5; done
url=$(sed -n 's/^listening on //p' "$out/serve.out")
[ -n "$url" ] || { echo "the service did not start; see $out/serve.log" >&2; exit 1; }
echo "service at $url (pid $pid), store ${db:-embedded}" >&2

"${bench[@]}" users "${store[@]}" --n "$clients" --out "$out/tokens.txt"
echo "start: $(uptime)" >> "$out/uptime.txt"
"${bench[@]}" load --server "$url" --tokens "$out/tokens.txt" --record proofs-data \
  --clients "$clients" --per-client "$per" --out "$out/load.json"
echo "end of load: $(uptime)" >> "$out/uptime.txt"
kill -TERM $pid; wait $pid || true
trap - EXIT
rm -f "$out/tokens.txt"

# The baseline: the same kind of claims checked by hand, one `mcs verify` process per certificate, one after the other.
"${bench[@]}" pairs --record proofs-data --out "$out/pairs" --n "$baseline"
t0=$(date +%s.%N); n=0
while read -r inst cert; do
  java -jar "$jar" verify "$inst" "$cert" >/dev/null 2>&1 || true
  n=$((n + 1))
done < "$out/pairs/pairs.txt"
t1=$(date +%s.%N)
echo "$n $(echo "$t1 - $t0" | bc -l)" > "$out/baseline.txt"
echo "after baseline: $(uptime)" >> "$out/uptime.txt"

python3 - "$out" <<'PY'
import json, sys, os
out = sys.argv[1]
m = json.load(open(os.path.join(out, "load.json")))
n, secs = open(os.path.join(out, "baseline.txt")).read().split()
n, secs = int(n), float(secs)
per = secs / n
lines = [f"# service load run ({os.path.basename(out)})", "",
  f"- clients: {m['clients']}, submissions judged: {m['submissions']} ({m['distinct_claims']} distinct claims, valid and mutated), client errors: {sum(m['errors'].values()) if isinstance(m['errors'], dict) else len(m['errors'])}",
  f"- wall: {m['wall_s']} s, throughput: **{m['throughput_per_s']} submissions/s**",
  f"- to acknowledge (202): p50 {m['ack_ms']['p50']} ms, p99 {m['ack_ms']['p99']} ms, max {m['ack_ms']['max']} ms",
  (f"  (a client's first request, with a token not yet verified: p50 {m['ack_ms_first_request']['p50']} ms, p99 {m['ack_ms_first_request']['p99']} ms; "
   f"later ones: p50 {m['ack_ms_later_requests']['p50']} ms, p99 {m['ack_ms_later_requests']['p99']} ms)") if 'ack_ms_first_request' in m else "",
  f"- to verdict (POST to final state): p50 {m['verdict_ms']['p50']} ms, p99 {m['verdict_ms']['p99']} ms, max {m['verdict_ms']['max']} ms",
  f"- outcomes: {json.dumps(m['outcomes'])}",
  f"- by hand: {n} × `mcs verify` (one JVM each, sequential): {secs:.1f} s, {per*1000:.0f} ms each, {1/per:.2f} certificates/s",
  f"- ratio: service throughput / by-hand throughput = **{m['throughput_per_s']*per:.1f}×**; service p50 to verdict / one `mcs verify` = {m['verdict_ms']['p50']/(per*1000):.2f}",
  "", "load averages:", "", "```", open(os.path.join(out, "uptime.txt")).read().strip(), "```"]
open(os.path.join(out, "summary.md"), "w").write("\n".join(lines) + "\n")
print("\n".join(lines))
PY

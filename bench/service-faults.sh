#!/usr/bin/env bash
# Faults: while 100 submissions are being sent and judged, kill -9 the service and its external worker several
# times (and, with PostgreSQL, restart the database server mid-run), restart them, then check that every
# acknowledged submission ends with exactly one final state, that valid certificates were ACCEPTED, and that
# every blob the store names exists and hashes to its name.
#   bench/service-faults.sh                                  embedded store (H2), service + one `mcs worker`
#   bench/service-faults.sh --pg-port 55433                  a throwaway PostgreSQL (.ci/start-postgres), restarted mid-run
#   options: --n 100 --kills 4 --pace-ms 50
# Writes bench/results/service/faults-<store>-<time>/ (ids.txt, check.json, the logs). Exit 1 when anything is lost.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
n=100 kills=4 pace=50 pgport=""
while [ $# -gt 0 ]; do
  case "$1" in
    --n) n=$2; shift 2 ;; --kills) kills=$2; shift 2 ;; --pace-ms) pace=$2; shift 2 ;; --pg-port) pgport=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
# MCS_JAR runs a copy of the jar (so that a build meanwhile cannot change it under the run)
if [ -z "${MCS_JAR:-}" ]; then ./mcs --version >/dev/null; fi
jar=${MCS_JAR:-verifier/target/mcs.jar}
kind=embedded; [ -n "$pgport" ] && kind=postgres
out=bench/results/service/faults-$kind-$(date +%Y%m%d-%H%M%S)
mkdir -p "$out"
javac -nowarn -cp "$jar" -d "$out/driver" bench/service/ServiceBench.java
bench=(java -cp "$jar:$out/driver" ServiceBench)
data="$(pwd)/$out/data"
store=(--data "$data")
pgdir=""
if [ -n "$pgport" ]; then
  pgdir=$(mktemp -d /tmp/mcs-faults-pg.XXXXXX)
  db=$(.ci/start-postgres "$pgport" "$pgdir")
  store=(--data "$data" --db "$db")
fi
echo "start: $(uptime)" > "$out/uptime.txt"
spid="" wpid=""
port=0
start_service() {
  : > "$out/serve.out"
  # the same port every time (after the first start), so that the clients find the service again
  java -Xmx1g -jar "$jar" serve "${store[@]}" --port "$port" --workers 1 --lease 5 --rate 1000000 --per-day 1000000 >"$out/serve.out" 2>>"$out/serve.log" &
  spid=$!
  for _ in $(seq 1 1200); do grep -q '^listening on' "$out/serve.out" 2>/dev/null && break; sleep 0.25; done
  local u
  u=$(sed -n 's/^listening on //p' "$out/serve.out")
  [ -n "$u" ] || { echo "the service did not start within 300 s; see $out/serve.log" >&2; exit 1; }
  url=$u
  port=${url##*:}
}
start_worker() {
  java -Xmx1g -jar "$jar" worker "${store[@]}" --workers 1 --lease 5 >>"$out/worker.log" 2>&1 &
  wpid=$!
}
cleanup() {
  kill -TERM $spid $wpid ${sender:-} 2>/dev/null || true
  if [ -n "$pgdir" ]; then su postgres -s /bin/sh -c "$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)/pg_ctl -D $pgdir stop -m fast" >/dev/null 2>&1 || true; fi
}
trap cleanup EXIT
start_service
[ -n "$url" ] || { echo "the service did not start; see $out/serve.log" >&2; exit 1; }
start_worker
echo "service at $url, store $kind" | tee "$out/events.txt"
"${bench[@]}" users "${store[@]}" --n 10 --out "$out/tokens.txt"
"${bench[@]}" send --server "$url" --tokens "$out/tokens.txt" --record proofs-data --n "$n" --pace-ms "$pace" \
  --out "$out/ids.txt" >"$out/send.log" 2>&1 &
sender=$!
touch "$out/ids.txt"
# the kills start once half the submissions are acknowledged (most of them still queued or being judged)
for _ in $(seq 1 3000); do [ "$(wc -l < "$out/ids.txt")" -ge $((n / 2)) ] && break; sleep 0.3; done
for k in $(seq 1 "$kills"); do
  sleep $((2 + RANDOM % 4))
  acked=$(wc -l < "$out/ids.txt")
  kill -9 "$spid" "$wpid" 2>/dev/null || true
  wait "$spid" "$wpid" 2>/dev/null || true
  echo "kill $k: kill -9 service $spid and worker $wpid with $acked acknowledged" | tee -a "$out/events.txt"
  if [ -n "$pgdir" ] && [ "$k" -eq 2 ]; then
    su postgres -s /bin/sh -c "$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)/pg_ctl -D $pgdir restart -m immediate -w" >/dev/null
    echo "kill $k: PostgreSQL restarted (immediate: no clean shutdown)" | tee -a "$out/events.txt"
  fi
  sleep 1
  start_service
  start_worker
done
if [ -n "$pgdir" ]; then
  # once more, the database alone, with the service and the worker running
  sleep 3
  su postgres -s /bin/sh -c "$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)/pg_ctl -D $pgdir restart -m immediate -w" >/dev/null
  echo "PostgreSQL restarted under the running service and worker" | tee -a "$out/events.txt"
fi
wait "$sender" || true
cat "$out/send.log" | tee -a "$out/events.txt"
status=0
"${bench[@]}" check --server "$url" --ids "$out/ids.txt" "${store[@]}" --blobs "$data/blobs" | tee "$out/check.json" || status=1
echo "end: $(uptime)" >> "$out/uptime.txt"
rm -f "$out/tokens.txt"
exit $status

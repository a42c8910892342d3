#!/usr/bin/env bash
# Search load test: N synthetic articles (default 100,000) in a SQLite store, `dateline serve` on loopback,
# wrk with 50 connections for 30 s over generated queries (full text, some with place/date/speaker filters).
# Needs wrk (apt-get install wrk). Traffic goes only to 127.0.0.1; the run is bounded by -d.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${N:-100000}
# The schema version is in the name: a corpus built by an older build would be migrated (slowly) at the
# server's start and keep the older, larger rows.
DB=${DB:-/tmp/dateline-load-$N-v3.db}
PORT=${PORT:-5391}
CONNS=${CONNS:-50}
DURATION=${DURATION:-30s}
command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install wrk)" >&2; exit 2; }
dotnet build bench/Dateline.StoreBench -c Release -nologo -v quiet >/dev/null
dotnet build src/Dateline.Cli -c Release -nologo -v quiet >/dev/null
BENCH="dotnet bench/Dateline.StoreBench/bin/Release/net10.0/Dateline.StoreBench.dll"
[ -f "$DB" ] || $BENCH corpus "$N" --db "$DB"
queries=$(mktemp)
# 20,000 different queries (1-2 words from 3,000 of the vocabulary; 30% with a place, date or speaker filter):
# the run measures real searches, there is no result cache.
$BENCH queries 20000 > "$queries"
# the same GC setting the ./dateline launcher gives users (see there)
DOTNET_GCgen0size="${DOTNET_GCgen0size:-0x8000000}" dotnet src/Dateline.Cli/bin/Release/net10.0/Dateline.Cli.dll serve --db "$DB" --urls "http://127.0.0.1:$PORT" > /tmp/dateline-load-serve.log 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true; rm -f "$queries"' EXIT
for _ in $(seq 1 60); do curl -sf "http://127.0.0.1:$PORT/healthz" >/dev/null && break; sleep 0.5; done
# Warm-up (JIT, page cache), then the measured run.
wrk -t2 -c"$CONNS" -d5s -s bench/search.lua "http://127.0.0.1:$PORT" -- "$queries" >/dev/null
echo "store: $N articles in $DB ($(du -h "$DB" | cut -f1)); $CONNS connections, $DURATION; load before: $(cut -d' ' -f1-3 /proc/loadavg)"
cpu() { awk '{print $14 + $15}' "/proc/$server/stat"; }   # utime + stime of the server, in clock ticks
c0=$(cpu)
out=$(wrk -t2 -c"$CONNS" -d"$DURATION" --latency -s bench/search.lua "http://127.0.0.1:$PORT" -- "$queries")
c1=$(cpu)
echo "$out"
reqs=$(echo "$out" | awk '/^requests /{print $2}' | tr -d ,)
tck=$(getconf CLK_TCK)
# CPU the server spent per request: on a shared machine this, not wall latency, says what an idle 2-core box would do.
echo "server CPU: $(( (c1 - c0) * 1000 / tck )) ms for $reqs requests = $(awk -v c=$((c1 - c0)) -v t=$tck -v r=$reqs 'BEGIN{printf "%.2f", c*1000/t/r}') CPU-ms per request; load after: $(cut -d' ' -f1-3 /proc/loadavg)"

#!/usr/bin/env bash
# Load benchmark of the EDC API: CLIENTS concurrent clients on loopback write lab CRF records through
# POST /api/v1/subjects/:id/records for SECONDS seconds, against the embedded engine (PGlite in the
# server process) and against the PostgreSQL server; beside it, pgbench's raw INSERT rate (one jsonb row
# per transaction, same client count) on the same server, as the ceiling the database alone allows.
# Every write through the API is a full EDC save: session lookup, zod validation, one audited
# transaction (trigger: who/why, hash chain), live clinical logic (CTCAE grade) and edit checks.
# The load client is Node (load.mjs, about a millisecond of CPU per request, taken from the same cores as the
# server) and then, when installed, wrk with load.lua (a few microseconds per request); each run has its own
# server, which reports its CPU per write on stderr.
# Needs a build (npx tsc -p tsconfig.json; BUILD=<dir> for another output folder) and, for the second
# half, PostgreSQL at DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test) and pgbench.
# WORKERS=<n> (default 1): the PostgreSQL server as n processes (trialkit serve --workers n); the embedded
# store is one process always.
# RUNS="<store>:<client> ..." (default: all four, embedded:node postgres:node embedded:wrk postgres:wrk): the
# runs to make, e.g. RUNS=postgres:wrk for the PostgreSQL/wrk line alone (pgbench runs after them always).
# WARMUP=<seconds> (default 5; 0 for none): each server first takes the same load for this long, not counted
# (its first second compiles code and opens the pool's connections: latencies of hundreds of ms that a
# server running for hours does not have); the line shows the warm-up's rate and p99 before the measured run's.
# Usage: [WORKERS=n] [RUNS=...] [WARMUP=s] bash bench/server/run.sh [CLIENTS=8] [SECONDS=15]
set -euo pipefail
cd "$(dirname "$0")/../.."
CLIENTS="${1:-8}"
SECONDS_RUN="${2:-15}"
BUILD="${BUILD:-dist}"
WORKERS="${WORKERS:-1}"
WARMUP="${WARMUP:-5}"
DATABASE_URL="${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/test}"
export DATABASE_URL
OUT="bench/out/server"
mkdir -p "$OUT"
[ "$CLIENTS" -ge 1 ] && [ "$CLIENTS" -le 256 ] && [ "$SECONDS_RUN" -ge 1 ] && [ "$SECONDS_RUN" -le 600 ] && [ "$WARMUP" -ge 0 ] && [ "$WARMUP" -le 600 ] || { echo "CLIENTS 1-256, SECONDS 1-600, WARMUP 0-600" >&2; exit 2; }

# load <node|wrk> <url> <subjects> <seconds>: one JSON line
load() {
  if [ "$1" = node ]; then
    node bench/server/load.mjs "$2" "$3" "$4"
  else
    SUBJECTS="$3" COOKIE="$cookie" wrk -t2 -c"$CLIENTS" -d"${4}s" --timeout 30s -s bench/server/load.lua "$2" | tail -1
  fi
}

run_engine() {
  local engine="$1" client="$2" fifo="$OUT/server-$1.fifo" line url subjects pid cookie
  rm -f "$fifo"; mkfifo "$fifo"
  local workers=1
  [ "$engine" = postgres ] && workers="$WORKERS"
  TRIALKIT_BENCH_WORKERS="$workers" node bench/server/server.mjs "$engine" "$CLIENTS" "$BUILD" > "$fifo" &
  pid=$!
  exec 3< "$fifo"
  if ! read -r -t 60 line <&3; then echo "$engine: server did not start" >&2; kill "$pid"; exit 1; fi
  url=$(echo "$line" | cut -d' ' -f2); subjects=$(echo "$line" | cut -d' ' -f3)
  [ "$client" = wrk ] && cookie=$(curl -s -o /dev/null -D - -H 'content-type: application/json' -d '{"userId":"demo-investigator","password":"trialkit-demo-password"}' "$url/api/v1/auth/login" | grep -i '^set-cookie:' | sed -E 's/^[^:]*: *([^;]*).*/\1/')
  if [ "$WARMUP" -gt 0 ]; then
    # the same load, not counted: the server's first second (compiling, opening connections) is not its steady state
    load "$client" "$url" "$subjects" "$WARMUP" > "$OUT/warmup-$engine-$client.json"
    printf '(warm-up %s s: %s writes/s, p99 %s ms) ' "$WARMUP" "$(grep -Eo '"writesPerSecond":[0-9.]+' "$OUT/warmup-$engine-$client.json" | cut -d: -f2)" "$(grep -Eo '"p99Ms":[0-9.]+' "$OUT/warmup-$engine-$client.json" | cut -d: -f2)"
    kill -USR2 "$pid"
    if ! read -r -t 60 line <&3 || [ "$line" != MEASURING ]; then echo "$engine: server did not take the baseline" >&2; kill "$pid"; exit 1; fi
  fi
  if [ "$client" = node ]; then
    load node "$url" "$subjects" "$SECONDS_RUN" | tee "$OUT/api-$engine.json"
  else
    load wrk "$url" "$subjects" "$SECONDS_RUN" | tee "$OUT/api-$engine-wrk.json"
  fi
  kill -TERM "$pid"; wait "$pid" || true
  exec 3<&-; rm -f "$fifo"
}

echo "API writes, $CLIENTS clients, ${SECONDS_RUN} s after a ${WARMUP} s warm-up, build $BUILD, PostgreSQL server processes $WORKERS; load client: Node (load.mjs), then wrk (load.lua) when installed"
RUNS="${RUNS:-embedded:node postgres:node embedded:wrk postgres:wrk}"
for run in $RUNS; do
  engine="${run%%:*}"; client="${run##*:}"
  [ "$engine" = embedded ] && label='embedded (PGlite)' || label='PostgreSQL,       '
  [ "$client" = node ] && printf '%s, Node client: ' "$label" || printf '%s, wrk client : ' "$label"
  if [ "$client" = wrk ] && ! command -v wrk > /dev/null; then
    echo "wrk: not installed (apt-get install wrk); the lighter load client was not run"
    continue
  fi
  run_engine "$engine" "$client"
done

if ! command -v pgbench > /dev/null; then
  echo "pgbench: not installed (apt-get install postgresql-client); raw INSERT rate not measured"
  exit 0
fi
TABLE="bench_pgbench_$$"
psql -q "$DATABASE_URL" -c "CREATE TABLE $TABLE (id bigserial PRIMARY KEY, subject_id text NOT NULL, form_type text NOT NULL, data jsonb NOT NULL, created_at timestamptz NOT NULL DEFAULT now())"
trap 'psql -q "$DATABASE_URL" -c "DROP TABLE IF EXISTS $TABLE" > /dev/null' EXIT
rm -f "$OUT"/pgbench_log.*
( cd "$OUT" && pgbench -n -c "$CLIENTS" -j 2 -T "$SECONDS_RUN" -D tbl="$TABLE" -f ../../server/insert.sql -l --log-prefix=pgbench_log "$DATABASE_URL" ) > "$OUT/pgbench.txt" 2>&1
tps=$(grep -Eo 'tps = [0-9.]+' "$OUT/pgbench.txt" | head -1 | cut -d' ' -f3)
# per-transaction log: field 3 is the latency in microseconds
read -r p50 p99 max < <(cat "$OUT"/pgbench_log.* | awk '{ print $3 / 1000 }' | sort -g | awk '{ a[NR] = $1 } END { printf "%.2f %.2f %.2f\n", a[int(NR * 0.5) + 1], a[int(NR * 0.99) + 1], a[NR] }')
echo "pgbench raw INSERT: {\"clients\":$CLIENTS,\"seconds\":$SECONDS_RUN,\"tps\":$tps,\"p50Ms\":$p50,\"p99Ms\":$p99,\"maxMs\":$max}" | tee "$OUT/pgbench.json"

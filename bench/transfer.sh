#!/usr/bin/env bash
# Import and export throughput. Generates a file of QUOTES quotes (default 1,000,000) with their speakers (one per ten
# quotes) and sources (one per ten quotes), then on a private PostgreSQL of its own:
#   1. imports it into an empty database with the command line,           2. exports that database,
#   3. imports the export into another empty database and exports again: the two exports must be the same bytes,
#   4. imports the file through the API (POST /v1/import) and exports through it (GET /v1/export).
# The cluster lives in bench/.data/transfer (git-ignored), is started here and stopped at the end. PostgreSQL gets
# settings for this machine (24 GB: shared_buffers 4GB, max_wal_size 16GB); TRANSFER_PG_DEFAULTS=1 keeps its defaults.
# TRANSFER_FLOOR=1 adds what inserting the same quotes by plain SQL costs (bench/transfer/floor.sql, ~3 minutes at 1M).
# Results go to bench/results/transfer-QUOTES[-defaults].txt. Usage: bench/transfer.sh [quotes]
set -euo pipefail
cd "$(dirname "$0")/.."

quotes=${1:-1000000}
port=${TRANSFER_PG_PORT:-55433}
api_port=${TRANSFER_API_PORT:-5198}
data=$PWD/bench/.data/transfer
cluster=$data/cluster
files=$data/files
defaults=; [[ ${TRANSFER_PG_DEFAULTS:-0} == 1 ]] && defaults=-defaults
results=bench/results/transfer-$quotes$defaults.txt
pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[[ -x $pg_bin/initdb ]] || { echo "PostgreSQL's server binaries were not found under /usr/lib/postgresql" >&2; exit 1; }
mkdir -p "$files" bench/results

# PostgreSQL refuses to run as root; as root, the cluster belongs to the postgres user.
as_postgres() { if [[ $EUID -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi; }

if [[ ! -f $cluster/PG_VERSION ]]; then
    mkdir -p "$cluster"
    head -c 18 /dev/urandom | base64 | tr -d '/+=' > "$data/password"
    [[ $EUID -eq 0 ]] && chown -R postgres: "$data"
    as_postgres "$pg_bin/initdb" -D "$cluster" -U postgres --pwfile "$data/password" --auth=scram-sha-256 \
        --encoding=UTF8 --locale=C.UTF-8 >/dev/null
fi
settings="-p $port -c listen_addresses=127.0.0.1 -c unix_socket_directories=''"
[[ ${TRANSFER_PG_DEFAULTS:-0} == 1 ]] || settings+=" -c shared_buffers=4GB -c max_wal_size=16GB -c checkpoint_timeout=30min"
# A cluster left running by an interrupted run is restarted, so that it has this run's settings.
as_postgres "$pg_bin/pg_ctl" -D "$cluster" status >/dev/null && as_postgres "$pg_bin/pg_ctl" -D "$cluster" -m fast -w stop >/dev/null
as_postgres "$pg_bin/pg_ctl" -D "$cluster" -l "$data/server.log" -o "$settings" -w start >/dev/null

api=
stop_all() {
    [[ -n $api ]] && { kill -TERM "$api" 2>/dev/null || true; wait "$api" 2>/dev/null || true; }
    as_postgres "$pg_bin/pg_ctl" -D "$cluster" -m fast -w stop >/dev/null || true
}
trap stop_all EXIT

export PGPASSWORD; PGPASSWORD=$(cat "$data/password")
connection() { echo "Host=127.0.0.1;Port=$port;Username=postgres;Password=$PGPASSWORD;Database=$1"; }
# Each step starts after a checkpoint, so that it does not pay for writing out the pages the step before it dirtied.
fresh_database() { PGOPTIONS='-c client_min_messages=warning' psql -h 127.0.0.1 -p "$port" -U postgres -q -c "DROP DATABASE IF EXISTS $1 WITH (FORCE)" -c "CREATE DATABASE $1" -c CHECKPOINT; }
claims() { # database, command, arguments: the API's command line, built in Release, timed with its peak memory
    ConnectionStrings__Claims=$(connection "$1") ASPNETCORE_ENVIRONMENT=Production \
        /usr/bin/time -f "  peak memory %M KB, %e s" dotnet src/Claims.Api/bin/Release/net10.0/Claims.Api.dll "${@:2}"
}
seconds() { grep -oE '(Imported|records) in [0-9.,]+ s' | grep -oE '[0-9.,]+ s$' | tr -d ', s'; }
rate() { awk -v n="$1" -v s="$2" 'BEGIN { printf "%d/s", n / s }'; }

dotnet build -c Release src/Claims.Api -v quiet -nologo
file=$files/generated-$quotes.ndjson
[[ -f $file ]] || python3 bench/transfer/generate.py "$quotes" "$file"
lines=$(wc -l < "$file")

exec > >(tee "$results") 2>&1
{
    echo "Import and export of $quotes quotes with $((quotes / 10)) speakers and $((quotes / 10)) sources ($lines records, $(du -m "$file" | cut -f1) MB)"
    echo "PostgreSQL: $("$pg_bin/postgres" --version); $([[ ${TRANSFER_PG_DEFAULTS:-0} == 1 ]] && echo "default settings" || echo "shared_buffers=4GB max_wal_size=16GB checkpoint_timeout=30min")"
    echo "Load average at the start: $(cut -d' ' -f1-3 /proc/loadavg)"

    fresh_database transfer_cli
    claims transfer_cli migrate >/dev/null 2>&1
    out=$(claims transfer_cli import "$file" 2>&1)
    s=$(seconds <<< "$out")
    echo "1. import (command line):    $s s, $(rate "$quotes" "$s") quotes, $(rate "$lines" "$s") records"
    grep 'peak memory' <<< "$out"

    out=$(claims transfer_cli export "$files/export-1.ndjson" 2>&1)
    s=$(seconds <<< "$out")
    records=$(wc -l < "$files/export-1.ndjson")
    echo "2. export (command line):    $s s, $(rate "$records" "$s") records, $(du -m "$files/export-1.ndjson" | cut -f1) MB"
    grep 'peak memory' <<< "$out"

    fresh_database transfer_round_trip
    claims transfer_round_trip migrate >/dev/null 2>&1
    out=$(claims transfer_round_trip import "$files/export-1.ndjson" 2>&1)
    s=$(seconds <<< "$out")
    echo "3. import of the export:     $s s, $(rate "$quotes" "$s") quotes, $(rate "$records" "$s") records"
    claims transfer_round_trip export "$files/export-2.ndjson" >/dev/null 2>&1
    cmp -s "$files/export-1.ndjson" "$files/export-2.ndjson" && echo "   round trip: the second export is the same bytes" \
        || { echo "   round trip: THE EXPORTS DIFFER"; exit 1; }

    # The API migrates and seeds the empty database at start-up; the import then meets six seed speakers and two sources.
    fresh_database transfer_http
    ConnectionStrings__Claims=$(connection transfer_http) ApiKeys__0=bench-transfer-key ASPNETCORE_ENVIRONMENT=Production \
        dotnet src/Claims.Api/bin/Release/net10.0/Claims.Api.dll --urls "http://127.0.0.1:$api_port" > "$data/api.log" 2>&1 &
    api=$!
    for _ in $(seq 60); do curl -fs "http://127.0.0.1:$api_port/health/ready" >/dev/null && break; sleep 1; done
    s=$(curl -fsS -o "$data/report.json" -w '%{time_total}' -X POST -T "$file" "http://127.0.0.1:$api_port/v1/import" \
        -H 'Authorization: Bearer bench-transfer-key' -H 'Content-Type: application/x-ndjson')
    echo "4. import (POST /v1/import): $s s, $(rate "$quotes" "$s") quotes; report: $(tr -d '\n' < "$data/report.json" | cut -c1-120)…"
    read -r size s < <(curl -fsS -o /dev/null -w '%{size_download} %{time_total}\n' "http://127.0.0.1:$api_port/v1/export")
    echo "   export (GET /v1/export):  $s s, $((size / 1024 / 1024)) MB, $(rate "$((size / 1024 / 1024))" "$s") MB"
    echo "   API peak memory: $(ps -o rss= -p "$api" | awk '{ printf "%d KB now", $1 }'), $(grep VmHWM /proc/"$api"/status | awk '{ print $2 " KB peak" }')"

    if [[ ${TRANSFER_FLOOR:-0} == 1 ]]; then
        echo "5. the floor: the same quotes inserted again by plain SQL (bench/transfer/floor.sql)"
        psql -h 127.0.0.1 -p "$port" -U postgres -d transfer_cli -q -f bench/transfer/floor.sql 2>&1 \
            | grep -E '^-- |^Time: [0-9]{2,}|^(ALTER TABLE|CREATE INDEX|INSERT INTO)' | cut -c1-120 | sed 's/^/   /'
    fi
    echo "Load average at the end: $(cut -d' ' -f1-3 /proc/loadavg) (2 cores; other work on the machine slows every step)"
}

#!/usr/bin/env bash
# The extraction endpoints and the articles import, end to end: a fresh database on the bench's private PostgreSQL
# (migrated and seeded by the API at start-up), the API in Release on it, extraction-endpoint against the API, then
# extraction-import into the same database; then the API and PostgreSQL are stopped. Output goes to bench/results/.
# Usage: bench/extraction.sh [articles to import, default 1000]; BENCH_PORT sets the API's port.
set -euo pipefail
cd "$(dirname "$0")/.."

articles=${1:-1000}
port=${BENCH_PORT:-5199}
results=bench/results
cluster=bench/.data/postgres/cluster
database=claims_extraction
mkdir -p "$results"

dotnet build -c Release bench/Claims.Bench -v quiet -nologo
bench() { dotnet bench/Claims.Bench/bin/Release/net10.0/Claims.Bench.dll "$@"; }

api=
stop_all() {
    if [[ -n $api ]]; then kill -TERM -- "-$api" 2>/dev/null || true; wait "$api" 2>/dev/null || true; fi
    [[ -f $cluster/postmaster.pid ]] && kill -INT "$(head -1 "$cluster/postmaster.pid")" # PostgreSQL's fast shutdown
    return 0
}
trap stop_all EXIT

connection=$(bench up --database "$database" --fresh yes)
ConnectionStrings__Claims=$connection ApiKeys__0=bench-key ASPNETCORE_ENVIRONMENT=Production \
    setsid dotnet run -c Release --no-build --no-launch-profile --project src/Claims.Api -- --urls "http://127.0.0.1:$port" \
    >"$results/api-extraction.log" 2>&1 &
api=$!
for _ in $(seq 120); do
    curl -fs "http://127.0.0.1:$port/health/ready" >/dev/null && break
    kill -0 "$api" 2>/dev/null || { echo "The API exited; see $results/api-extraction.log" >&2; exit 1; }
    sleep 1
done

bench extraction-endpoint --url "http://127.0.0.1:$port" --key bench-key | tee "$results/extraction-endpoint.txt"
bench extraction-import --connection "$connection" --articles "$articles" | tee "$results/extraction-import.txt"

#!/usr/bin/env bash
# The scale benchmark in one go. For each size (in quotes; default 10000, then 1000000): generate the database on the
# bench's private PostgreSQL, serve it with the API in Release, measure the read paths, stop the API. Then stop PostgreSQL.
# Output goes to bench/results/ (git-ignored). Usage: bench/run.sh [quotes ...]; BENCH_PORT sets the API's port.
set -euo pipefail
cd "$(dirname "$0")/.."

sizes=("$@")
[[ ${#sizes[@]} -gt 0 ]] || sizes=(10000 1000000)
port=${BENCH_PORT:-5199}
results=bench/results
cluster=bench/.data/postgres/cluster
mkdir -p "$results"

# One build of both: the database must be migrated with exactly the migrations the API embeds (checksums must match).
dotnet build -c Release bench/Claims.Bench -v quiet -nologo
bench() { dotnet bench/Claims.Bench/bin/Release/net10.0/Claims.Bench.dll "$@"; }

api=
stop_api() {
    [[ -n $api ]] || return 0
    kill -TERM -- "-$api" 2>/dev/null || true # the API runs in its own process group: dotnet run and the app it started
    wait "$api" 2>/dev/null || true
    api=
}
stop_all() {
    stop_api
    [[ -f $cluster/postmaster.pid ]] && kill -INT "$(head -1 "$cluster/postmaster.pid")" # PostgreSQL's fast shutdown
    return 0
}
trap stop_all EXIT

wait_until_ready() {
    for _ in $(seq 120); do
        curl -fs "http://127.0.0.1:$port/health/ready" >/dev/null && return 0
        kill -0 "$api" 2>/dev/null || { echo "The API exited; see $1" >&2; return 1; }
        sleep 1
    done
    echo "The API was not ready after 120 s; see $1" >&2
    return 1
}

for quotes in "${sizes[@]}"; do
    database=claims_$quotes
    connection=$(bench up --database "$database") # starts the cluster once; generate and load reuse it
    bench generate --quotes "$quotes" --database "$database" | tee "$results/generate-$quotes.txt"

    # Production: no Development-only settings or logging in the measured process. The key is for feedlag's writes.
    ConnectionStrings__Claims=$connection ApiKeys__0=bench-key ASPNETCORE_ENVIRONMENT=Production \
        setsid dotnet run -c Release --no-build --no-launch-profile --project src/Claims.Api -- --urls "http://127.0.0.1:$port" \
        >"$results/api-$quotes.log" 2>&1 &
    api=$!
    wait_until_ready "$results/api-$quotes.log"
    bench load --url "http://127.0.0.1:$port" --database "$database" | tee "$results/load-$quotes.txt"
    bench load --url "http://127.0.0.1:$port" --database "$database" --concurrency 1 --requests 1000 | tee "$results/load-$quotes-c1.txt"
    bench feedlag --url "http://127.0.0.1:$port" --key bench-key | tee "$results/feedlag-$quotes.txt"
    stop_api
done

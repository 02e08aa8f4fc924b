#!/usr/bin/env bash
# Claims side by side with PostGraphile 4 (on the same database) and with pgbench running the exact statements Claims
# sends, for quotes by speaker, claim detail and search. For each size (in quotes; default 10000, then 1000000):
# generate the database, capture Claims' SQL with its values from an API whose
# connections log every statement, then serve the database with the API in Release and with PostGraphile, and run
# `compare`: alternating rounds, ratios. PostGraphile is installed from npm into bench/.postgraphile (git-ignored).
# Output in bench/results/compare-<size>.txt. Usage: bench/compare.sh [quotes ...]; COMPARE_ROUNDS (3), COMPARE_REQUESTS
# (2000), COMPARE_API_PORT (5291; the capture API and PostGraphile take the next two ports).
set -euo pipefail
cd "$(dirname "$0")/.."

sizes=("$@")
[[ ${#sizes[@]} -gt 0 ]] || sizes=(10000 1000000)
results=bench/results
cluster=bench/.data/postgres/cluster
postgraphile=bench/.postgraphile
api_port=${COMPARE_API_PORT:-5291} capture_port=$((api_port + 1)) graphql_port=$((api_port + 2))
mkdir -p "$results"

if [[ ! -x $postgraphile/node_modules/.bin/postgraphile ]]; then
    mkdir -p "$postgraphile"
    (cd "$postgraphile" && npm install --no-audit --no-fund --loglevel=error postgraphile@4)
fi
dotnet build -c Release bench/Claims.Bench -v quiet -nologo
bench() { dotnet bench/Claims.Bench/bin/Release/net10.0/Claims.Bench.dll "$@"; }

pids=()
stop_servers() {
    for pid in "${pids[@]}"; do kill -TERM -- "-$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
    pids=()
}
stop_all() {
    stop_servers
    [[ -f $cluster/postmaster.pid ]] && kill -INT "$(head -1 "$cluster/postmaster.pid")" # PostgreSQL's fast shutdown
    return 0
}
trap stop_all EXIT

free_port() {
    ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null || { echo "Port $1 is taken; set COMPARE_API_PORT" >&2; exit 1; }
}

wait_for() { # url log [curl options]
    for _ in $(seq 180); do
        curl -fs -o /dev/null "${@:3}" "$1" && return 0
        sleep 1
    done
    echo "Not ready after 180 s: $1; see $2" >&2
    return 1
}

# The API as run.sh serves it, without claim embeddings (neither PostGraphile nor pgbench spends the CPU on them).
start_api() { # connection port log
    free_port "$2"
    ConnectionStrings__Claims=$1 ApiKeys__0=bench-key ASPNETCORE_ENVIRONMENT=Production Matching__Semantic=false \
        setsid dotnet run -c Release --no-build --no-launch-profile --project src/Claims.Api -- --urls "http://127.0.0.1:$2" >"$3" 2>&1 &
    pids+=($!)
    wait_for "http://127.0.0.1:$2/health/ready" "$3"
}

for quotes in "${sizes[@]}"; do
    database=claims_$quotes
    bench up --database "$database" >/dev/null # the cluster stays up for the servers below
    bench generate --quotes "$quotes" --database "$database" | tee "$results/generate-$quotes.txt"
    connection=$(bench up --database "$database")

    start_api "$connection;Options=-c log_min_duration_statement=0" "$capture_port" "$results/compare-capture-$quotes.log"
    bench capture-sql --url "http://127.0.0.1:$capture_port" --database "$database" --out "$results/sql-$quotes"
    stop_servers

    url=$(bench postgraphile-schema --database "$database")
    start_api "$connection" "$api_port" "$results/compare-api-$quotes.log"
    free_port "$graphql_port"
    PGPASSWORD=$(cat bench/.data/postgres/password) setsid node "$postgraphile/node_modules/postgraphile/cli.js" -c "$url" --host 127.0.0.1 --port "$graphql_port" \
        --cluster-workers 2 --disable-query-log --disable-graphiql --disable-default-mutations --no-setof-functions-contain-nulls \
        >"$results/compare-postgraphile-$quotes.log" 2>&1 &
    pids+=($!)
    wait_for "http://127.0.0.1:$graphql_port/graphql" "$results/compare-postgraphile-$quotes.log" \
        -H 'Content-Type: application/json' -d '{"query": "{ __typename }"}'
    bench compare --url "http://127.0.0.1:$api_port" --graphql "http://127.0.0.1:$graphql_port" --database "$database" \
        --scripts "$results/sql-$quotes" --rounds "${COMPARE_ROUNDS:-3}" --requests "${COMPARE_REQUESTS:-2000}" \
        | tee "$results/compare-$quotes.txt"
    stop_servers
done

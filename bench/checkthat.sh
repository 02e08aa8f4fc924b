#!/usr/bin/env bash
# Claim matching on the CheckThat! 2022 Task 2B data (bench/README.md, "Claim matching").
#
#   bench/checkthat.sh            the pool (19,250 PolitiFact fact-checks) imported through the API into the bench
#                                 cluster's database "checkthat" (kept between runs: the import and the embeddings are
#                                 paid once), then every query of $CHECKTHAT_SPLITS (train,dev,test) matched through
#                                 POST /v1/claims/matches and scored
#   bench/checkthat.sh tune       the same, then the in-process sweep of the ranking's numbers on train and dev
#   bench/checkthat.sh slowdown   the pool imported in ten requests into a fresh database, with sentence embeddings
#                                 off and on by turns, three times each (embedding in the background meanwhile)
set -euo pipefail
cd "$(dirname "$0")/.."
data=${CHECKTHAT_DATA:-$(cd ../shared/data/checkthat2022-task2b-politifact 2>/dev/null && pwd || echo /work/shared/data/checkthat2022-task2b-politifact)}
port=${CHECKTHAT_PORT:-5197}
bench="dotnet run -c Release --no-build --project bench/Claims.Bench --"
mkdir -p bench/.data

dotnet build -c Release bench/Claims.Bench >/dev/null

api=
start_api() { # database, semantic
  local connection
  connection=$($bench up --database "$1" ${3:+--fresh yes})
  ConnectionStrings__Claims="$connection" ApiKeys__0=bench-key Matching__Semantic="$2" ASPNETCORE_URLS="http://127.0.0.1:$port" \
    dotnet src/Claims.Api/bin/Release/net10.0/Claims.Api.dll --contentRoot "$PWD/src/Claims.Api" >"bench/.data/checkthat-api.log" 2>&1 &
  api=$!
  until curl -sf "http://127.0.0.1:$port/health" >/dev/null; do sleep 1; done
}
stop_api() { kill "$api" 2>/dev/null || true; wait "$api" 2>/dev/null || true; api=; }
memory() { awk '/VmRSS/ {printf "%.0f MB", $2 / 1024}' "/proc/$api/status"; }
trap stop_api EXIT

if [ "${1:-}" = slowdown ]; then
  for semantic in false true false true false true; do
    start_api checkthat_import "$semantic" fresh
    echo "Matching:Semantic=$semantic"
    $bench checkthat --url "http://127.0.0.1:$port" --data "$data" --key bench-key --parts 10 --evaluate no
    stop_api
  done
  exit 0
fi

start_api checkthat true
echo "API memory at start-up: $(memory)" >&2
$bench checkthat --url "http://127.0.0.1:$port" --data "$data" --key bench-key --splits "${CHECKTHAT_SPLITS:-train,dev,test}"
echo "API memory after the queries: $(memory)" >&2
stop_api
if [ "${1:-}" = tune ]; then $bench checkthat-tune --data "$data"; fi

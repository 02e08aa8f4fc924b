#!/usr/bin/env bash
# The CheckThat! 2022 Task 2B evaluation of claim matching: the pool (19,250 PolitiFact fact-checks) imported through
# the API into the bench cluster's database "checkthat" (kept between runs, so the import and the embeddings are paid
# once), then every train, dev and test query matched through POST /v1/claims/matches. bench/checkthat.sh tune adds the
# in-process sweep of the ranking's numbers on train and dev.
set -euo pipefail
cd "$(dirname "$0")/.."
data=${CHECKTHAT_DATA:-$(cd ../shared/data/checkthat2022-task2b-politifact 2>/dev/null && pwd || echo /work/shared/data/checkthat2022-task2b-politifact)}
port=${CHECKTHAT_PORT:-5197}
bench="dotnet run -c Release --no-build --project bench/Claims.Bench --"

dotnet build -c Release bench/Claims.Bench >/dev/null
connection=$($bench up --database checkthat)
ConnectionStrings__Claims="$connection" ApiKeys__0=bench-key ASPNETCORE_URLS="http://127.0.0.1:$port" \
  dotnet run -c Release --no-build --no-launch-profile --project src/Claims.Api >bench/.data/checkthat-api.log 2>&1 &
api=$!
trap 'kill $api 2>/dev/null || true' EXIT
until curl -sf "http://127.0.0.1:$port/health" >/dev/null; do sleep 1; done
echo "API memory at start-up: $(ps -o rss= -p "$(pgrep -P $api -f Claims.Api || echo $api)" | awk '{printf "%.0f MB", $1/1024}')" >&2
$bench checkthat --url "http://127.0.0.1:$port" --data "$data" --key bench-key --splits "${CHECKTHAT_SPLITS:-train,dev,test}"
echo "API memory after: $(ps -o rss= -p "$(pgrep -P $api -f Claims.Api || echo $api)" | awk '{printf "%.0f MB", $1/1024}')" >&2
if [ "${1:-}" = tune ]; then $bench checkthat-tune --data "$data"; fi

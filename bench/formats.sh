#!/usr/bin/env bash
# The field's data sets imported from a clean database with the command line, each into a database of its own on the
# bench's private PostgreSQL: LIAR (the three TSVs), the QT30 AIF nodesets, and the Google Fact Check API sample. Each is
# then imported a second time, which must change nothing. Reports wall time, records a second and peak memory.
# Output goes to bench/results/formats.txt. Usage: bench/formats.sh [data folder, default ../shared/data]
set -euo pipefail
cd "$(dirname "$0")/.."

data=${1:-../shared/data}
results=bench/results
cluster=bench/.data/postgres/cluster
mkdir -p "$results"

dotnet build -c Release bench/Claims.Bench -v quiet -nologo
bench() { dotnet bench/Claims.Bench/bin/Release/net10.0/Claims.Bench.dll "$@"; }
stop_cluster() { [[ -f $cluster/postmaster.pid ]] && kill -INT "$(head -1 "$cluster/postmaster.pid")"; return 0; }
trap stop_cluster EXIT

# The report's table rows are "type created updated unchanged"; the sum of a column over the types.
column_total() { awk -v c="$1" 'NF == 4 && $2 ~ /^[0-9,]+$/ { gsub(",", "", $c); n += $c } END { print n + 0 }'; }

import() { # name, format, path
    local connection out wall memory seconds created records
    connection=$(bench up --database "formats_$1" --fresh yes)
    run() {
        ConnectionStrings__Claims=$connection ASPNETCORE_ENVIRONMENT=Production /usr/bin/time -f "%e s %M KB" \
            dotnet src/Claims.Api/bin/Release/net10.0/Claims.Api.dll import --format "$2" "$3" 2>&1
    }
    ConnectionStrings__Claims=$connection ASPNETCORE_ENVIRONMENT=Production \
        dotnet src/Claims.Api/bin/Release/net10.0/Claims.Api.dll migrate >/dev/null
    out=$(run "$@")
    grep -v '^  ' <<< "$out" | sed 's/^/    /' # the report without its list of skipped input
    read -r wall _ memory _ < <(tail -1 <<< "$out")
    seconds=$(grep -oE 'records in [0-9.]+ s' <<< "$out" | grep -oE '[0-9.]+ s$' | tr -d ' s')
    created=$(column_total 2 <<< "$out")
    records=$((created + $(column_total 3 <<< "$out") + $(column_total 4 <<< "$out")))
    printf '%-10s %6s s wall (import %s s), %6s records created, %s records/s of import, peak memory %s MB\n' \
        "$1" "$wall" "$seconds" "$created" "$(awk -v n="$created" -v s="$seconds" 'BEGIN { printf "%d", n / s }')" "$((memory / 1024))"
    out=$(run "$@")
    read -r wall _ < <(tail -1 <<< "$out")
    printf '%-10s %6s s wall again: %s of %s records unchanged\n' "$1" "$wall" "$(column_total 4 <<< "$out")" "$records"
}

exec > >(tee "$results/formats.txt") 2>&1
echo "Imports of the field's data sets from $data, $(date -u +%F), $(nproc) cores"
import liar liar "$data/liar"
import qt30 aif "$data/qt30-aif/nodesets"
import factcheck factcheck "$data/factcheck-claimreview-api"

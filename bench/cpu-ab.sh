#!/usr/bin/env bash
# CPU per request of two or more API builds (or settings), side by side on one database.
#
#   bench/cpu-ab.sh --db FILE [--rounds 3] [--seconds 6] [--shapes "list-default article-detail"] NAME=DIR[:VAR=V,VAR=V] ...
#
# Each NAME=DIR is a folder holding a Release-built NewsApi.Api.dll (e.g. a copy of
# src/Api/bin/Release/net10.0 taken before a change), optionally with environment variables for it
# (base=/tmp/base new=src/Api/bin/Release/net10.0 nopgo=src/Api/bin/Release/net10.0:DOTNET_TieredPGO=0).
# All APIs start at once and build their list index; every shape is warmed up on each; then, per
# round and shape, each API in turn gets one wrk run. The figure is the API's utime+stime over the
# run divided by the requests wrk counted: a ratio that stays comparable when the machine's speed
# changes from minute to minute, which throughput does not. Prints one line per run and a table of
# medians; the raw lines go to results/api-cpu-<utc time>.txt.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

db= rounds=3 seconds=6 shapes="list-default article-detail"
while [[ $# -gt 0 && $1 == --* ]]; do
  case $1 in
    --db) db=$2; shift 2 ;;
    --rounds) rounds=$2; shift 2 ;;
    --seconds) seconds=$2; shift 2 ;;
    --shapes) shapes=$2; shift 2 ;;
    *) die "unknown option $1" ;;
  esac
done
[[ -f $db && $# -ge 1 ]] || die "usage: $0 --db FILE [--rounds R] [--seconds S] [--shapes \"...\"] NAME=DIR[:VAR=V,...] ..."
command -v wrk >/dev/null || die "wrk is not installed (apt-get install -y wrk)"

work=$(mktemp -d /tmp/newsapi-cpu-ab.XXXXXX)
declare -A pid port
names=()
cleanup() {
  local name
  for name in "${names[@]}"; do kill "${pid[$name]}" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

for spec in "$@"; do
  name=${spec%%=*} rest=${spec#*=}
  dir=${rest%%:*} vars=()
  [[ $rest == *:* ]] && IFS=, read -r -a vars <<<"${rest#*:}"
  [[ -f $dir/NewsApi.Api.dll ]] || die "$dir has no NewsApi.Api.dll"
  port[$name]=$(free_port)
  start_api "$db" "${port[$name]}" "$work/$name.log" "$dir/NewsApi.Api.dll" "${vars[@]}"
  pid[$name]=$API_PID
  names+=("$name")
done

export_lists "$db" "$work/lists"
export BENCH_LISTS=$work/lists
for name in "${names[@]}"; do
  log "$name: list index ready after $(wait_for_list_index "$work/$name.log" 900) s"
  log "$name: list file ready after $(wait_for_list_file "$work/$name.log" 120) more s (120: this build writes none)"
  for shape in $shapes; do
    SHAPE=$shape wrk -t2 -c32 -d4s -s "$BENCH_DIR/wrk/shapes.lua" "http://127.0.0.1:${port[$name]}" >/dev/null 2>&1
  done
done

out=$RESULTS/api-cpu-$(date -u +%Y%m%dT%H%M%SZ).txt
{ machine_info; echo "rounds=$rounds seconds=$seconds shapes=$shapes apis=$*"; } >"$out"
for round in $(seq 1 "$rounds"); do
  for shape in $shapes; do
    for name in "${names[@]}"; do
      before=$(awk '{print $14 + $15}' "/proc/${pid[$name]}/stat")
      result=$(SHAPE=$shape wrk -t2 -c32 -d"${seconds}s" -s "$BENCH_DIR/wrk/shapes.lua" "http://127.0.0.1:${port[$name]}" 2>&1 | grep '^RESULT')
      after=$(awk '{print $14 + $15}' "/proc/${pid[$name]}/stat")
      requests=$(sed 's/.*requests=\([0-9]*\).*/\1/' <<<"$result")
      cpu=$(awk -v t=$((after - before)) -v hz="$(getconf CLK_TCK)" -v n="$requests" 'BEGIN {printf "%.3f", t * 1000 / hz / n}')
      echo "round=$round shape=$shape api=$name cpu_ms=$cpu rss_mib=$(rss_mib "${pid[$name]}") ${result#RESULT }" | tee -a "$out"
    done
  done
done

echo | tee -a "$out"
echo "median CPU ms per request:" | tee -a "$out"
for shape in $shapes; do
  line="$shape"
  for name in "${names[@]}"; do
    line+="  $name $(grep " shape=$shape api=$name " "$out" | sed 's/.*cpu_ms=\([0-9.]*\).*/\1/' | median)"
  done
  echo "$line" | tee -a "$out"
done
log "raw output: $out"

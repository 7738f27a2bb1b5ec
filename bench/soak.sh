#!/usr/bin/env bash
# Soak: mixed wrk traffic (every query shape, drawn per request) against the Release-built API for
# --minutes, while the ingest re-runs every --every seconds over the same corpus with 1% of the
# files changed each time. Reports wrk's errors (non-2xx, socket errors, timeouts), every ingest's
# summary and duration, and the API's resident memory sampled every 10 s.
#
#   bench/soak.sh [--count N (100000)] [--seed S (42)] [--minutes 10] [--every 60]
#                 [--connections 32] [--threads 2] [--timeout 10s] [--no-build]
#
# Writes bench/results/soak-<utc time>-n<N>.txt. Needs wrk, sqlite3 and curl.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

count=100000 seed=42 minutes=10 every=60 connections=32 threads=2 timeout=10s build=1
while [[ $# -gt 0 ]]; do
  case $1 in
    --count) count=$2; shift 2 ;;
    --seed) seed=$2; shift 2 ;;
    --minutes) minutes=$2; shift 2 ;;
    --every) every=$2; shift 2 ;;
    --connections) connections=$2; shift 2 ;;
    --threads) threads=$2; shift 2 ;;
    --timeout) timeout=$2; shift 2 ;;
    --no-build) build=0; shift ;;
    -h|--help) awk 'NR > 1 && /^#/ {sub(/^# ?/, ""); print; next} NR > 1 {exit}' "$0"; exit 0 ;;
    *) die "unknown argument $1 (see --help)" ;;
  esac
done
command -v wrk >/dev/null || die "wrk is not installed (apt-get install -y wrk)"

tmp=$(mktemp -d /tmp/newsapi-soak.XXXXXX)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  stop_api
  rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

if [[ $build == 1 ]]; then
  log "building Release: src/Api src/Ingest tools/CorpusGenerator"
  build_release src/Api src/Ingest tools/CorpusGenerator
fi

corpus=$tmp/corpus db=$tmp/news.db
log "generating $count bench articles (seed $seed) and ingesting them"
generate_corpus "$corpus" "$count" "$seed"
dotnet "$INGEST_DLL" "$corpus" --db "$db" >"$tmp/ingest-0.log" 2>&1 || { tail -20 "$tmp/ingest-0.log" >&2; die "first ingest failed"; }
export_lists "$db" "$tmp/lists"
mapfile -t changed < <(find "$corpus" -name '*.md' | sort | awk 'NR % 100 == 0')

port=$(free_port)
start_api "$db" "$port" "$tmp/api.log"
url=http://127.0.0.1:$port
log "API pid $API_PID on $url; soak of $minutes min, ingest every $every s"

mkdir -p "$RESULTS"
stamp=$(date -u +%Y%m%dT%H%M%SZ)
out=$RESULTS/soak-$stamp-n$count.txt
{
  echo "# bench/soak.sh $stamp"
  machine_info
  echo "corpus: $count bench articles (seed $seed); ${#changed[@]} files changed before each re-ingest"
  echo "wrk: -t$threads -c$connections -d${minutes}m --timeout $timeout, shape mixed"
  echo
} >"$out"

# Memory every 10 s, for the whole soak.
(
  start=$SECONDS
  while kill -0 "$API_PID" 2>/dev/null; do
    echo "RSS t=$((SECONDS - start))s mib=$(rss_mib "$API_PID")"
    sleep 10
  done
) >"$tmp/rss.txt" &
pids+=($!)

SHAPE=mixed BENCH_LISTS=$tmp/lists BENCH_SEED=$seed \
  wrk -t"$threads" -c"$connections" -d"${minutes}m" --timeout "$timeout" --latency -s "$BENCH_DIR/wrk/shapes.lua" "$url" >"$tmp/wrk.txt" 2>&1 &
wrk_pid=$!
pids+=("$wrk_pid")

# The ingest, every $every s while wrk runs: each pass rewrites the heat line of 1% of the files.
pass=0
ingest_failures=0
while sleep "$every"; kill -0 "$wrk_pid" 2>/dev/null; do
  pass=$((pass + 1))
  for f in "${changed[@]}"; do
    sed -i -E "s/^heat: .*/heat: $((7000 + pass))/" "$f"
  done
  began=$(date +%s.%N)
  if dotnet "$INGEST_DLL" "$corpus" --db "$db" >"$tmp/ingest.log" 2>&1; then status=ok; else status="failed"; ingest_failures=$((ingest_failures + 1)); fi
  took=$(awk -v a="$began" -v b="$(date +%s.%N)" 'BEGIN {printf "%.1f", b - a}')
  echo "INGEST pass=$pass status=$status seconds=$took $(tail -1 "$tmp/ingest.log")" | tee -a "$tmp/ingests.txt" >&2
done
wait "$wrk_pid" || true

{
  echo "## wrk"
  cat "$tmp/wrk.txt"
  echo
  echo "## ingests"
  cat "$tmp/ingests.txt" 2>/dev/null || true
  echo
  echo "## memory"
  cat "$tmp/rss.txt"
  echo
  # What the API rebuilt as the content changed: each list index, then its list file (or none, when
  # the content moved on while it was written).
  echo "## list index and list file"
  grep -E 'Article list (index read|file written)|failed' "$tmp/api.log" | sed -E 's/^ +//' || true
} >>"$out"

errors=$(grep -oE 'Non-2xx or 3xx responses: [0-9]+' "$tmp/wrk.txt" | grep -oE '[0-9]+$' || echo 0)
socket=$(grep -oE 'Socket errors: .*' "$tmp/wrk.txt" || echo "Socket errors: none")
rss=$(sed -E 's/.*mib=//' "$tmp/rss.txt" | grep -v '^-$')
first_minute=$(head -6 <<<"$rss" | sort -g | tail -1)
last_minute=$(tail -6 <<<"$rss" | sort -g | tail -1)
summary="SOAK minutes=$minutes requests=$(grep -oE '^ *[0-9]+ requests' "$tmp/wrk.txt" | tr -dc 0-9) non2xx=$errors ($socket) ingests=$pass ingest_failures=$ingest_failures rss_max_first_minute_mib=$first_minute rss_max_last_minute_mib=$last_minute rss_peak_mib=$(sort -g <<<"$rss" | tail -1)"
echo "$summary" >>"$out"
echo "$summary"
log "raw output: $out"
[[ $errors == 0 && $ingest_failures == 0 && $socket == "Socket errors: none" ]]

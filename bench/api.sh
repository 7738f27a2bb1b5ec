#!/usr/bin/env bash
# API load benchmark: wrk per query shape against the Release-built API on 127.0.0.1, each request
# drawn from a large space of distinct URLs (bench/wrk/shapes.lua), plus the constant-bytes
# reference (/bench/reference) that every figure is also given as a ratio of.
#
#   bench/api.sh [--count N (100000)] [--seed S (42)] [--db FILE] [--rebuild]
#                [--threads 2] [--connections 32] [--duration 20s] [--timeout 10s] [--warmup 3s]
#                [--runs 1] [--shapes "reference list-default ..."] [--no-build]
#   bench/api.sh --table bench/results/api-<...>.txt     (the table again, from a raw file)
#
# Without --db it uses /tmp/newsapi-bench/api-n<N>-s<S>-<schema>.db, generating N bench articles
# into a temp folder and ingesting them first if that file is missing (--rebuild forces it).
# Writes bench/results/api-<utc time>-n<N>.txt: machine, parameters, the raw wrk output of every
# run and the table (medians over --runs). Needs wrk, sqlite3 and curl.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

# api_table <raw file>: the results table from the RESULT, METRICS and RSS lines of an api.sh raw
# file (`bench/api.sh --table FILE` prints it again from any raw file).
# Medians over the runs; errors summed over the runs; ratio = the shape's median req/s over the
# reference's. wrk keeps no latency for a request slower than --timeout (it counts it as a
# timeout), so p50 / p99 are shown as "> timeout" when more than half / more than 1% of the
# requests timed out.
api_table() {
  local raw=$1 shape rows ref_rps limit
  limit=$(sed -nE 's/^wrk: .*--timeout ([^ ]+).*/\1/p' "$raw" | head -1)
  ref_rps=$({ grep '^RESULT shape=reference ' "$raw" || true; } | sed -E 's/.* rps=([^ ]+).*/\1/' | median)
  printf '| shape | req/s | p50 ms | p99 ms | errors (timeouts) | ratio to reference | distinct URLs sent | URL space | peak RSS MiB | busy after s |\n'
  printf '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n'
  for shape in $(grep '^RESULT ' "$raw" | sed -E 's/.* shape=([^ ]+).*/\1/' | awk '!seen[$0]++'); do
    rows=$(grep "^RESULT shape=$shape " "$raw" | awk '{
        for (i = 2; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] }
        n = v["requests"] + 0; t = v["timeout"] + 0
        p50 = (n == 0 || t > 0.5 * n) ? 1e12 : v["p50_ms"]
        p99 = (n == 0 || t > 0.01 * n) ? 1e12 : v["p99_ms"]
        printf "%s\t%s\t%s\t%d\t%d\t%s\t%s\n", v["rps"], p50, p99, v["non2xx"] + v["connect"] + v["read"] + v["write"] + t, t, v["distinct_urls"], v["url_space"]
      }')
    local rps p50 p99 errors timeouts distinct space peak busy ratio
    rps=$(cut -f1 <<<"$rows" | median)
    p50=$(cut -f2 <<<"$rows" | median | awk -v l="$limit" '{if ($1 >= 1e12) print "> " l; else printf "%.1f", $1}')
    p99=$(cut -f3 <<<"$rows" | median | awk -v l="$limit" '{if ($1 >= 1e12) print "> " l; else printf "%.1f", $1}')
    errors=$(cut -f4 <<<"$rows" | awk '{s += $1} END {print s}')
    timeouts=$(cut -f5 <<<"$rows" | awk '{s += $1} END {print s}')
    distinct=$(cut -f6 <<<"$rows" | median)
    space=$(cut -f7 <<<"$rows" | head -1)
    peak=$({ grep "^METRICS .* shape=$shape " "$raw" || true; } | sed -E 's/.* peak_rss_mib=([^ ]+).*/\1/' | sort -g | tail -1)
    busy=$({ grep "^METRICS .* shape=$shape " "$raw" || true; } | sed -E 's/.* busy_after_s=([^ ]+).*/\1/' | median)
    ratio=$(awk -v a="$rps" -v b="$ref_rps" 'BEGIN {if (b > 0) printf "%.4f", a / b; else print "-"}')
    printf '| %s | %s | %s | %s | %s (%s) | %s | %s | %s | %s | %s |\n' "$shape" "$(awk -v r="$rps" 'BEGIN {printf (r < 10 ? "%.1f" : "%.0f"), r}')" "$p50" "$p99" "$errors" "$timeouts" "$ratio" "$distinct" "$space" "${peak:--}" "${busy:--}"
  done
  echo
  sed -nE 's/^RSS start_mib=([^ ]+) after_warmup_mib=([^ ]+) peak_mib=([^ ]+) end_mib=([^ ]+)$/API VmRSS MiB: at start \1, after warm-up \2, peak under load \3, 5 s after the last run \4/p' "$raw"
}

table_only= count=100000 seed=42 db= rebuild=0 threads=2 connections=32 duration=20s timeout=10s warmup=3s runs=1 build=1
shapes="reference list-default list-filters list-sorts list-deep list-q topic-articles provider-articles article-detail article-related providers topics"
while [[ $# -gt 0 ]]; do
  case $1 in
    --count) count=$2; shift 2 ;;
    --seed) seed=$2; shift 2 ;;
    --db) db=$2; shift 2 ;;
    --rebuild) rebuild=1; shift ;;
    --threads) threads=$2; shift 2 ;;
    --connections) connections=$2; shift 2 ;;
    --duration) duration=$2; shift 2 ;;
    --timeout) timeout=$2; shift 2 ;;
    --warmup) warmup=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    --shapes) shapes=$2; shift 2 ;;
    --no-build) build=0; shift ;;
    --table) table_only=$2; shift 2 ;;
    -h|--help) awk 'NR > 1 && /^#/ {sub(/^# ?/, ""); print; next} NR > 1 {exit}' "$0"; exit 0 ;;
    *) die "unknown argument $1 (see --help)" ;;
  esac
done
if [[ -n $table_only ]]; then
  api_table "$table_only"
  exit 0
fi
command -v wrk >/dev/null || die "wrk is not installed (apt-get install -y wrk)"
command -v curl >/dev/null || die "curl is not installed"
[[ " $shapes " == *" reference "* ]] || shapes="reference $shapes"

tmp=$(mktemp -d /tmp/newsapi-api-bench.XXXXXX)
sampler=
cleanup() {
  [[ -n $sampler ]] && kill "$sampler" 2>/dev/null && wait "$sampler" 2>/dev/null
  stop_api
  rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

if [[ $build == 1 ]]; then
  log "building Release: src/Api src/Ingest tools/CorpusGenerator"
  build_release src/Api src/Ingest tools/CorpusGenerator
fi

if [[ -z $db ]]; then
  mkdir -p /tmp/newsapi-bench
  db=$(bench_db "$count" "$seed")
  if [[ $rebuild == 1 || ! -f $db ]]; then
    rm -f "$db" "$db-wal" "$db-shm"
    log "generating $count bench articles (seed $seed) and ingesting them into $db"
    generate_corpus "$tmp/corpus" "$count" "$seed"
    dotnet "$INGEST_DLL" "$tmp/corpus" --db "$db" >"$tmp/ingest.log" 2>&1 || { tail -20 "$tmp/ingest.log" >&2; die "ingest failed"; }
    tail -1 "$tmp/ingest.log" >&2
    rm -rf "$tmp/corpus"
  else
    log "reusing $db (--rebuild to make it anew)"
  fi
fi
[[ -f $db ]] || die "no database at $db"

export_lists "$db" "$tmp/lists"
published=$(cut -f1 "$tmp/lists/meta.txt")
log "$published published articles; $(wc -l <"$tmp/lists/topics.txt") topics, $(wc -l <"$tmp/lists/providers.txt") providers"

port=$(free_port)
# BENCH_API_ENV: more VAR=value settings for the API, space-separated (ceiling.sh names its list file so).
# shellcheck disable=SC2086
start_api "$db" "$port" "$tmp/api.log" "$API_DLL" ${BENCH_API_ENV:-}
url=http://127.0.0.1:$port
log "API pid $API_PID on $url"
rss_start=$(rss_mib "$API_PID")
log "list index ready after $(wait_for_list_index "$tmp/api.log" 900) s"
if [[ " ${BENCH_API_ENV:-} " != *" NewsApi__ListFile__Enabled=false "* ]]; then
  log "list file ready after $(wait_for_list_file "$tmp/api.log" 900) more s"
fi

mkdir -p "$RESULTS"
stamp=$(date -u +%Y%m%dT%H%M%SZ)
out=$RESULTS/api-$stamp-n$count.txt
{
  echo "# bench/api.sh $stamp"
  machine_info
  echo "database: $db ($published published articles, $(du -h "$db" | cut -f1))"
  echo "wrk: -t$threads -c$connections -d$duration --timeout $timeout --latency; warm-up $warmup per shape; runs $runs"
  echo "shapes: $shapes"
  echo
} >"$out"

export BENCH_LISTS=$tmp/lists BENCH_SEED=$seed

# Samples the API's VmRSS once a second into $1 until killed.
sample_rss() {
  while kill -0 "$API_PID" 2>/dev/null; do
    rss_mib "$API_PID" >>"$1"
    echo >>"$1"
    sleep 1
  done
}

run_wrk() { # shape duration seed-offset
  SHAPE=$1 BENCH_SEED=$((seed + $3)) wrk -t"$threads" -c"$connections" -d"$2" --timeout "$timeout" --latency -s "$BENCH_DIR/wrk/shapes.lua" "$url"
}

log "warm-up: $warmup per shape"
for shape in $shapes; do
  run_wrk "$shape" "$warmup" 1000 >"$tmp/warmup-$shape.txt" 2>&1 || true
  drained=$(wait_idle "$API_PID" 300)
  if ((drained > 2)); then log "warm-up $shape: the API worked $drained s after wrk stopped"; fi
done
rss_warm=$(rss_mib "$API_PID")

: >"$tmp/results.tsv"
for run in $(seq 1 "$runs"); do
  for shape in $shapes; do
    cached=$(cache_file "$db")
    : >"$tmp/rss-run.txt"
    sample_rss "$tmp/rss-run.txt" &
    sampler=$!
    run_wrk "$shape" "$duration" "$run" >"$tmp/wrk.txt" 2>&1 || true
    # The server may still be working off requests wrk abandoned: wait before the next shape, and report it.
    drain=$(wait_idle "$API_PID" 300)
    kill "$sampler" 2>/dev/null; wait "$sampler" 2>/dev/null || true
    sampler=
    # A sample cut off mid-line must not join the next run's first one (a peak of "256256" once).
    { cat "$tmp/rss-run.txt"; echo; } >>"$tmp/rss-all.txt"
    peak=$(grep -v '^$' "$tmp/rss-run.txt" | sort -g | tail -1)
    line=$(grep '^RESULT ' "$tmp/wrk.txt" | tail -1 || true)
    {
      echo "## run $run: $shape (load average $(cut -d' ' -f1-3 /proc/loadavg))"
      cat "$tmp/wrk.txt"
      echo "METRICS run=$run shape=$shape peak_rss_mib=${peak:--} busy_after_s=$drain rss_now_mib=$(rss_mib "$API_PID") db_cached_before_pct=$cached db_cached_after_pct=$(resident_pct "$db")"
      # Every tenth second's sample, so a long run shows whether the RSS stays flat.
      echo "RSS_TRACE run=$run shape=$shape every_10s_mib=$(grep -v '^$' "$tmp/rss-run.txt" | awk 'NR % 10 == 1' | paste -sd, -)"
      echo
    } >>"$out"
    if [[ -z $line ]]; then
      log "run $run $shape: no RESULT line (see $out)"
      continue
    fi
    log "run $run $shape: $(cut -d' ' -f3,5,6,8,10,11,15 <<<"$line") busy-after=${drain}s peak-rss=${peak}MiB"
  done
done
sleep 5
rss_end=$(rss_mib "$API_PID")
rss_peak=$(grep -v '^$' "$tmp/rss-all.txt" 2>/dev/null | sort -g | tail -1)
echo "RSS start_mib=$rss_start after_warmup_mib=$rss_warm peak_mib=${rss_peak:--} end_mib=$rss_end" >>"$out"

table=$(api_table "$out")
{
  echo "## table"
  echo "$table"
} >>"$out"
echo "$table"
log "raw output and table: $out"

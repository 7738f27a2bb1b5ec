#!/usr/bin/env bash
# CI guard for bench/: runs every benchmark's code at a tiny size and asserts correctness only
# (no timing is judged). Seconds, not minutes, once built:
#   300 generated articles -> ingest -> API on 127.0.0.1 -> check-bodies (every answer checked
#   against the database) -> wrk 2 s on six shapes, ceiling.sh's four with its table added
#   (skipped if wrk or sqlite3 is missing; must give responses and no errors) -> BenchmarkDotNet
#   microbenchmarks in --tiny mode -> API stopped.
#
#   bench/smoke.sh [--no-build]
#
# Exits non-zero on any failure; leaves no process running and removes its temp folder.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

build=1
[[ ${1:-} == --no-build ]] && build=0

tmp=$(mktemp -d /tmp/newsapi-bench-smoke.XXXXXX)
cleanup() {
  stop_api
  rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
started=$SECONDS

if [[ $build == 1 ]]; then
  log "smoke: building Release (src/Api src/Ingest tools/CorpusGenerator bench/CheckBodies bench/Microbenchmarks)"
  build_release src/Api src/Ingest tools/CorpusGenerator bench/CheckBodies bench/Microbenchmarks
fi

log "smoke: 300 articles, ingest"
generate_corpus "$tmp/corpus" 300 7 >/dev/null 2>&1 || die "the corpus generator failed"
dotnet "$INGEST_DLL" "$tmp/corpus" --db "$tmp/news.db" >"$tmp/ingest.log" 2>&1 || { cat "$tmp/ingest.log" >&2; die "ingest failed"; }
grep -qE '^added 300, ' "$tmp/ingest.log" || { cat "$tmp/ingest.log" >&2; die "ingest did not add the 300 articles"; }

port=$(free_port)
# The flat list file is written later (ceiling.sh's table first); the API opens it at its first use.
start_api "$tmp/news.db" "$port" "$tmp/api.log" "$API_DLL" "NewsApi__BenchListFile=$tmp/news.db.list-items"
url=http://127.0.0.1:$port
# Plain list pages come from the list file once it is written: check-bodies then checks those too.
log "smoke: API pid $API_PID on $url; list file after $(wait_for_list_file "$tmp/api.log" 60) s; check-bodies"
grep -q 'Article list file written' "$tmp/api.log" || { cat "$tmp/api.log" >&2; die "the API wrote no list file"; }
dotnet "$CHECK_DLL" --url "$url" --db "$tmp/news.db" --requests 300 --seed 1 >"$tmp/check.log" 2>&1 || { cat "$tmp/check.log" >&2; die "check-bodies found mismatches"; }
tail -1 "$tmp/check.log" >&2

if command -v wrk >/dev/null && command -v sqlite3 >/dev/null; then
  export_lists "$tmp/news.db" "$tmp/lists"
  # ceiling.sh's table and file: their pages must be the list's pages (same ids, same order).
  add_bench_list_items "$tmp/news.db" >/dev/null
  ids() { curl -fsS "$url$1" | grep -oE '"id":"[^"]*"' | tr '\n' ' '; }
  export_bench_list_file "$tmp/news.db" "$tmp/news.db.list-items"
  listed=$(ids '/api/articles?page=2&pageSize=7')
  for yardstick in /api/bench/clustered /bench/file; do
    [[ -n $listed && $(ids "$yardstick?page=2&pageSize=7") == "$listed" ]] || die "$yardstick's page 2 is not /api/articles' page 2"
  done
  for shape in reference list-default list-filters ceiling-pipeline ceiling-clustered ceiling-file ceiling-file-versioned; do
    SHAPE=$shape BENCH_LISTS=$tmp/lists wrk -t1 -c4 -d2s --timeout 5s -s "$BENCH_DIR/wrk/shapes.lua" "$url" >"$tmp/wrk.txt" 2>&1 || { cat "$tmp/wrk.txt" >&2; die "wrk failed on $shape"; }
    line=$(grep '^RESULT ' "$tmp/wrk.txt" || true)
    [[ -n $line ]] || { cat "$tmp/wrk.txt" >&2; die "wrk printed no RESULT line for $shape"; }
    awk '{for (i = 2; i <= NF; i++) {split($i, kv, "="); v[kv[1]] = kv[2]}
          exit !(v["requests"] > 0 && v["non2xx"] + v["connect"] + v["read"] + v["write"] + v["timeout"] == 0)}' <<<"$line" \
      || die "wrk $shape: no responses or errors: $line"
    log "smoke: wrk $shape ok ($(cut -d' ' -f3,5 <<<"$line"))"
  done
else
  log "smoke: wrk or sqlite3 not installed; skipping the 2-second wrk pass (apt-get install -y wrk sqlite3)"
fi
stop_api

log "smoke: microbenchmarks --tiny"
(cd "$tmp" && NEWSAPI_BENCH_DB=$tmp/news.db dotnet "$MICRO_DLL" --tiny --artifacts "$tmp/bdn" >"$tmp/micro.log" 2>&1) || { tail -40 "$tmp/micro.log" >&2; die "microbenchmarks failed"; }
log "smoke: ok in $((SECONDS - started)) s"

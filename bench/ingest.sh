#!/usr/bin/env bash
# Ingest benchmark of the published ingest (self-contained, composite ReadyToRun; not `dotnet run`), under /usr/bin/time -v:
#   full      every article into a fresh database
#   unchanged the same files again (nothing to write)
#   1% change the `heat:` line of every 100th file rewritten, then ingested again
# printing wall time, articles/s and peak RSS per phase; --runs R repeats the three phases (each
# run with a fresh database) and adds a table of medians.
#
#   bench/ingest.sh [N (100000)] [--runs R (1)] [--seed S (42)] [--no-build] [--keep-db FILE]
#
# The corpus is generated into a temp folder (never into the repository) and removed at the end.
# Raw output is appended to bench/results/ingest-<utc time>-n<N>.txt.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

count=100000 runs=1 seed=42 build=1 keep_db=
while [[ $# -gt 0 ]]; do
  case $1 in
    --runs) runs=$2; shift 2 ;;
    --seed) seed=$2; shift 2 ;;
    --no-build) build=0; shift ;;
    --keep-db) keep_db=$2; shift 2 ;;
    -h|--help) awk 'NR > 1 && /^#/ {sub(/^# ?/, ""); print; next} NR > 1 {exit}' "$0"; exit 0 ;;
    [0-9]*) count=$1; shift ;;
    *) die "unknown argument $1 (see --help)" ;;
  esac
done
[[ -x /usr/bin/time ]] || die "/usr/bin/time is missing (apt-get install -y time)"

tmp=$(mktemp -d /tmp/newsapi-ingest-bench.XXXXXX)
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM

if [[ $build == 1 ]]; then
  log "building Release: tools/CorpusGenerator; publishing src/Ingest (composite ReadyToRun, ~2 min)"
  build_release tools/CorpusGenerator
  publish_ingest
fi

mkdir -p "$RESULTS"
stamp=$(date -u +%Y%m%dT%H%M%SZ)
out=$RESULTS/ingest-$stamp-n$count.txt
{
  echo "# bench/ingest.sh $count --runs $runs --seed $seed ($stamp)"
  machine_info
  echo
} >"$out"

log "generating $count bench articles (seed $seed) into $tmp/corpus"
generate_corpus "$tmp/corpus" "$count" "$seed" 2>&1 | tee -a "$out" >&2
corpus=$tmp/corpus
files=$(find "$corpus" -name '*.md' | wc -l)
db=$tmp/news.db

# phase <run> <name> <expected summary regexp>: one timed ingest; appends "run name seconds rss_mib summary" to rows.
phase() {
  local run=$1 name=$2 expect=$3 rc=0
  /usr/bin/time -v -o "$tmp/time.txt" "$INGEST_PUBLISHED" "$corpus" --db "$db" >"$tmp/stdout.txt" 2>"$tmp/stderr.txt" || rc=$?
  local summary seconds rss
  summary=$(grep -E '^added [0-9]+' "$tmp/stdout.txt" | tail -1 || true)
  seconds=$(awk -F': ' '/Elapsed \(wall clock\)/ {n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s}' "$tmp/time.txt")
  rss=$(awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2 / 1024}' "$tmp/time.txt")
  {
    echo "## run $run: $name (exit $rc)"
    echo "stdout (last line): $(tail -1 "$tmp/stdout.txt")"
    echo "stderr lines: $(wc -l <"$tmp/stderr.txt")$( [[ -s $tmp/stderr.txt ]] && echo "; first: $(head -c 300 "$tmp/stderr.txt" | head -1)")"
    cat "$tmp/time.txt"
    echo "database: $(du -h "$db" | cut -f1)"
    echo
  } >>"$out"
  [[ $rc == 0 ]] || { tail -5 "$tmp/stderr.txt" >&2; die "ingest ($name) exited $rc; see $out"; }
  [[ $summary =~ $expect ]] || die "ingest ($name) summary '$summary' does not match /$expect/"
  printf '%s\t%s\t%s\t%s\t%s\n' "$run" "$name" "$seconds" "$rss" "$summary" >>"$tmp/rows.tsv"
  log "run $run $name: ${seconds}s, $(awk -v n="$files" -v s="$seconds" 'BEGIN {printf "%.0f", n / s}') files/s, peak RSS ${rss} MiB; $summary"
}

# Every 100th file (in path order) gets a new heat value: a real content change the ingest must store.
mapfile -t changed < <(find "$corpus" -name '*.md' | sort | awk 'NR % 100 == 0')
: >"$tmp/rows.tsv"
for run in $(seq 1 "$runs"); do
  rm -f "$db" "$db-wal" "$db-shm"
  phase "$run" full "^added $files, updated 0, unchanged 0"
  phase "$run" unchanged "^added 0, updated 0, unchanged $files"
  # heat 9000 + run differs from whatever the previous run left: each run changes the same 1%.
  for f in "${changed[@]}"; do
    sed -i -E "s/^heat: .*/heat: $((9000 + run))/" "$f"
  done
  phase "$run" "1% changed" "^added 0, updated ${#changed[@]}, unchanged $((files - ${#changed[@]}))"
done
if [[ -n $keep_db ]]; then
  cp "$db" "$keep_db"
  log "kept the database as $keep_db"
fi

table=$(
  echo "ingest of $files bench articles (${#changed[@]} changed in the third phase); medians over $runs run(s)"
  printf '| phase | wall s | articles/s | peak RSS MiB |\n|---|---:|---:|---:|\n'
  for name in full unchanged "1% changed"; do
    rows=$(awk -F'\t' -v n="$name" '$2 == n' "$tmp/rows.tsv")
    seconds=$(cut -f3 <<<"$rows" | median)
    rss=$(cut -f4 <<<"$rows" | median)
    printf '| %s | %.2f | %.0f | %s |\n' "$name" "$seconds" "$(awk -v n="$files" -v s="$seconds" 'BEGIN {print n / s}')" "$rss"
  done
)
{
  echo "## table"
  echo "$table"
  echo
  echo "## rows: run phase seconds peak-rss-mib summary"
  cat "$tmp/rows.tsv"
} >>"$out"
echo "$table"
log "raw output: $out"

#!/usr/bin/env bash
# What any design of the random-page list could reach on this machine: api.sh on a copy of a
# database to which add_bench_list_items (lib.sh) adds every published article's list item as JSON,
# stored in the default order (and export_bench_list_file writes them to a flat file), with the shapes
#   reference          constant bytes, no database (the usual yardstick);
#   ceiling-pipeline   list-default's URLs through the /api pipeline (read gate, snapshot, content
#                      version, ETag), answered with the reference's bytes: the cost of reading the
#                      database consistently at all;
#   ceiling-clustered  the same, reading the page as one range of the rendered items: a list with
#                      no per-row work left (no scattered rows, no objects, no serializing);
#   ceiling-file       the same items from a flat file (one per line, in the default order), one
#                      positioned read per page, outside the /api pipeline: no gate, no snapshot,
#                      no SQLite, as a list served from immutable per-version files would be;
#   ceiling-file-versioned  the same, after reading the content version on a kept-open native
#                      connection (SqliteContentVersionProbe) and sending it as the ETag, as such
#                      a list must on every request;
#   list-default       the product's own list, for comparison.
#
#   bench/ceiling.sh [--count N (1000000)] [--seed S (42)] [--db FILE] [api.sh options ...]
#
# Without --db it copies api.sh's database of that corpus (run api.sh --count N first). The copy
# lives in a temp folder next to the original (it is as large) and is removed at the end.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

count=1000000 seed=42 db= pass=()
while [[ $# -gt 0 ]]; do
  case $1 in
    --count) count=$2; shift 2 ;;
    --seed) seed=$2; shift 2 ;;
    --db) db=$2; shift 2 ;;
    -h|--help) awk 'NR > 1 && /^#/ {sub(/^# ?/, ""); print; next} NR > 1 {exit}' "$0"; exit 0 ;;
    *) pass+=("$1"); shift ;;
  esac
done
[[ -n $db ]] || db=$(bench_db "$count" "$seed")
[[ -f $db ]] || die "no database at $db (bench/api.sh --count $count makes it)"
command -v sqlite3 >/dev/null || die "sqlite3 is not installed (apt-get install -y sqlite3)"

tmp=$(mktemp -d "$(dirname "$db")/newsapi-ceiling.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM
copy=$tmp/$(basename "$db")
log "copying $db and adding BenchListItems"
sqlite3 "$db" "PRAGMA wal_checkpoint(TRUNCATE);" >/dev/null
cp "$db" "$copy"
add_bench_list_items "$copy" >/dev/null
export_bench_list_file "$copy" "$copy.list-items"
log "$(sqlite3 -readonly "$copy" "SELECT count(*) || ' items, ' || CAST(avg(length(j)) AS INT) || ' bytes each on average' FROM BenchListItems;")"
BENCH_API_ENV="NewsApi__BenchListFile=$copy.list-items" "$BENCH_DIR"/api.sh --db "$copy" --count "$count" --seed "$seed" \
  --shapes "reference ceiling-pipeline ceiling-clustered ceiling-file ceiling-file-versioned list-default" "${pass[@]}"

#!/usr/bin/env bash
# Full ingests of two or more published ingest builds (or settings), alternated on one corpus.
#
#   bench/ingest-ab.sh [N (100000)] [--rounds 3] [--seed S (42)] NAME=DIR[:VAR=V,VAR=V] ...
#
# Each NAME=DIR is a folder holding a published NewsApi.Ingest (e.g. a copy of
# src/Ingest/bin/Release/net10.0/linux-x64/publish taken before a change, see lib.sh's
# publish_ingest), optionally with environment variables for it
# (base=/tmp/ingest-base new=/tmp/ingest-new nc=/tmp/ingest-new:DOTNET_gcConcurrent=0).
# Per round, each build in turn loads the corpus into a fresh database under /usr/bin/time: builds
# run minutes apart would see a machine whose speed changes by ±15% from one minute to the next.
# Prints one line per run and a table of medians; the raw lines go to results/ingest-ab-<utc time>-n<N>.txt.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

count=100000 rounds=3 seed=42
while [[ $# -gt 0 && ($1 == --* || $1 == [0-9]*) ]]; do
  case $1 in
    --rounds) rounds=$2; shift 2 ;;
    --seed) seed=$2; shift 2 ;;
    --*) die "unknown option $1" ;;
    *) count=$1; shift ;;
  esac
done
[[ $# -ge 1 ]] || die "usage: $0 [N] [--rounds R] [--seed S] NAME=DIR[:VAR=V,...] ..."
[[ -x /usr/bin/time ]] || die "/usr/bin/time is missing (apt-get install -y time)"

work=$(mktemp -d /tmp/newsapi-ingest-ab.XXXXXX)
trap 'rm -rf "$work"' EXIT
trap 'exit 130' INT TERM
build_release tools/CorpusGenerator
generate_corpus "$work/corpus" "$count" "$seed"

out=$RESULTS/ingest-ab-$(date -u +%Y%m%dT%H%M%SZ)-n$count.txt
mkdir -p "$RESULTS"
machine_info >"$out"
declare -A walls users rss
for round in $(seq 1 "$rounds"); do
  for spec in "$@"; do
    name=${spec%%=*} rest=${spec#*=}
    dir=${rest%%:*} vars=()
    [[ $rest == *:* ]] && IFS=, read -r -a vars <<<"${rest#*:}"
    [[ -x $dir/NewsApi.Ingest ]] || die "$dir has no published NewsApi.Ingest"
    rm -f "$work"/news.db*
    env "${vars[@]}" /usr/bin/time -f "%e %U %S %M" -o "$work/time" \
      "$dir/NewsApi.Ingest" "$work/corpus" --db "$work/news.db" >"$work/out" 2>&1 ||
      die "$name failed: $(tail -3 "$work/out")"
    grep -q "^added $count," "$work/out" || die "$name did not add $count articles: $(tail -1 "$work/out")"
    read -r wall user sys peak <"$work/time"
    line=$(printf '%-12s round %s: %6.2f s wall, %6.2f s user, %5.2f s sys, peak RSS %d MiB' \
      "$name" "$round" "$wall" "$user" "$sys" $((peak / 1024)))
    log "$line"
    echo "$line" >>"$out"
    walls[$name]+="$wall " users[$name]+="$user " rss[$name]+="$((peak / 1024)) "
  done
done

{
  echo "full ingest of $count bench articles, medians over $rounds round(s)"
  echo "| build | wall s | articles/s | user s | peak RSS MiB |"
  echo "|---|---:|---:|---:|---:|"
  for spec in "$@"; do
    name=${spec%%=*}
    wall=$(printf '%s\n' ${walls[$name]} | median)
    printf '| %s | %s | %.0f | %s | %s |\n' "$name" "$wall" "$(echo "$count / $wall" | bc -l)" \
      "$(printf '%s\n' ${users[$name]} | median)" "$(printf '%s\n' ${rss[$name]} | median)"
  done
} | tee -a "$out"
log "raw output: $out"

#!/usr/bin/env bash
# Correctness pass for the load test (wrk does not look at bodies): a few hundred requests of the
# same shapes as bench/wrk/shapes.lua, each answer checked for status 200 (404 where due), valid
# JSON, the paged shape, items <= pageSize, totalCount and the page's ids in order against plain
# SQL on the database file (q: a word match in C#), and the list/detail fields (bench/CheckBodies).
#
#   bench/check-bodies.sh <db file> [--url http://127.0.0.1:PORT] [--requests N (300)] [--seed S (1)] [--no-build] [--verbose]
#
# Without --url it starts the Release-built API on the database on a free 127.0.0.1 port and stops
# it afterwards. Exit 0 when every answer is as expected, 1 on mismatches (each printed).
set -euo pipefail
source "$(dirname "$0")/lib.sh"

db= url= build=1 args=()
while [[ $# -gt 0 ]]; do
  case $1 in
    --url) url=$2; shift 2 ;;
    --requests|--seed) args+=("$1" "$2"); shift 2 ;;
    --verbose) args+=("$1"); shift ;;
    --no-build) build=0; shift ;;
    -h|--help) awk 'NR > 1 && /^#/ {sub(/^# ?/, ""); print; next} NR > 1 {exit}' "$0"; exit 0 ;;
    -*) die "unknown argument $1 (see --help)" ;;
    *) db=$1; shift ;;
  esac
done
[[ -n $db && -f $db ]] || die "usage: bench/check-bodies.sh <db file> [--url URL] [--requests N] [--seed S]"

if [[ $build == 1 ]]; then
  log "building Release: bench/CheckBodies, and src/Api unless --url is given"
  build_release bench/CheckBodies
  if [[ -z $url ]]; then build_release src/Api; fi
fi

tmp=$(mktemp -d /tmp/newsapi-check-bodies.XXXXXX)
trap 'stop_api; rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM
if [[ -z $url ]]; then
  port=$(free_port)
  start_api "$db" "$port" "$tmp/api.log"
  url=http://127.0.0.1:$port
fi
dotnet "$CHECK_DLL" --url "$url" --db "$db" "${args[@]}"

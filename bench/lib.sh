# Shared by the bench/ scripts; source it, don't run it.
# Paths: BENCH_DIR (this folder), REPO (its parent: the tree that is built and measured),
# RESULTS (bench/results, or $BENCH_RESULTS).

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(cd "$BENCH_DIR/.." && pwd)
RESULTS=${BENCH_RESULTS:-$BENCH_DIR/results}
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

API_DLL=$REPO/src/Api/bin/Release/net10.0/NewsApi.Api.dll
INGEST_DLL=$REPO/src/Ingest/bin/Release/net10.0/NewsApi.Ingest.dll
# The ingest benchmark runs the published program: self-contained, the framework and the app
# precompiled together into one ReadyToRun image, so a run pays little JIT (start-up 0.45 s, not 0.7).
INGEST_PUBLISH_DIR=$REPO/src/Ingest/bin/Release/net10.0/linux-x64/publish
INGEST_PUBLISHED=$INGEST_PUBLISH_DIR/NewsApi.Ingest
GENERATOR_DLL=$REPO/tools/CorpusGenerator/bin/Release/net10.0/NewsApi.CorpusGenerator.dll
CHECK_DLL=$BENCH_DIR/CheckBodies/bin/Release/net10.0/NewsApi.CheckBodies.dll
MICRO_DLL=$BENCH_DIR/Microbenchmarks/bin/Release/net10.0/Microbenchmarks.dll

log() { printf '[%s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
die() { log "error: $*"; exit 1; }

# Builds the given projects (paths relative to REPO) in Release, one by one; retries a build that
# failed on a file lock (someone else building the same project at the same time).
build_release() {
  local project attempt output
  for project in "$@"; do
    for attempt in 1 2 3 4 5; do
      if output=$(cd "$REPO" && dotnet build -c Release "$project" 2>&1); then
        break
      fi
      if [[ $attempt -lt 5 ]] && grep -qiE 'being used by another process|cannot access the file|lock' <<<"$output"; then
        log "build of $project hit a file lock; retrying"
        sleep $((attempt * 3))
        continue
      fi
      printf '%s\n' "$output" | grep -E 'error|Error' | head -20 >&2
      die "build of $project failed"
    done
  done
}

# publish_ingest: the ingest published into INGEST_PUBLISH_DIR, self-contained with a composite
# ReadyToRun image (one version bubble: generic code over the app's types is precompiled too).
# Takes ~2 minutes. The intermediate folder is cleared first: an earlier framework-dependent
# ReadyToRun publish leaves component images that a composite publish would mix in, and back.
publish_ingest() {
  local output
  rm -rf "$REPO/src/Ingest/obj/Release/net10.0/linux-x64" "$INGEST_PUBLISH_DIR"
  output=$(cd "$REPO" && dotnet publish src/Ingest -c Release -r linux-x64 --self-contained true \
    -p:PublishReadyToRun=true -p:PublishReadyToRunComposite=true -o "$INGEST_PUBLISH_DIR" 2>&1) ||
    { printf '%s\n' "$output" | grep -E 'error|Error' | head -20 >&2; die "ReadyToRun publish of src/Ingest failed"; }
}

# One line per fact, for the top of every results file.
machine_info() {
  echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "nproc: $(nproc)"
  echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
  echo "memory: $(free -h | awk '/^Mem:/ {print $2 " total, " $7 " available"}')"
  echo "dotnet: $(dotnet --version 2>/dev/null) (runtime $(dotnet --list-runtimes 2>/dev/null | awk '/Microsoft.NETCore.App/ {v=$2} END {print v}'))"
  echo "load average: $(cut -d" " -f1-3 /proc/loadavg)"
  if git -C "$REPO" rev-parse --git-dir >/dev/null 2>&1; then
    echo "commit: $(git -C "$REPO" rev-parse --short HEAD)$(git -C "$REPO" diff --quiet HEAD -- src tools || echo ' (src/ or tools/ with uncommitted changes)')"
  else
    echo "commit: $REPO is not a git checkout${BENCH_LABEL:+; $BENCH_LABEL}"
  fi
}

# generate_corpus <folder> <count> [seed]: the bench-profile corpus in <folder>/_news.
generate_corpus() {
  local folder=$1 count=$2 seed=${3:-42}
  dotnet "$GENERATOR_DLL" "$folder" --count "$count" --seed "$seed" --profile bench --clean >&2
}

# A free TCP port on 127.0.0.1 (from the kernel's ephemeral range, checked unused).
free_port() {
  local port
  for _ in $(seq 1 50); do
    port=$((20000 + RANDOM % 20000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return
    fi
  done
  die "no free port found"
}

API_PID=
# start_api <db file> <port> <log file> [dll] [VAR=value ...]: the Release-built API (or the given
# build), production settings, logging at Warning; the VAR=value pairs come last, so they win.
start_api() {
  local db=$1 port=$2 logfile=$3 dll=${4:-$API_DLL}
  shift $(($# < 4 ? $# : 4))
  # env, not VAR=value: a variable name with dots is not a shell assignment. env execs dotnet, so $! is the API.
  env "ConnectionStrings__News=Data Source=$db" \
    NewsApi__LoadSampleContent=false \
    NewsApi__BenchmarkReference=true \
    ASPNETCORE_ENVIRONMENT=Production \
    Logging__LogLevel__Default=Warning \
    Logging__LogLevel__Microsoft.Hosting.Lifetime=Warning \
    Logging__LogLevel__NewsApi.Api.Articles.Index.ArticleListIndexes=Information \
    Logging__LogLevel__NewsApi.Api.Articles.ListFile.ArticleListFiles=Information \
    "$@" \
    dotnet "$dll" --urls "http://127.0.0.1:$port" >"$logfile" 2>&1 &
  API_PID=$!
  local i
  for i in $(seq 1 120); do
    if curl -fsS -o /dev/null "http://127.0.0.1:$port/health" 2>/dev/null; then
      return 0
    fi
    if ! kill -0 "$API_PID" 2>/dev/null; then
      cat "$logfile" >&2
      API_PID=
      die "the API exited during start-up"
    fi
    sleep 0.5
  done
  die "the API did not answer /health within 60 s"
}

# wait_for_list_index <log file> <max seconds>: waits until the API logs that its list index is
# read (it is built in the background after start: ~1 min at 1,000,000 articles on a quiet
# machine), so that a run measures the API as it serves, not while it builds; prints the seconds waited.
wait_for_list_index() {
  wait_for_log_line "$1" 'Article list index read' "$2"
}

# wait_for_list_file <log file> <max seconds>: then waits until the API logs that it wrote the list
# file that plain pages of /api/articles are served from (~30 s after the index at 1,000,000
# articles); prints the seconds waited. With the file off, or a build without one, it never comes:
# max bounds the wait.
wait_for_list_file() {
  wait_for_log_line "$1" 'Article list file written' "$2"
}

wait_for_log_line() {
  local logfile=$1 line=$2 max=$3 waited=0
  while ((waited < max)) && ! grep -q "$line" "$logfile" 2>/dev/null; do
    sleep 1
    waited=$((waited + 1))
  done
  echo "$waited"
}

# Stops the API we started (by its PID only) and waits for it to exit.
stop_api() {
  if [[ -n ${API_PID:-} ]] && kill -0 "$API_PID" 2>/dev/null; then
    kill "$API_PID" 2>/dev/null || true
    for _ in $(seq 1 40); do
      kill -0 "$API_PID" 2>/dev/null || break
      sleep 0.25
    done
    kill -9 "$API_PID" 2>/dev/null || true
    wait "$API_PID" 2>/dev/null || true
  fi
  API_PID=
}

# Resident memory of a process in MiB, from /proc/PID/status (VmRSS), or "-" if it is gone.
rss_mib() {
  awk '/^VmRSS:/ {printf "%.0f", $2 / 1024; found = 1} END {if (!found) printf "-"}' "/proc/$1/status" 2>/dev/null || printf -- "-"
}

# resident_pct <file>: the share of the file in the OS page cache, in % ("-" without util-linux's fincore).
resident_pct() {
  fincore --bytes --noheadings --output RES,SIZE "$1" 2>/dev/null | awk '$2 > 0 {printf "%.0f", 100 * $1 / $2; found = 1} END {if (!found) printf "-"}' || printf -- "-"
}

# cache_file <file>: reads the file into the OS page cache, then prints resident_pct. This VM's
# kernel pages out cold page cache (a DAMON "pageout" scheme, kdamond): without a fresh read, shapes
# that read random rows of a 4 GB database measured the disk as the run went on (bench/README.md, "Caveats").
cache_file() {
  cat "$1" >/dev/null
  resident_pct "$1"
}

# export_lists <db> <folder>: what bench/wrk/shapes.lua draws from (published articles only).
export_lists() {
  local db=$1 out=$2
  command -v sqlite3 >/dev/null || die "sqlite3 is not installed (apt-get install -y sqlite3)"
  mkdir -p "$out"
  sqlite3 -readonly "$db" "SELECT Id FROM Articles WHERE Published = 1;" >"$out/ids.txt"
  sqlite3 -readonly "$db" "SELECT Id FROM Articles WHERE Published = 1 AND RelatedCount > 0;" >"$out/related_ids.txt"
  sqlite3 -readonly -separator $'\t' "$db" "SELECT Slug, Name, ArticleCount FROM Topics WHERE ArticleCount > 0;" >"$out/topics.txt"
  sqlite3 -readonly -separator $'\t' "$db" "SELECT Key, ArticleCount FROM Providers WHERE ArticleCount > 0;" >"$out/providers.txt"
  sqlite3 -readonly "$db" "SELECT DISTINCT TypeKey FROM Articles WHERE Published = 1 AND TypeKey IS NOT NULL;" >"$out/types.txt"
  sqlite3 -readonly "$db" "SELECT DISTINCT CategoryKey FROM Articles WHERE Published = 1 AND CategoryKey IS NOT NULL;" >"$out/categories.txt"
  sqlite3 -readonly -separator $'\t' "$db" \
    "SELECT count(*), coalesce(substr(min(PublishedAtUtc), 1, 4), 2015), coalesce(substr(max(PublishedAtUtc), 1, 4), 2024), count(*) FILTER (WHERE RelatedCount > 0) FROM Articles WHERE Published = 1;" >"$out/meta.txt"
}

# bench_db <count> <seed>: where api.sh keeps the database of that corpus, named by the schema's
# migrations so that a schema change makes a new one.
bench_db() {
  local schema
  schema=$(cat "$REPO"/src/Domain/Data/Migrations/*.cs 2>/dev/null | md5sum | cut -c1-8)
  echo "/tmp/newsapi-bench/api-n$1-s$2-$schema.db"
}

# add_bench_list_items <db>: the table that /api/bench/clustered reads (src/Api/Benchmarks/CeilingApi.cs):
# every published article's list item as JSON (rendered by SQLite, so close to the API's in size,
# not byte for byte), k = its place in the default order (newest first, undated last, ties by id).
add_bench_list_items() {
  sqlite3 "$1" <<'SQL'
DROP TABLE IF EXISTS BenchListItems;
CREATE TABLE BenchListItems (k INTEGER PRIMARY KEY, j BLOB NOT NULL);
INSERT INTO BenchListItems (j)
SELECT json_object('id', a.Id, 'category', a.Category, 'title', a.Title, 'excerpt', a.Excerpt,
                   'publishedDateTime', a.PublishedAtUtc, 'type', a.Type, 'quality', a.Quality, 'heat', a.Heat,
                   'webUrl', a.WebUrl, 'originalUrl', a.OriginalUrl,
                   'provider', json_object('name', a.ProviderName, 'domain', a.ProviderDomain),
                   'topics', (SELECT json_group_array(t.Name) FROM (SELECT Name FROM ArticleTopics WHERE ArticleId = a.Id ORDER BY Position) AS t),
                   'image', json_extract(a.Images, '$[0]'), 'relatedCount', a.RelatedCount)
FROM Articles AS a WHERE a.Published = 1 ORDER BY a.DateDescKey, a.Id;
PRAGMA wal_checkpoint(TRUNCATE);
SQL
}

# export_bench_list_file <db> <file>: BenchListItems as a flat file, one item per line in k's order
# (the JSON has no raw line breaks), for /bench/file (NewsApi:BenchListFile).
export_bench_list_file() {
  sqlite3 -readonly "$1" "SELECT j FROM BenchListItems ORDER BY k;" >"$2"
}

# median of the numbers on stdin ("-" and empty lines skipped).
median() {
  { grep -vE '^(-|)$' || true; } | sort -g | awk '{a[NR] = $1} END {if (NR == 0) print "-"; else if (NR % 2) print a[(NR + 1) / 2]; else print (a[NR / 2] + a[NR / 2 + 1]) / 2}'
}

# wait_idle <pid> <max seconds>: waits until the process uses under 5% of a core over one second
# (a server still working off requests that a finished wrk run abandoned); prints the seconds waited.
wait_idle() {
  local pid=$1 max=$2 waited=0 before after hz
  hz=$(getconf CLK_TCK)
  while ((waited < max)); do
    before=$(awk '{print $14 + $15}' "/proc/$pid/stat" 2>/dev/null || echo 0)
    sleep 1
    after=$(awk '{print $14 + $15}' "/proc/$pid/stat" 2>/dev/null || echo 0)
    waited=$((waited + 1))
    if (((after - before) * 100 < hz * 5)); then
      break
    fi
  done
  echo "$waited"
}

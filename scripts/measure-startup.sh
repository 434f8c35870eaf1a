#!/usr/bin/env bash
# Measures how long `./hallmark serve` takes to answer GET /api/v1/health with 200, on a fresh data
# directory (cold: initdb, migrations, unpacking the PostgreSQL binaries) and on the same directory again
# (warm), and the memory at idle (proportional set size) of the JVM and of the embedded PostgreSQL processes.
# Usage: scripts/measure-startup.sh [RUNS]   (prints a Markdown table)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
port=18765
HALLMARK_SKIP_BUILD=0 ./hallmark --version >/dev/null 2>&1 # build first, outside the timing

# proportional set size: shared pages (PostgreSQL's shared buffers) are split among the processes sharing them
pss_kb() { awk '/^Pss:/ {print $2}' "/proc/$1/smaps_rollup" 2>/dev/null || echo 0; }

measure() { # $1 = data dir; prints "seconds jvm_rss_mb pg_rss_mb"
  local start end pid pg_total=0
  start=$(date +%s.%N)
  HALLMARK_SKIP_BUILD=1 ./hallmark serve --data-dir "$1" --port "$port" >/dev/null 2>&1 &
  pid=$!
  until curl -sf "http://127.0.0.1:$port/api/v1/health" >/dev/null; do sleep 0.05; done
  end=$(date +%s.%N)
  sleep 5 # idle
  local postmaster
  postmaster=$(head -1 "$1/postgres/postmaster.pid")
  for p in "$postmaster" $(pgrep -P "$postmaster" || true); do
    pg_total=$((pg_total + $(pss_kb "$p")))
  done
  echo "$(awk -v a="$start" -v b="$end" 'BEGIN {printf "%.2f", b - a}') $(( $(pss_kb "$pid") / 1024 )) $((pg_total / 1024))"
  kill -TERM "$pid"; wait "$pid" 2>/dev/null || true
}

echo "| run | cold start to healthy (s) | warm start to healthy (s) | JVM PSS idle (MiB) | PostgreSQL PSS idle, all processes (MiB) |"
echo "|---|---|---|---|---|"
for i in $(seq 1 "$runs"); do
  dir=$(mktemp -d /tmp/hallmark-startup-XXXX)
  read -r cold _ _ <<<"$(measure "$dir")"
  read -r warm jvm pg <<<"$(measure "$dir")"
  echo "| $i | $cold | $warm | $jvm | $pg |"
  rm -rf "$dir"
done

#!/usr/bin/env bash
# Load test of the REST API's read endpoints with wrk (Debian package) against a server on loopback.
# Starts ./hallmark serve on a scratch data directory, installs and signs the example plugin, seeds N governed
# generations, then runs wrk on each endpoint and prints requests/s, p99 latency and errors.
# Usage: scripts/load-test.sh [seconds per endpoint, default 15] [connections, default 16] [seed generations, default 60]
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-15}
conns=${2:-16}
seed=${3:-60}
port=${HALLMARK_LOAD_PORT:-18080}
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}

data=$(mktemp -d /tmp/hallmark-load.XXXXXX)
server=""
cleanup() {
  if [[ -n $server ]]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
  rm -rf "$data"
}
trap cleanup EXIT

./hallmark --version >/dev/null # builds when needed
export HALLMARK_SKIP_BUILD=1
cp app/target/examples/example-plugin.jar "$data/example-markov-1.0.0.jar"
./hallmark plugins keygen --name load-test --out "$data" >/dev/null
./hallmark plugins sign "$data/example-markov-1.0.0.jar" --key "$data/load-test.key" >/dev/null
./hallmark plugins trust "$data/load-test.pub" --data-dir "$data/d" >/dev/null
./hallmark plugins install "$data/example-markov-1.0.0.jar" --data-dir "$data/d" >/dev/null

./hallmark serve --data-dir "$data/d" --port "$port" >"$data/server.log" 2>&1 &
server=$!
for _ in $(seq 1 120); do
  curl -fsS "http://127.0.0.1:$port/api/v1/health" >/dev/null 2>&1 && break
  sleep 0.5
done
token=$(cat "$data/d/run/cli.token")
auth="Authorization: Bearer $token"

for i in $(seq 1 "$seed"); do
  curl -fsS -o /dev/null -H "$auth" -H 'Content-Type: application/json' \
    -d "{\"modality\":\"text\",\"prompt\":\"load test $i\",\"parameters\":{\"maxWords\":40},\"seed\":$i}" \
    "http://127.0.0.1:$port/api/v1/generations"
done
for _ in $(seq 1 240); do
  depth=$(curl -fsS -H "$auth" "http://127.0.0.1:$port/api/v1/dashboard" | grep -o '"queueDepth":{[^}]*}' || true)
  [[ $depth == '"queueDepth":{}' ]] && break
  sleep 0.5
done

printf '%-44s %10s %10s %10s %8s\n' endpoint requests/s p50 p99 errors
for path in /api/v1/health "/api/v1/content?size=20" "/api/v1/content?q=keeper&status=APPROVED" \
    /api/v1/review /api/v1/dashboard "/api/v1/audit/events?size=20" /api/v1/plugins; do
  wrk -t2 -c"$conns" -d3s -H "$auth" "http://127.0.0.1:$port$path" >/dev/null # warm-up (JIT, connection pool)
  out=$(wrk -t2 -c"$conns" -d"${secs}s" --latency -H "$auth" "http://127.0.0.1:$port$path")
  [[ -n ${LOAD_TEST_VERBOSE:-} ]] && echo "$out" >&2
  rps=$(awk '/^Requests\/sec/ {print $2}' <<<"$out")
  p50=$(awk '$1 == "50%" {print $2}' <<<"$out")
  p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
  non2xx=$(awk '/Non-2xx/ {print $NF}' <<<"$out")
  sockerr=$(awk '/Socket errors/ {gsub(",", ""); print $4 + $6 + $8 + $10}' <<<"$out")
  printf '%-44s %10s %10s %10s %8s\n' "$path" "$rps" "$p50" "$p99" "$(( ${non2xx:-0} + ${sockerr:-0} ))"
done
echo "items: $(curl -fsS -H "$auth" "http://127.0.0.1:$port/api/v1/content?size=1" | grep -o '"total":[0-9]*')"

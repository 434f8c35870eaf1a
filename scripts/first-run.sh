#!/usr/bin/env bash
# The newcomer's first run, timed: follows the README on a fresh data directory (./hallmark kb ingest into the
# knowledge base 'default', ./hallmark serve, then ./hallmark generate until decided) and prints how long it took
# from starting the server until the platform was healthy, until the first generation was decided, and until the
# first one decided with every governance check run. The first ./hallmark call builds the platform when needed.
#
#   scripts/first-run.sh [--models-dir DIR] [--keep] [--timeout SECONDS]
#
# The data directory is a new temporary folder (removed at the end unless --keep); the server listens on a free port
# and is stopped at the end. Needs curl. Prints the figures as "first-run: ..." lines.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
models="$root/../shared/models"
keep=0
timeout=900
while (($#)); do
  case $1 in
    --models-dir) models="$2"; shift 2 ;;
    --keep) keep=1; shift ;;
    --timeout) timeout="$2"; shift 2 ;;
    -h|--help) sed -n '2,9p' "${BASH_SOURCE[0]}"; exit 0 ;;
    *) echo "first-run: unknown option '$1'; see --help" >&2; exit 2 ;;
  esac
done
command -v curl >/dev/null || { echo "first-run: curl is needed (apt-get install curl)" >&2; exit 1; }

data="$(mktemp -d "${TMPDIR:-/tmp}/hallmark-first-run.XXXXXX")"
log="$data.serve.log"
server=""
cleanup() {
  if [[ -n $server ]] && kill -0 "$server" 2>/dev/null; then
    kill "$server" 2>/dev/null || true
    wait "$server" 2>/dev/null || true
  fi
  if ((keep)); then
    echo "first-run: kept the data directory $data and the server log $log"
  else
    rm -rf "$data" "$log"
  fi
}
trap cleanup EXIT

start=$(date +%s.%N)
elapsed() { awk -v s="$start" -v n="$(date +%s.%N)" 'BEGIN { printf "%.1f", n - s }'; }

# the README: generated text is fact-checked against the knowledge base 'default', so ingest documents into it first
facts="$data.facts.txt"
cat >"$facts" <<'FACTS'
Once upon a time is the traditional opening of a fairy tale. Fairy tales are short stories with magical creatures.
Lily is a common name for a girl in children's stories. Children's stories often tell of a little girl who plays
in the park with her friends, finds a toy, shares it, and learns to be kind.
FACTS
if ! "$root/hallmark" kb ingest --data-dir "$data" --models-dir "$models" --kb default "$facts" >"$log" 2>&1; then
  echo "first-run: kb ingest failed:" >&2
  tail -n 20 "$log" >&2
  exit 1
fi
rm -f "$facts"
echo "first-run: knowledge base 'default' ingested in $(elapsed) s (before the server starts: the server holds the index once it runs; on a fresh data directory this includes training the safety model that screens the documents for injection, which the server then uses)"
start=$(date +%s.%N)

echo "first-run: ./hallmark serve --data-dir $data --port 0 --models-dir $models (log: $log)"
"$root/hallmark" serve --data-dir "$data" --port 0 --models-dir "$models" >"$log" 2>&1 &
server=$!

url=""
while [[ -z $url ]]; do
  kill -0 "$server" 2>/dev/null || { echo "first-run: the server stopped; its log:" >&2; tail -n 30 "$log" >&2; exit 1; }
  url="$(sed -n 's|^Hallmark is serving at \(http://[^ ]*\)/ .*|\1|p' "$log" | head -n 1)"
  (( $(printf '%.0f' "$(elapsed)") < timeout )) || { echo "first-run: no server after ${timeout} s" >&2; exit 1; }
  sleep 0.5
done
status=""
until [[ $status == UP || $status == DEGRADED ]]; do
  status="$(curl -s "$url/api/v1/health" | sed -n 's/^{"status":"\([A-Z]*\)".*/\1/p')"
  [[ $status == UP || $status == DEGRADED ]] || sleep 0.5
done
echo "first-run: healthy ($status) after $(elapsed) s at $url"
if [[ $status == DEGRADED ]]; then
  curl -s "$url/api/v1/health" | grep -o '"problems":\[[^]]*\]' | sed 's/^/first-run: degraded: /'
fi
grep -m1 'one-time password' "$log" | sed -e 's/one-time password [^ ]*/one-time password (hidden here)/' \
  -e 's/^/first-run: /' || true

first=""
while true; do
  result="$("$root/hallmark" generate --data-dir "$data" --prompt "Once upon a time" --temperature 0 --json 2>/dev/null || true)"
  decision="$(printf '%s' "$result" | sed -n 's/.*"decision" *: *"\([A-Z_]*\)".*/\1/p' | head -n 1)"
  status="$(printf '%s' "$result" | sed -n 's/.*"status" *: *"\([A-Z_]*\)".*/\1/p' | head -n 1)"
  if [[ -n $decision && -z $first ]]; then
    first="$(elapsed)"
    echo "first-run: first decided generation after $first s: status $status, decision $decision"
  fi
  if [[ -n $decision ]] && ! printf '%s' "$result" | tr -d '\n' | grep -q '"notChecked" *: *{ *"'; then
    echo "first-run: first generation decided with every check run after $(elapsed) s: status $status, decision $decision"
    break
  fi
  if (( $(printf '%.0f' "$(elapsed)") >= timeout )); then
    echo "first-run: no generation decided with every check run within ${timeout} s; the last said:"
    printf '%s\n' "$result" | grep -E '"(status|decision|error)"|not checked' | head -n 5
    break
  fi
  sleep 2
done

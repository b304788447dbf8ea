#!/usr/bin/env bash
# The engine's speed against Node (issue 2, "Speed"), side by side on the same blocks:
#   (a) a whole `blocksmith run` process of the action template vs `node reference.mjs` on it,
#   (b) an 11 MB JSON payload into a trigger and back out (whole processes),
#   (c) a CPU set (sum loop, sort with a comparator, 1 MB JSON stringify/parse, Map churn, a 1 MB CSV written
#       with `+=` and scanned), timed by each side's own `durationMs` so process start-up does not blur the
#       engine's speed,
#   (d) `require("crypto")` plus one RS256 signature (a JWT-bearer token), whole processes.
# Prints each median and the ratio blocksmith / node (lower is better). Uses hyperfine when installed.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-/root/.cache/blocksmith/target}"
cargo build --release --quiet -p blocksmith-cli
blocksmith="$CARGO_TARGET_DIR/release/blocksmith"
reference="$root/tests/differential/reference.mjs"
blocks="$root/bench/engine"
template="$root/crates/workspace/templates/code-block.js"
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
node "$blocks/make-payload.mjs" "$scratch/payload.json"

# Median wall time in ms of running "$@" N times (output discarded).
wall_ms() {
  local runs=$1
  shift
  if command -v hyperfine >/dev/null; then
    hyperfine --runs "$runs" --warmup 1 --export-json "$scratch/h.json" -N "$*" >/dev/null 2>&1 || true
    node -e 'const r=require(process.argv[1]).results[0]; console.log((r.median*1000).toFixed(2))' "$scratch/h.json"
    return
  fi
  # Bash's own clock ($EPOCHREALTIME, in microseconds): a `date` process per sample would add its own
  # start-up, a few milliseconds, to every time measured.
  local times=()
  "$@" >/dev/null 2>&1 || true
  for _ in $(seq "$runs"); do
    local start end
    start=${EPOCHREALTIME//[!0-9]/}
    "$@" >/dev/null 2>&1 || true
    end=${EPOCHREALTIME//[!0-9]/}
    times+=("$((end - start))")
  done
  printf '%s\n' "${times[@]}" | sort -n | awk '{ a[NR] = $1 } END { printf "%.2f\n", a[int((NR + 1) / 2)] / 1000 }'
}

# Median of the `durationMs` each side reports for running "$@" N times.
reported_ms() {
  local runs=$1
  shift
  for _ in $(seq "$runs"); do
    "$@" 2>/dev/null | grep -o '"durationMs":[0-9.e+-]*' | cut -d: -f2 || true
  done | sort -g | awk '{ a[NR] = $1 } END { printf "%.2f\n", a[int((NR + 1) / 2)] }'
}

row() {
  local name=$1 ours=$2 node=$3
  awk -v n="$name" -v o="$ours" -v d="$node" \
    'BEGIN { printf "%-34s blocksmith %10.2f ms   node %10.2f ms   ratio %6.2fx\n", n, o, d, o / d }'
}

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), node $(node --version)"
echo "(a) whole process, action template (goal <= 0.10x)"
row "action template" "$(wall_ms 30 "$blocksmith" run "$template")" "$(wall_ms 30 node "$reference" "$template")"
echo "(b) 11 MB payload in and out of a trigger, whole process (goal <= 1.5x)"
# Within the default 512 MB worker limit: the payload crosses the worker protocol as JSON text and only
# the engine builds objects from it.
row "11 MB trigger payload" \
  "$(wall_ms 5 "$blocksmith" run "$blocks/big-trigger.js" --trigger --payload "$scratch/payload.json")" \
  "$(wall_ms 5 node "$reference" "$blocks/big-trigger.js" --trigger --payload "$scratch/payload.json")"
echo "(c) CPU set, each side's reported durationMs"
for block in cpu-sum-loop cpu-sort cpu-json cpu-map-churn cpu-csv-text; do
  row "$block" "$(reported_ms 3 "$blocksmith" run "$blocks/$block.js")" "$(reported_ms 3 node "$reference" "$blocks/$block.js")"
done
echo "(d) require(\"crypto\") plus one RS256 signature, whole process (goal <= 0.25x)"
row "require crypto + RS256" "$(wall_ms 30 "$blocksmith" run "$blocks/crypto-rs256.js")" "$(wall_ms 30 node "$reference" "$blocks/crypto-rs256.js")"

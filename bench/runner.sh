#!/usr/bin/env bash
# The runner's speed figures (issue 3): click-to-result through the warm pool, a whole `blocksmith run`
# process, and Stop-to-stopped, on release builds of the worker, the CLI and the bench program.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-/root/.cache/blocksmith/target}"
fixtures="$root/crates/runner/tests/fixtures"

cargo build --release --quiet -p blocksmith-runner --bin blocksmith-worker --example runner_bench
cargo build --release --quiet -p blocksmith-cli

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(uname -sr)"
"$CARGO_TARGET_DIR/release/examples/runner_bench" \
  "$CARGO_TARGET_DIR/release/blocksmith-worker" \
  "$CARGO_TARGET_DIR/release/blocksmith" \
  "$root/crates/workspace/templates/code-block.js" \
  "$fixtures/infinite_loop.js"

#!/usr/bin/env bash
# Benchmarks the desktop app under a virtual X display: start to editor visible (median of 5), the release binary's
# size, and idle memory of the app with its web view. Method: see bench/app.mjs. Uses the release binary when it is
# built (cargo build --release -p blocksmith-app --features tauri/custom-protocol), else the debug one; set
# BLOCKSMITH_APP to measure another. The environment reaches the app, so a WebKit setting can be compared, e.g.
# `WEBKIT_DISABLE_COMPOSITING_MODE=1 bench/app.sh`. Prints a Markdown table; the figures also go to
# bench/out/app.json.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/blocksmith/target}"
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

bash scripts/install-tauri-driver.sh
exec xvfb-run -a -s "-screen 0 1280x800x24" node bench/app.mjs

#!/usr/bin/env bash
# Builds the bare Tauri app in bench/webkit-floor and measures its idle memory (bench/webkit-floor.mjs) under a
# virtual X display with a D-Bus session bus, as bench/app.sh measures Blocksmith. Prints a Markdown table.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/blocksmith/target}"

echo "bench: building bench/webkit-floor (release)"
cargo build --release --quiet --manifest-path bench/webkit-floor/Cargo.toml
exec dbus-run-session -- xvfb-run -a -s "-screen 0 1280x800x24" \
  node bench/webkit-floor.mjs "$CARGO_TARGET_DIR/release/webkit-floor"

#!/usr/bin/env bash
# Builds the bare Tauri app in bench/webkit-floor and the part pages in bench/parts, and measures their idle memory
# (bench/webkit-floor.mjs) under a virtual X display with a D-Bus session bus, as bench/app.sh measures Blocksmith.
# Prints a Markdown table; bench/memory.sh sets it side by side with Blocksmith's.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/blocksmith/target}"

echo "bench: building bench/webkit-floor (release)"
cargo build --release --quiet --manifest-path bench/webkit-floor/Cargo.toml
echo "bench: building the part pages (bench/parts)"
npx vite build --config bench/parts/vite.config.ts
exec dbus-run-session -- xvfb-run -a -s "-screen 0 1280x800x24" \
  node bench/webkit-floor.mjs "$CARGO_TARGET_DIR/release/webkit-floor"

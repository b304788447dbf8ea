#!/usr/bin/env bash
# Installs tauri-driver, the WebDriver server the end-to-end tests talk to. It starts WebKitWebDriver
# (Debian's webkit2gtk-driver, installed by scripts/system-deps.sh) and launches the app under test.
# Does nothing when tauri-driver is already on the PATH.
set -euo pipefail

export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

if command -v tauri-driver >/dev/null 2>&1; then
  exit 0
fi

if ! command -v cargo >/dev/null 2>&1; then
  echo "tauri-driver: cargo is not installed; install Rust (https://rustup.rs) and run this again." >&2
  exit 1
fi

echo "installing tauri-driver (about 70 s)…"
# Without CARGO_TARGET_DIR, cargo install builds in a temporary dir it removes afterwards, instead of
# locking (and growing) the project's shared build target.
env -u CARGO_TARGET_DIR cargo install tauri-driver --locked --quiet
echo "tauri-driver: installed at $(command -v tauri-driver)"

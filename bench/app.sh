#!/usr/bin/env bash
# Benchmarks the desktop app under a virtual X display: start to editor visible (median of 5), the release binary's
# size, and idle memory of the app with its web view. Method: see bench/app.mjs. Uses the release binary when it is
# built (cargo build --release -p blocksmith-app), else the debug one; set BLOCKSMITH_APP to measure another. The
# environment reaches the app, and a WebKit setting the app sets for itself (src-tauri/src/main.rs) yields to one set
# here, so its worth can be checked, e.g. `WEBKIT_DISABLE_COMPOSITING_MODE=0 bench/app.sh`. Prints a Markdown table;
# the figures also go to bench/out/app.json.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/blocksmith/target}"
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

bash scripts/install-tauri-driver.sh
# A desktop session has a D-Bus session bus; a bare Xvfb has none, and GTK and WebKit then spawn one with
# dbus-launch (several times) during the measured start, which no user's start pays. So the bench gets its own bus,
# as scripts/e2e.sh does. BENCH_NO_SESSION_BUS=1 measures the bare case.
command=(xvfb-run -a -s "-screen 0 1280x800x24" node bench/app.mjs)
if [ "${BENCH_NO_SESSION_BUS:-}" != 1 ] && command -v dbus-run-session >/dev/null 2>&1; then
  command=(dbus-run-session -- "${command[@]}")
fi
exec "${command[@]}"

#!/usr/bin/env bash
# `npm start`: installs what is missing (system packages when root, else prints the apt-get line and stops;
# npm packages; the Rust build), builds the front end and the app, and opens the Blocksmith window.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh

step "system packages"
bash scripts/system-deps.sh
ensure_node_modules
step "front end"
npm run --silent ui:build
step "app (the first build takes about 5 minutes)"
cargo build -p blocksmith-app
step "starting Blocksmith"
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  echo "No display found: run it as \`xvfb-run -a npm start\` on a machine without one." >&2
fi
exec "$BLOCKSMITH_APP_BIN" "$@"

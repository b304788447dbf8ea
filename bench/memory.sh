#!/usr/bin/env bash
# Blocksmith's idle memory against its own floor, in one sitting: the bare Tauri window and each part of
# Blocksmith's window alone (bench/webkit-floor.sh), then Blocksmith itself (bench/app.sh), then the comparison
# (bench/memory.mjs): what Blocksmith adds above the floor, and what React, Monaco and the warm block worker each
# cost. Uses the release app when it is built (cargo build --release -p blocksmith-app), as bench/app.sh does.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

bash bench/webkit-floor.sh
bash bench/app.sh
node bench/memory.mjs

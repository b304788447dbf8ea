#!/usr/bin/env bash
# Runs the end-to-end suites (tests/e2e/): the built debug app, driven through tauri-driver + WebKitWebDriver,
# under a virtual X display and, when scripts/with-keyring.sh exists, inside a fresh OS keyring session.
# Expects the app to be built already (scripts/test.sh builds it first). Extra arguments go to `node --test`,
# e.g. `scripts/e2e.sh --test-name-pattern=restart`. The exit code is the test run's.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/blocksmith/target}"
export BLOCKSMITH_APP="${BLOCKSMITH_APP:-$CARGO_TARGET_DIR/debug/blocksmith-app}"
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

bash scripts/install-tauri-driver.sh

for tool in WebKitWebDriver xvfb-run; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "e2e: '$tool' is not installed; run scripts/system-deps.sh first." >&2
    exit 127
  fi
done

if [ ! -x "$BLOCKSMITH_APP" ]; then
  echo "e2e: the app is not built: $BLOCKSMITH_APP is missing." >&2
  echo "     Build it with: npm run ui:build && cargo build -p blocksmith-app --features tauri/custom-protocol" >&2
  exit 1
fi

# One app at a time: two cores cannot start several WebKit apps at once without timeouts.
command=(xvfb-run -a -s "-screen 0 1280x800x24" node --test --test-concurrency=1 "$@" tests/e2e/)
if [ -f scripts/with-keyring.sh ]; then
  command=(bash scripts/with-keyring.sh "${command[@]}")
fi

echo "e2e: running the app at $BLOCKSMITH_APP"
status=0
"${command[@]}" || status=$?
if [ "$status" -ne 0 ]; then
  echo "e2e: failed (exit $status); screenshots, page HTML and driver logs are in tests/e2e/out/" >&2
fi
exit "$status"

#!/usr/bin/env bash
# The security suite (tests/security/): attacks on the built `blocksmith` CLI from outside — web pages against
# the webhook listener, hostile workspace folders, blocks that try to get secrets out — inside a fresh, real OS
# keyring session. Expects the CLI to be built already (scripts/test.sh builds it first). Extra arguments go to
# `node --test`.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/blocksmith/target}"
export BLOCKSMITH_BIN="${BLOCKSMITH_BIN:-$CARGO_TARGET_DIR/debug/blocksmith}"
if [ ! -x "$BLOCKSMITH_BIN" ]; then
  echo "security: the CLI is not built: $BLOCKSMITH_BIN is missing (cargo build --workspace)." >&2
  exit 1
fi
exec bash scripts/with-keyring.sh node --test --test-concurrency=1 "$@" tests/security/

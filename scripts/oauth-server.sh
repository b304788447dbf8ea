#!/usr/bin/env bash
# Starts or stops the test OAuth 2.0 provider (tests/oauth-server/server.mjs) in the background,
# for end-to-end suites and manual trials. The Rust integration tests start their own.
#
#   scripts/oauth-server.sh start [PORT]   prints the issuer, e.g. http://127.0.0.1:4010
#   scripts/oauth-server.sh stop
#   scripts/oauth-server.sh issuer         prints the running server's issuer
#
# PORT defaults to $OAUTH_TEST_PORT, else 0 (a free port). The access token lifetime is
# $OAUTH_TEST_ACCESS_TOKEN_TTL seconds (default 60). State lives in $OAUTH_SERVER_STATE_DIR
# (default: a folder under the system temp dir).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
STATE_DIR="${OAUTH_SERVER_STATE_DIR:-${TMPDIR:-/tmp}/blocksmith-oauth-server}"
PID_FILE="$STATE_DIR/pid"
ISSUER_FILE="$STATE_DIR/issuer"
LOG_FILE="$STATE_DIR/server.log"

running() {
  [ -f "$PID_FILE" ] && kill -0 "$(cat "$PID_FILE")" 2>/dev/null
}

start() {
  local port="${1:-${OAUTH_TEST_PORT:-0}}"
  if running; then
    cat "$ISSUER_FILE"
    return 0
  fi
  mkdir -p "$STATE_DIR"
  rm -f "$ISSUER_FILE"
  node "$ROOT/tests/oauth-server/server.mjs" --port "$port" >"$LOG_FILE" 2>&1 &
  echo $! >"$PID_FILE"
  for _ in $(seq 1 100); do
    if grep -q '^READY ' "$LOG_FILE" 2>/dev/null; then
      grep -m1 '^READY ' "$LOG_FILE" | cut -d' ' -f2 >"$ISSUER_FILE"
      cat "$ISSUER_FILE"
      return 0
    fi
    if ! running; then break; fi
    sleep 0.1
  done
  echo "The test OAuth provider did not start; its output:" >&2
  cat "$LOG_FILE" >&2
  stop
  return 1
}

stop() {
  if running; then
    kill "$(cat "$PID_FILE")"
  fi
  rm -f "$PID_FILE" "$ISSUER_FILE"
}

case "${1:-}" in
  start) start "${2:-}" ;;
  stop) stop ;;
  issuer)
    if running; then cat "$ISSUER_FILE"; else echo "The test OAuth provider is not running." >&2; exit 1; fi
    ;;
  *)
    echo "usage: $0 start [PORT] | stop | issuer" >&2
    exit 2
    ;;
esac

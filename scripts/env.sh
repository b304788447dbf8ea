# Shared settings for the npm scripts; sourced, not run.
# Cargo builds go to a folder outside the checkout, so a fresh clone (as in CI) reuses earlier builds on the
# same machine; a cold machine simply builds everything once.
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/blocksmith/target}"
export BLOCKSMITH_APP_BIN="$CARGO_TARGET_DIR/debug/blocksmith-app"
export BLOCKSMITH_BIN="$CARGO_TARGET_DIR/debug/blocksmith"

started_at=$(date +%s)
# A progress line with the time since the script started, for steps that take more than a few seconds.
step() { printf '\n== %s  [%ss]\n' "$*" "$(( $(date +%s) - started_at ))"; }

# Installs the npm packages when they are missing or older than the lock file.
ensure_node_modules() {
  if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    step "npm packages"
    npm ci --no-audit --no-fund
  fi
}

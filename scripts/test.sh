#!/usr/bin/env bash
# `npm test`: every suite — formatting, lints, the TypeScript check, Rust unit and integration tests (in a
# real keyring session, against a real OAuth server), the engine's differential suite against Node, and the
# real app end to end under Xvfb through WebDriver, and the installable packages (built, installed, used, removed).
# Installs what it needs first.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh

step "system packages"
bash scripts/system-deps.sh
ensure_node_modules
step "tauri-driver"
bash scripts/install-tauri-driver.sh

step "cargo fmt --check"
cargo fmt --all -- --check

step "TypeScript: type check, UI unit tests, front-end build"
npm run --silent typecheck
npm run --silent test:ui
npm run --silent ui:build

step "cargo clippy"
cargo clippy --workspace --all-targets -- -D warnings

step "Rust tests (in a real keyring session)"
bash scripts/with-keyring.sh cargo test --workspace

# `cargo test --workspace` has built every binary with the workspace's unified features; building them the same
# way again is a no-op, where `-p <one package>` would rebuild shared dependencies with a narrower feature set.
step "differential suite: blocksmith run vs node"
cargo build --workspace
node --test tests/differential/

step "security suite: attacks on the built CLI"
bash scripts/security.sh

step "end to end: the real app under Xvfb"
bash scripts/e2e.sh

# The release build it starts dominates its time (see README, Packages).
step "packages: build the .deb and .rpm, install the .deb and use it, uninstall"
# The debug build's packages: the same package script and layout as `npm run package`, without a cold release
# build (about half an hour on two cores).
bash scripts/package-test.sh --debug

step "all suites passed"

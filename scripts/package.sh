#!/usr/bin/env bash
# `npm run package`: the installable packages, a .deb and an .rpm, made offline by Tauri's bundler. Each holds
# the app (/usr/bin/blocksmith-app) with its desktop entry and icons, the `blocksmith` command
# (/usr/bin/blocksmith), its manual page and its bash, zsh and fish completions.
#
# The app and the CLI are built with the release profile in one cargo run (shared dependencies are compiled once),
# the manual page and the completions are printed by the CLI just built, and `tauri bundle` packs it all: its deb
# and rpm writers are part of the bundler and download nothing. An AppImage is not built because the bundler
# downloads its tools (linuxdeploy and its plugins) while it builds one.
#
# `--debug` packs the debug build that `npm test` has already made (same layout, same files, unoptimised
# binaries): the package test uses it, because a cold release build with fat LTO takes about half an hour on two
# cores, more than the whole test run may.
#
# The packages land in $CARGO_TARGET_DIR/{release,debug}/bundle/{deb,rpm}/; the last two lines printed are their
# paths.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh

profile=release
[ "${1:-}" = --debug ] && profile=debug

step "system packages"
bash scripts/system-deps.sh
ensure_node_modules

if [ "$profile" = release ]; then
  step "front end (embedded in the app)"
  npm run --silent ui:build

  step "release build of the app and the blocksmith CLI"
  build_started=$(date +%s)
  cargo build --release -p blocksmith-app -p blocksmith-cli
  echo "release build: $(($(date +%s) - build_started)) s"
else
  # The workspace build `npm test` made, front end included: building it the same way again is a no-op.
  step "debug build of the app and the blocksmith CLI"
  [ -f ui/dist/index.html ] || npm run --silent ui:build
  cargo build --workspace
fi

release="$CARGO_TARGET_DIR/$profile"
staging="$CARGO_TARGET_DIR/package"
cli="$release/blocksmith"

step "manual page and shell completions, from the CLI just built"
rm -rf "$staging"
mkdir -p "$staging"
# -n leaves the name and time out of the gzip header, so the same CLI always gives the same file.
"$cli" man | gzip -9n >"$staging/blocksmith.1.gz"
"$cli" completions bash >"$staging/blocksmith.bash"
"$cli" completions zsh >"$staging/_blocksmith"
"$cli" completions fish >"$staging/blocksmith.fish"

# What the bundler adds beyond the app, merged over src-tauri/tauri.conf.json. The paths on this machine differ
# from one target folder to another, so this part is written here rather than kept in the repository. Debian's zsh
# reads vendor completions from its own folder; Fedora's from site-functions.
node - "$staging" "$cli" >"$staging/tauri.package.json" <<'EOF'
const [staging, cli] = process.argv.slice(2);
const common = {
  '/usr/bin/blocksmith': cli,
  '/usr/share/man/man1/blocksmith.1.gz': `${staging}/blocksmith.1.gz`,
  '/usr/share/bash-completion/completions/blocksmith': `${staging}/blocksmith.bash`,
  '/usr/share/fish/vendor_completions.d/blocksmith.fish': `${staging}/blocksmith.fish`,
};
const files = (zshFolder) => ({ ...common, [`${zshFolder}/_blocksmith`]: `${staging}/_blocksmith` });
console.log(JSON.stringify({
  bundle: {
    active: true,
    linux: {
      deb: { files: files('/usr/share/zsh/vendor-completions') },
      rpm: { files: files('/usr/share/zsh/site-functions') },
    },
  },
}, null, 2));
EOF

step "packages: deb and rpm (tauri bundle)"
rm -rf "$release/bundle"
bundle_flags=(--ci --bundles deb,rpm --config "$staging/tauri.package.json")
[ "$profile" = debug ] && bundle_flags+=(--debug)
npx tauri bundle "${bundle_flags[@]}"

step "packages built"
ls "$release"/bundle/deb/*.deb "$release"/bundle/rpm/*.rpm

#!/usr/bin/env bash
# The package test: builds the .deb and the .rpm (scripts/package.sh), checks what the .rpm holds, installs the
# .deb on this machine as a person would (dpkg -i, then apt-get -f install for its dependencies) and uses what it
# installed from the installed paths only: `blocksmith --version`, a run of the template flow in a fresh workspace,
# the manual page and the completions, the app started from its desktop entry under Xvfb (its window appears, it
# stays up, its warm block worker is the installed binary), and a block run in the installed app through WebDriver.
# Then it uninstalls the package and any package the install pulled in, and checks the machine's package list is
# as it found it. Needs root (dpkg); CI runs as root. The release build dominates its time; `--debug` packs the
# debug build instead (what `npm test` does, see scripts/package.sh), and `--no-build` tests the packages the last
# `npm run package` made.
set -euo pipefail
cd "$(dirname "$0")/.."
readonly repo=$PWD
source scripts/env.sh

readonly PACKAGE=blocksmith
readonly VERSION=$(node -p "require('./src-tauri/tauri.conf.json').version")
# Every file a package must hold, beyond the app and its desktop entry (checked by pattern below).
readonly CLI_FILES=(
  /usr/bin/blocksmith
  /usr/share/man/man1/blocksmith.1.gz
  /usr/share/bash-completion/completions/blocksmith
  /usr/share/fish/vendor_completions.d/blocksmith.fish
)
readonly APP_FILES=(
  /usr/bin/blocksmith-app
  /usr/share/applications/Blocksmith.desktop
  /usr/share/icons/hicolor/32x32/apps/blocksmith-app.png
  /usr/share/icons/hicolor/128x128/apps/blocksmith-app.png
)

fail() {
  echo "package test: $*" >&2
  exit 1
}

# Each of the paths after the first argument is a line of the listing in the first.
expect_listed() {
  local listing=$1
  shift
  for path in "$@"; do
    grep -qxF "$path" <<<"$listing" || fail "$path is missing from the package; it holds:"$'\n'"$listing"
  done
}

installed() {
  [ "$(dpkg-query -W -f '${Status}' "$1" 2>/dev/null)" = "install ok installed" ]
}

if [ "$(id -u)" -ne 0 ]; then
  fail "installing the .deb needs root (dpkg -i); run it as root, as CI does."
fi
if dpkg-query -W "$PACKAGE" >/dev/null 2>&1; then
  fail "the package $PACKAGE is already on this machine, and this test would replace and then remove it. Remove it first: dpkg --purge $PACKAGE"
fi

profile=release
case "${1:-}" in
  --no-build) ;;
  --debug)
    profile=debug
    bash scripts/package.sh --debug
    ;;
  *) bash scripts/package.sh ;;
esac
deb=$(ls "$CARGO_TARGET_DIR/$profile"/bundle/deb/*.deb)
rpm=$(ls "$CARGO_TARGET_DIR/$profile"/bundle/rpm/*.rpm)
ls -l "$deb" "$rpm"

step "the .rpm holds the app, the CLI, the manual page and the completions"
rpm_files=$(rpm -qlp "$rpm")
expect_listed "$rpm_files" "${APP_FILES[@]}" "${CLI_FILES[@]}" /usr/share/zsh/site-functions/_blocksmith
[ "$(rpm -qp --queryformat '%{VERSION}' "$rpm")" = "$VERSION" ] || fail "the .rpm's version is not $VERSION"

step "install the .deb (dpkg -i, then apt-get -f install for its dependencies)"
packages_before=$(dpkg-query -W -f '${Package} ${Status}\n' | sort)
scratch=$(mktemp -d)
uninstall() {
  local status=$?
  step "uninstall"
  # --purge is -r and the package's configuration files too, so nothing of it is left.
  if dpkg-query -W "$PACKAGE" >/dev/null 2>&1; then dpkg --purge "$PACKAGE" >/dev/null; fi
  local pulled_in
  pulled_in=$(comm -13 <(cut -d' ' -f1 <<<"$packages_before") <(dpkg-query -W -f '${Package}\n' | sort))
  if [ -n "$pulled_in" ]; then
    echo "removing what the install pulled in: $pulled_in"
    # shellcheck disable=SC2086 # one word per package
    DEBIAN_FRONTEND=noninteractive apt-get purge -y -qq $pulled_in >/dev/null
  fi
  rm -rf "$scratch"
  if [ "$(dpkg-query -W -f '${Package} ${Status}\n' | sort)" != "$packages_before" ]; then
    echo "package test: the machine's package list differs from before the test" >&2
    status=1
  elif [ -e /usr/bin/blocksmith ] || [ -e /usr/bin/blocksmith-app ]; then
    echo "package test: files of the package are left after uninstalling it" >&2
    status=1
  else
    echo "uninstalled; the machine's packages are as they were"
  fi
  exit "$status"
}
trap uninstall EXIT
dpkg -i "$deb" || true
DEBIAN_FRONTEND=noninteractive apt-get -f install -y -qq
installed "$PACKAGE" || fail "the .deb did not install: $(dpkg-query -W -f '${Status}' "$PACKAGE" 2>&1)"
deb_files=$(dpkg -L "$PACKAGE")
expect_listed "$deb_files" "${APP_FILES[@]}" "${CLI_FILES[@]}" /usr/share/zsh/vendor-completions/_blocksmith

# Everything below runs from the installed paths in a scratch home, so nothing in the checkout or in the
# machine's own home is used or left behind.
cd "$scratch"
mkdir home
as_user() { env -i PATH=/usr/bin:/bin HOME="$scratch/home" "$@"; }

step "blocksmith --version, and the template flow run from /usr/bin/blocksmith"
[ "$(command -v blocksmith)" = /usr/bin/blocksmith ] || fail "blocksmith is not on PATH at /usr/bin/blocksmith"
version=$(as_user blocksmith --version)
[ "$version" = "blocksmith $VERSION" ] || fail "blocksmith --version printed \"$version\", not \"blocksmith $VERSION\""
echo "$version"
# A management command creates the new workspace from the templates; the run's workers are /usr/bin/blocksmith
# started again.
as_user blocksmith config-vars set --workspace "$scratch/workspace" "App Base URL" https://example.test
as_user /usr/bin/blocksmith run --workspace "$scratch/workspace" --flow "Flow 1" >run.json
node -e '
  const outcome = JSON.parse(require("fs").readFileSync("run.json", "utf8"));
  const names = outcome.steps.map((step) => step.name).join(", ");
  if (!outcome.ok || names !== "Code Block Trigger, Code Block") {
    console.error(`the template flow did not run as expected: ${JSON.stringify(outcome)}`);
    process.exit(1);
  }
  console.log(`template flow ran: ok, steps ${names}`);
'

step "the manual page and the bash completion work where they were installed"
zcat /usr/share/man/man1/blocksmith.1.gz | grep -q '^\.TH blocksmith 1' || fail "the manual page has no .TH blocksmith 1 header"
man_path=$(as_user man -w blocksmith) || fail "man does not find the blocksmith page"
echo "man -w blocksmith: $man_path"
completion=$(as_user bash -c 'source /usr/share/bash-completion/completions/blocksmith && complete -p blocksmith')
echo "bash: $completion"

step "the app from its desktop entry under Xvfb: its window appears and it stays up"
exec_line=$(sed -n 's/^Exec=//p' /usr/share/applications/Blocksmith.desktop)
[ "$exec_line" = blocksmith-app ] || fail "the desktop entry starts \"$exec_line\", not blocksmith-app"
# Run in a shell of its own under Xvfb and a session bus, as a desktop session would give it.
window_check='
  set -euo pipefail
  blocksmith-app >app.log 2>&1 &
  app=$!
  window=""
  for _ in $(seq 60); do
    window=$(xdotool search --onlyvisible --name "^Blocksmith\$" 2>/dev/null | head -1) && [ -n "$window" ] && break
    kill -0 "$app" 2>/dev/null || { echo "the app exited before its window appeared:"; cat app.log; exit 1; }
    sleep 0.5
  done
  [ -n "$window" ] || { echo "no Blocksmith window after 30 s:"; cat app.log; kill "$app"; exit 1; }
  echo "window $window: $(xdotool getwindowgeometry "$window" | tr "\n" " ")"
  sleep 5
  kill -0 "$app" 2>/dev/null || { echo "the app exited within 5 s of showing its window:"; cat app.log; exit 1; }
  worker=$(pgrep -P "$app" -a | grep -F " __worker" || true)
  echo "warm worker: ${worker:-none}"
  kill "$app"
  wait "$app" || true
  [ "${worker#* }" = "/usr/bin/blocksmith-app __worker" ] || { echo "the app did not start its worker from /usr/bin/blocksmith-app"; exit 1; }
  [ -f "$HOME/Blocksmith/My Workspace/blocksmith.json" ] || { echo "the app did not open its default workspace, ~/Blocksmith/My Workspace"; exit 1; }
'
as_user xvfb-run -a -s "-screen 0 1280x800x24" dbus-run-session -- bash -c "$window_check" \
  || fail "the installed app did not start as it should (above)"

step "a block run in the installed app, through WebDriver (its workers are the installed binary)"
(cd "$repo" && BLOCKSMITH_APP=/usr/bin/blocksmith-app bash scripts/e2e.sh \
  --test-name-pattern='running a block shows its result and its log lines')

step "package test passed"

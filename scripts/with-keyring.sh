#!/usr/bin/env bash
# Runs a command inside a fresh, real OS keyring session, for tests that must store secrets:
#   - a new kernel session keyring (keyctl session), for the keyutils store;
#   - a private D-Bus session bus (dbus-run-session) with gnome-keyring's Secret Service on it;
#   - a brand-new "login" collection, created and unlocked with a generated password, whose files
#     live in a temporary XDG_DATA_HOME that is removed afterwards.
# Nothing touches the user's own keyring. The command's exit code is passed through.
#
# Usage: scripts/with-keyring.sh <command> [arguments…]
#   e.g. scripts/with-keyring.sh cargo test -p blocksmith-secrets
set -euo pipefail

if [ $# -eq 0 ]; then
  echo "usage: $0 <command> [arguments…]" >&2
  exit 2
fi

for tool in keyctl dbus-run-session dbus-send gnome-keyring-daemon secret-tool; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "with-keyring: '$tool' is not installed; run scripts/system-deps.sh first." >&2
    exit 127
  fi
done

session_dir="$(mktemp -d "${TMPDIR:-/tmp}/blocksmith-keyring.XXXXXX")"
trap 'rm -rf "$session_dir"' EXIT
mkdir -m 700 "$session_dir/data" "$session_dir/runtime"

# gnome-keyring keeps its keyring files under XDG_DATA_HOME: a fresh one means a fresh login
# collection, created by --unlock with this password.
export XDG_DATA_HOME="$session_dir/data"
export BLOCKSMITH_KEYRING_PASSWORD
BLOCKSMITH_KEYRING_PASSWORD="$(head -c 24 /dev/urandom | base64)"
# The daemon's control socket goes to XDG_RUNTIME_DIR; give it the session's own, so nothing is left
# behind, without changing XDG_RUNTIME_DIR for the command itself.
export BLOCKSMITH_KEYRING_RUNTIME_DIR="$session_dir/runtime"

inner='
set -euo pipefail
printf %s "$BLOCKSMITH_KEYRING_PASSWORD" \
  | XDG_RUNTIME_DIR="$BLOCKSMITH_KEYRING_RUNTIME_DIR" \
    gnome-keyring-daemon --unlock --components=secrets >/dev/null
unset BLOCKSMITH_KEYRING_PASSWORD BLOCKSMITH_KEYRING_RUNTIME_DIR

# The daemon forks before it owns its bus name; a client arriving earlier would make D-Bus start a
# second, locked daemon. Wait for the name.
secrets_owned() {
  dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
    org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null \
    | grep -q "boolean true"
}
for _ in $(seq 100); do
  secrets_owned && break
  sleep 0.05
done
if ! secrets_owned; then
  echo "with-keyring: gnome-keyring did not appear on the session bus within 5 seconds." >&2
  exit 70
fi

# Check the session before handing it over, so a broken wrapper is not mistaken for a failing test.
check_value="with-keyring check $$"
printf %s "$check_value" | secret-tool store --label="with-keyring check" with-keyring check
if [ "$(secret-tool lookup with-keyring check)" != "$check_value" ]; then
  echo "with-keyring: the fresh login keyring did not return the value just stored in it." >&2
  exit 70
fi
secret-tool clear with-keyring check

exec "$@"
'

set +e
# keyctl announces the new session keyring and dbus-daemon warns that it may not raise its file
# limit in a container: harmless noise.
keyctl session - dbus-run-session -- bash -c "$inner" with-keyring "$@" \
  2> >(grep -v -e "Failed to set fd limit" -e "^Joined session keyring" >&2)
status=$?
set -e
exit "$status"

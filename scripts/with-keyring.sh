#!/usr/bin/env bash
# Runs a command inside a fresh, real OS keyring session, for tests that must store secrets:
#   - a new kernel session keyring (keyctl session), for the keyutils store;
#   - a private D-Bus session bus (dbus-run-session) with gnome-keyring's Secret Service on it;
#   - a brand-new "login" collection, created and unlocked with a generated password, whose files
#     live in a temporary XDG_DATA_HOME that is removed afterwards.
# gnome-keyring 42 aborts now and then when many short-lived clients arrive at once (an upstream
# race in its client bookkeeping). A desktop restarts it; here D-Bus does: the
# session's own activation file starts the daemon unlocked with the same password, on the same
# keyring files, whenever a client asks for the Secret Service and nobody owns it.
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
# collection, created by the first unlock with this password.
export XDG_DATA_HOME="$session_dir/data"
head -c 24 /dev/urandom | base64 > "$session_dir/password"
chmod 600 "$session_dir/password"

# D-Bus prefers services in XDG_DATA_HOME over the system's, whose daemon would start locked. The
# daemon's control socket goes to the session's own runtime directory, so nothing is left behind,
# without changing XDG_RUNTIME_DIR for the command itself.
mkdir -p "$XDG_DATA_HOME/dbus-1/services"
cat > "$session_dir/start-keyring" <<START
#!/usr/bin/env bash
XDG_RUNTIME_DIR="$session_dir/runtime" \
  exec gnome-keyring-daemon --foreground --unlock --components=secrets < "$session_dir/password" >/dev/null
START
chmod 700 "$session_dir/start-keyring"
cat > "$XDG_DATA_HOME/dbus-1/services/org.freedesktop.secrets.service" <<SERVICE
[D-BUS Service]
Name=org.freedesktop.secrets
Exec=$session_dir/start-keyring
SERVICE

inner='
set -euo pipefail
# Ask for the Secret Service by name, so D-Bus starts it from the activation file above.
if ! dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
  org.freedesktop.DBus.StartServiceByName string:org.freedesktop.secrets uint32:0 >/dev/null; then
  echo "with-keyring: D-Bus could not start the Secret Service (gnome-keyring)." >&2
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

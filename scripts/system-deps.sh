#!/usr/bin/env bash
# Installs the Debian packages the app and its tests need: WebKitGTK for Tauri, Xvfb and the WebDriver
# for end-to-end tests, D-Bus, gnome-keyring and keyutils for a real OS keyring session, rpm to read the .rpm
# package in the package test.
# Skips the install when every package is present; prints the command instead when not root.
set -euo pipefail

PACKAGES=(
  libwebkit2gtk-4.1-dev build-essential curl wget file libxdo-dev libssl-dev
  libayatana-appindicator3-dev librsvg2-dev pkg-config libsqlite3-dev
  xvfb xauth webkit2gtk-driver dbus dbus-x11 gnome-keyring libsecret-tools keyutils imagemagick xdotool
  rpm
)

missing=()
for pkg in "${PACKAGES[@]}"; do
  if ! dpkg -s "$pkg" >/dev/null 2>&1; then missing+=("$pkg"); fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "system packages: all ${#PACKAGES[@]} present"
  exit 0
fi

cmd="apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends ${missing[*]}"
if [ "$(id -u)" -ne 0 ]; then
  echo "Blocksmith needs these system packages: ${missing[*]}" >&2
  echo "Install them with:" >&2
  echo "  sudo sh -c '$cmd'" >&2
  exit 1
fi

echo "system packages: installing ${#missing[@]} missing (about a minute)…"
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "system packages: installed"

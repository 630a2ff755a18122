#!/usr/bin/env bash
# Installs the Debian/Ubuntu packages GeoMekong needs, when any is missing: with apt-get as root,
# with sudo when that works without a password, or else prints the exact command and fails.
# With arguments, those packages instead (e.g. `scripts/system-deps.sh cgi-mapserver` for make bench).
set -euo pipefail
packages=(postgresql postgresql-postgis gdal-bin libgeos-c1v5 python3-venv
          chromium fonts-dejavu-core curl
          libatomic1)  # libatomic1: the node binary inside the playwright wheel needs it
[ $# -gt 0 ] && packages=("$@")
missing=()
for p in "${packages[@]}"; do
  # virtual or renamed packages count when something provides them
  dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# postgresql-postgis names the default version's package; what matters is the extension
if ls /usr/share/postgresql/*/extension/postgis.control >/dev/null 2>&1; then
  missing=("${missing[@]/postgresql-postgis}")
fi
missing=($(printf '%s\n' "${missing[@]}" | grep -v '^$' || true))
[ ${#missing[@]} -eq 0 ] && { echo "System packages: all present"; exit 0; }

cmd="apt-get install -y --no-install-recommends ${missing[*]}"
echo "Installing system packages: ${missing[*]}"
if [ "$(id -u)" = 0 ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && $cmd
elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
  sudo DEBIAN_FRONTEND=noninteractive apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive $cmd
else
  echo "Missing system packages. Run this as root, then run make again:" >&2
  echo "  sudo apt-get update && sudo $cmd" >&2
  exit 1
fi

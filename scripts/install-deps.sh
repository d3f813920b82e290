#!/usr/bin/env bash
# Installs NormTrack's build and test dependencies from Debian 12 packages.
# Quiet and quick when everything is already installed; uses sudo when not root.
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config
  libsqlite3-dev sqlite3
  libxapian-dev xapian-tools
  libpugixml-dev libboost-graph-dev
  libwxgtk3.2-dev
  libcli11-dev nlohmann-json3-dev libicu-dev
  libmd4c-dev libgumbo-dev libpoppler-cpp-dev
  catch2
  xvfb xauth imagemagick libxml2-utils
  # Draws the DOT exports in tests/cli/output_correctness_cli_test.cpp (skipped without it).
  graphviz
  # The fuzz build (tests/fuzz, docs/fuzzing.md): clang 16 compiles libstdc++ 12's <expected>.
  clang-16 libclang-rt-16-dev
)

missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "Installing ${#missing[@]} missing package(s): ${missing[*]}" >&2
sudo=()
if [ "$(id -u)" -ne 0 ]; then
  if ! command -v sudo >/dev/null; then
    echo "These packages are missing and sudo is not available: ${missing[*]}" >&2
    exit 1
  fi
  sudo=(sudo)
fi
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null

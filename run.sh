#!/usr/bin/env bash
# Quick start: install dependencies, build, load the bundled corpus into an empty library, then
# open the app. Without a display it prints a summary of the library instead.
set -euo pipefail
cd "$(dirname "$0")"
scripts/install-deps.sh
scripts/build.sh

cli=build/src/cli/normtrack
documents=$("$cli" stats --json 2>/dev/null | sed -n 's/^ *"documents": \([0-9]*\).*/\1/p' || true)
if [ "${documents:-0}" = "0" ]; then
  echo "Loading the bundled corpus into your library..."
  "$cli" import --quiet corpus/documents
fi

if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] && [ -x build/ui/normtrack-gui ]; then
  exec build/ui/normtrack-gui "$@"
fi
echo "No display: here is what your library holds (run the app on a desktop to browse it)."
"$cli" stats

#!/usr/bin/env bash
# Quick start: install dependencies, build, and run the whole suite through CTest.
# Exits non-zero on any failure. GUI tests run headless under Xvfb.
set -euo pipefail
cd "$(dirname "$0")"
scripts/install-deps.sh
scripts/build.sh
# Without arguments, everything but the long crash loop (label "crash": `./test.sh -L crash`);
# its short form, crash_consistency_short, runs with the rest (docs/reliability.md).
if [ $# -eq 0 ]; then set -- -LE '^crash$'; fi
ctest --test-dir build --output-on-failure -j"$(nproc)" "$@"

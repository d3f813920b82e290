#!/usr/bin/env bash
# Quick start: install dependencies, build, and run the whole suite through CTest.
# Exits non-zero on any failure. GUI tests run headless under Xvfb.
#
#   ./test.sh [CTEST ARGS...]             the normal build (build/), every label
#   ./test.sh --sanitize [CTEST ARGS...]  the non-GUI suite under AddressSanitizer and
#                                         UndefinedBehaviorSanitizer (the asan preset, build-asan/);
#                                         NORMTRACK_SANITIZE=1 ./test.sh does the same
set -euo pipefail
cd "$(dirname "$0")"
sanitize=${NORMTRACK_SANITIZE:-0}
if [ "${1:-}" = "--sanitize" ]; then
  sanitize=1
  shift
fi
scripts/install-deps.sh
if [ "$sanitize" = 1 ]; then
  # A separate build tree: the instrumented build never replaces the normal one.
  [ -f build-asan/build.ninja ] || cmake --preset asan >/dev/null
  cmake --build --preset asan -- -j"$(nproc)"
  exec ctest --preset asan -j"$(nproc)" "$@"
fi
scripts/build.sh
# Without arguments, everything but the long crash loop (label "crash": `./test.sh -L crash`);
# its short form, crash_consistency_short, runs with the rest (docs/reliability.md).
if [ $# -eq 0 ]; then set -- -LE '^crash$'; fi
ctest --test-dir build --output-on-failure -j"$(nproc)" "$@"

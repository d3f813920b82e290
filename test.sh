#!/usr/bin/env bash
# Quick start: install dependencies, build, and run the whole suite through CTest.
# Exits non-zero on any failure. GUI tests run headless under Xvfb.
set -euo pipefail
cd "$(dirname "$0")"
scripts/install-deps.sh
scripts/build.sh
ctest --test-dir build --output-on-failure -j"$(nproc)" "$@"

#!/usr/bin/env bash
# Configures (once) and builds NormTrack incrementally in build/. Shared by run.sh and test.sh so
# that both reuse one build tree and a second run is fast.
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir=${NORMTRACK_BUILD_DIR:-build}
if [ ! -f "$build_dir/build.ninja" ]; then
  cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DNORMTRACK_WERROR=ON \
    >"$build_dir.configure.log" 2>&1 || { cat "$build_dir.configure.log" >&2; exit 1; }
  rm -f "$build_dir.configure.log"
fi
cmake --build "$build_dir" -- -j"$(nproc)"

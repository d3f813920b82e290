#!/usr/bin/env bash
# Builds the fuzz build when needed and runs libFuzzer targets for a fixed time each.
#
#   tests/fuzz/run_fuzzers.sh [--seconds N] [--build-dir DIR] [--jobs N] [target...]
#
# Without targets, runs every target of the fuzz build (build-fuzz/fuzz-targets.txt) in turn.
# Seeds are read in place from the repository (corpus/documents, tests/fixtures/importers,
# tests/fixtures/extract, tests/fixtures/fuzz-regressions/<target>); what the fuzzer learns goes
# to DIR/corpus/<target>, crash inputs to DIR/artifacts/<target>/. Runs use a fixed seed, so
# the short CTest run ('fuzz' label) explores the same way each time. Exits 1 on a finding.
set -euo pipefail
source_dir=$(cd "$(dirname "$0")/../.." && pwd)
build_dir="$source_dir/build-fuzz"
seconds=20
jobs=2
targets=()
while [ $# -gt 0 ]; do
  case "$1" in
    --seconds) seconds=$2; shift 2 ;;
    --build-dir) build_dir=$2; shift 2 ;;
    --jobs) jobs=$2; shift 2 ;;
    -h|--help) sed -n '2,11p' "$0"; exit 0 ;;
    -*) echo "Unknown option $1" >&2; exit 2 ;;
    *) targets+=("$1"); shift ;;
  esac
done

compiler=${NORMTRACK_FUZZ_CXX:-clang++-16}
if ! command -v "$compiler" >/dev/null; then
  echo "The fuzz build needs $compiler (Debian packages clang-16 libclang-rt-16-dev;" \
       "scripts/install-deps.sh installs them)." >&2
  exit 1
fi

if [ ! -f "$build_dir/build.ninja" ]; then
  mkdir -p "$build_dir"
  echo "Configuring the fuzz build in $build_dir" >&2
  cmake -S "$source_dir" -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCMAKE_CXX_COMPILER="$compiler" -DNORMTRACK_FUZZ=ON >"$build_dir/configure.log" 2>&1 ||
    { cat "$build_dir/configure.log" >&2; exit 1; }
fi
echo "Building the fuzz targets" >&2
cmake --build "$build_dir" --target normtrack_fuzzers -- -j"$jobs" >"$build_dir/build.log" 2>&1 ||
  { tail -50 "$build_dir/build.log" >&2; exit 1; }

if [ ${#targets[@]} -eq 0 ]; then
  mapfile -t targets <"$build_dir/fuzz-targets.txt"
fi

# Symbolised stack traces in the reports (the symbolizer is not on PATH under its plain name).
symbolizer=$(ls /usr/lib/llvm-16/bin/llvm-symbolizer 2>/dev/null || command -v llvm-symbolizer || true)
[ -n "$symbolizer" ] && export ASAN_SYMBOLIZER_PATH="$symbolizer"

seeds=("$source_dir/corpus/documents" "$source_dir/tests/fixtures/importers"
       "$source_dir/tests/fixtures/extract")
failed=()
for target in "${targets[@]}"; do
  [ -n "$target" ] || continue
  binary="$build_dir/tests/fuzz/fuzz_$target"
  if [ ! -x "$binary" ]; then
    echo "No fuzz target $target (see $build_dir/fuzz-targets.txt)" >&2
    exit 2
  fi
  work="$build_dir/corpus/$target"
  artifacts="$build_dir/artifacts/$target/"
  mkdir -p "$work" "$artifacts"
  target_seeds=("${seeds[@]}")
  regressions="$source_dir/tests/fixtures/fuzz-regressions/$target"
  [ -d "$regressions" ] && target_seeds+=("$regressions")
  options=(-seed=1 -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536
           -print_final_stats=1 -artifact_prefix="$artifacts")
  dictionary="$source_dir/tests/fuzz/dictionaries/$target.dict"
  [ -f "$dictionary" ] && options+=(-dict="$dictionary")
  log="$build_dir/fuzz-$target.log"
  # The first corpus folder is the only one libFuzzer writes to: the repository stays as it is.
  if "$binary" "${options[@]}" "$work" "${target_seeds[@]}" >"$log" 2>&1; then
    summary=$(grep -E '^#[0-9]+.*DONE' "$log" | tail -1 || true)
    echo "fuzz_$target: ok ${summary:-}"
  else
    echo "fuzz_$target: FAILED, log $log" >&2
    grep -E 'ERROR|SUMMARY|invariant|Test unit written|^    #[0-9] ' "$log" | head -30 >&2 || true
    failed+=("$target")
  fi
done

if [ ${#failed[@]} -gt 0 ]; then
  echo "Findings in: ${failed[*]}. Reproduce with DIR/tests/fuzz/fuzz_<target> <crash file>;" \
       "keep the input in tests/fixtures/fuzz-regressions/<target>/ (docs/fuzzing.md)." >&2
  exit 1
fi

// The libFuzzer target of one entry point (fuzz_entry_points.h), chosen when compiling:
// NORMTRACK_FUZZ_TARGET is the target's name, e.g. "markdown" (see normtrack_add_fuzz_target).

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "fuzz/fuzz_entry_points.h"

namespace {

const nt::fuzz::EntryPoint& Target() {
  static const nt::fuzz::EntryPoint entry_point = [] {
    auto target = nt::fuzz::FindTarget(NORMTRACK_FUZZ_TARGET);
    if (!target) {
      std::fprintf(stderr, "%s\n", target.error().message.c_str());
      std::exit(2);
    }
    return std::move(target->run);
  }();
  return entry_point;
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  // Loads the registry, gazetteer and catalogue before the first input, so that their one-time
  // allocations are neither timed nor mistaken for leaks of an input.
  Target()("");
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  Target()(std::string_view(reinterpret_cast<const char*>(data), size));
  return 0;
}

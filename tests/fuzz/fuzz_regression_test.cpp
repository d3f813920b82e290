// Replays every saved fuzzer input in tests/fixtures/fuzz-regressions/<target>/ through the
// same entry point as the fuzz target <target> (fuzz_entry_points.h), under the normal build.
// A file there is an input that once crashed, hung or broke an invariant; this test keeps it
// fixed. See docs/fuzzing.md for how inputs get there.

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <set>
#include <string>

#include "core/file_io.h"
#include "core/text.h"
#include "fuzz/fuzz_entry_points.h"
#include "importers/registry.h"
#include "support/test_paths.h"

using namespace nt;

namespace {

std::filesystem::path RegressionsDir() { return test::FixturesDir() / "fuzz-regressions"; }

std::vector<std::filesystem::path> FilesIn(const std::filesystem::path& folder) {
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(folder)) {
    if (entry.is_regular_file() && entry.path().filename() != "README.md") {
      files.push_back(entry.path());
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace

TEST_CASE("Fuzz regressions: every saved input replays without a crash", "[fuzz]") {
  REQUIRE(std::filesystem::is_directory(RegressionsDir()));
  int replayed = 0;
  for (const auto& folder : std::filesystem::directory_iterator(RegressionsDir())) {
    if (!folder.is_directory()) continue;
    const std::string name = folder.path().filename().string();
    auto target = fuzz::FindTarget(name);
    INFO("folder " << folder.path());
    REQUIRE(target.has_value());  // a folder per target, named as the target
    for (const auto& file : FilesIn(folder.path())) {
      auto bytes = ReadFileBytes(file);
      REQUIRE(bytes.has_value());
      INFO("input " << file);
      target->run(*bytes);  // a crash or a broken invariant aborts the test run
      ++replayed;
    }
  }
  SUCCEED("replayed " << replayed << " inputs");
}

TEST_CASE("Fuzz regressions: every entry point takes empty, binary and text input", "[fuzz]") {
  for (const auto& target : fuzz::AllTargets()) {
    INFO("target " << target.name);
    target.run("");
    target.run(std::string("\0\xFF\xFE\x00", 4));
    target.run("\xEF\xBB\xBFTitle\r\n\r\n1. Japan and the United States will cooperate.\r\n");
  }
}

TEST_CASE("Fuzz regressions: every importer has a fuzz target in the fuzz build", "[fuzz]") {
  // The fuzz build makes one libFuzzer executable per name in NORMTRACK_FUZZ_TARGETS
  // (tests/fuzz/CMakeLists.txt); a new importer needs its normtrack_add_fuzz_target() line.
  std::set<std::string> built;
  for (const std::string& name : Split(NORMTRACK_FUZZ_TARGETS, ',')) built.insert(name);
  for (const auto& target : fuzz::AllTargets()) {
    INFO("add normtrack_add_fuzz_target(" << target.name << ") to tests/fuzz/CMakeLists.txt");
    CHECK(built.contains(target.name));
  }
  for (const std::string& name : built) {
    INFO("tests/fuzz/CMakeLists.txt names an unknown fuzz target " << name);
    CHECK(fuzz::FindTarget(name).has_value());
  }
}

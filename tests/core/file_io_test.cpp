#include <catch2/catch.hpp>
#include <algorithm>
#include <string>
#include <vector>

#include "core/fault.h"
#include "core/file_io.h"
#include "core/platform.h"
#include "support/temp_dir.h"

using namespace nt;

namespace {

// The names in `folder`, to see that no temporary file is left behind.
std::vector<std::string> Names(const std::filesystem::path& folder) {
  std::vector<std::string> names;
  for (const auto& entry : std::filesystem::directory_iterator(folder)) {
    names.push_back(platform::PathToUtf8(entry.path().filename()));
  }
  std::sort(names.begin(), names.end());
  return names;
}

}  // namespace

TEST_CASE("WriteFileAtomically: writes the bytes, replaces an older file, leaves nothing else",
          "[core]") {
  test::TempDir dir;
  const auto path = dir / "briefing — 第5回.graphml";
  REQUIRE(WriteFileAtomically(path, "first version"));
  CHECK(test::ReadAll(path) == "first version");
  REQUIRE(WriteFileAtomically(path, std::string("second\0version", 14)));
  CHECK(test::ReadAll(path) == std::string("second\0version", 14));
  CHECK(Names(dir.path()) == std::vector<std::string>{"briefing — 第5回.graphml"});
}

TEST_CASE("WriteFileAtomically: a failed write keeps the previous file and says so", "[core]") {
  test::TempDir dir;
  const auto path = dir.Write("export.dot", "previous");
  fault::Arm("file.write", 1);
  Status written = WriteFileAtomically(path, "new content");
  fault::DisarmAll();
  REQUIRE_FALSE(written);
  CHECK(written.error().code == ErrorCode::kIo);
  CHECK_THAT(written.error().message,
             Catch::Contains("export.dot") && Catch::Contains("nothing was written"));
  CHECK(test::ReadAll(path) == "previous");
  CHECK(Names(dir.path()) == std::vector<std::string>{"export.dot"});

  Status into_missing_folder = WriteFileAtomically(dir / "no-such-folder" / "x.csv", "a,b\n");
  REQUIRE_FALSE(into_missing_folder);
  CHECK_THAT(into_missing_folder.error().message, Catch::Contains("no-such-folder"));
}

TEST_CASE("SyncToDisk: files and folders are synced, a missing file is an error", "[core]") {
  test::TempDir dir;
  CHECK(platform::SyncToDisk(dir.Write("a.txt", "bytes")));
  CHECK(platform::SyncToDisk(dir.path()));
  CHECK_FALSE(platform::SyncToDisk(dir / "missing.txt"));
}

// Faults during writes (docs/reliability.md, "Faults during writes"): a disk that fills up, a
// read-only library, a library held by another process. Each run of the real binary ends with
// one sentence naming the file, exit code 2, and a library whose every row is as before.

#include <catch2/catch.hpp>
#include <algorithm>
#include <chrono>
#include <sqlite3.h>

#include "support/cli_library.h"
#include "support/database_snapshot.h"

#ifndef _WIN32
#include <sys/stat.h>
#include <unistd.h>
#endif

using namespace nt;
using test::CliRun;

namespace {

// The bundled corpus imported into a fresh library, every row of it, and a short statement to
// import next.
struct Library : test::CliLibrary {
  test::TempDir inputs;
  std::filesystem::path statement =
      inputs.Write("new.md", "# New statement\n\n1. Japan and the United States will act.\n");
  std::string before;

  Library() {
    ImportCorpus();
    before = test::DatabaseSnapshot(db);
  }
};

// A statement long enough that storing it writes far more than the file-size limit below.
[[maybe_unused]] std::string LongStatement() {
  std::string text = "# Joint Statement of the Long Dialogue\n\nTokyo, 1 April 2026\n\n";
  for (int i = 1; i <= 1500; ++i) {
    text += std::to_string(i) + ". Japan and the United States will cooperate on item " +
            std::to_string(i) + " of the work plan, sharing information on cyber incidents and "
            "building capacity with partners in the region.\n\n";
  }
  return text;
}

std::size_t Lines(const std::string& text) {
  return static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n'));
}

[[maybe_unused]] std::vector<std::string> FolderListing(const std::filesystem::path& folder) {
  std::vector<std::string> names;
  for (const auto& entry : std::filesystem::directory_iterator(folder)) {
    names.push_back(entry.path().filename().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

}  // namespace

// File-size limits and permissions are POSIX: these three run on Linux and macOS.
#ifndef _WIN32
TEST_CASE("CLI faults: a disk that fills up during an import leaves the library as it was",
          "[cli][faults]") {
  Library f;
  const auto statement = f.inputs.Write("long-statement.md", LongStatement());

  // Every write past 64 kB fails with EFBIG, as on a full disk: storing the statement needs more.
  CliRun run = f.RunWith({"import", statement.string()}, {}, {.max_file_bytes = 64 * 1024});
  INFO(run.out << run.err);
  CHECK(run.exit_code == 2);
  CHECK(Lines(run.err) == 1);
  CHECK_THAT(run.err, Catch::StartsWith("failed") && Catch::Contains("long-statement.md") &&
                          Catch::Contains("library.sqlite3") &&
                          Catch::Contains("nothing was changed"));
  CHECK(test::DatabaseSnapshot(f.db) == f.before);

  // The library is whole and usable: the same import succeeds once there is room.
  CliRun again = f.Run({"import", statement.string()});
  INFO(again.err);
  CHECK(again.exit_code == 0);
  CHECK(f.Json({"stats", "--json"})["documents"] == 3);
}

TEST_CASE("CLI faults: an export that runs out of room keeps the previous file and leaves no "
          "other file",
          "[cli][faults]") {
  Library f;
  // 1,500 more commitments: a graph far larger than the limit, which must leave room for the
  // library's own 32 kB WAL index.
  const auto statement = f.inputs.Write("long-statement.md", LongStatement());
  REQUIRE(f.Run({"import", statement.string()}).exit_code == 0);
  test::TempDir out;
  const auto graphml = out.Write("graph.graphml", "previous export\n");
  const auto listing = FolderListing(out.path());

  CliRun run = f.RunWith({"graph", "export", "--format", "graphml", "-o", graphml.string()}, {},
                         {.max_file_bytes = 64 * 1024});
  INFO(run.err);
  CHECK(run.exit_code == 2);
  CHECK(Lines(run.err) == 1);
  CHECK_THAT(run.err, Catch::Contains("graph.graphml") && Catch::Contains("nothing was written"));
  CHECK(test::ReadAll(graphml) == "previous export\n");
  CHECK(FolderListing(out.path()) == listing);  // no temporary file left behind
}

TEST_CASE("CLI faults: a read-only library refuses an import with one sentence and keeps its "
          "content",
          "[cli][faults]") {
  Library f;
  test::CliProcess process;
  if (geteuid() == 0) {
    // Root ignores permission bits, so the binary runs as 'nobody', owner of the library and its
    // folder, the way a user runs on their own read-only file.
    process.run_as_uid = 65534;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(f.dir.path())) {
      REQUIRE(chown(entry.path().c_str(), 65534, 65534) == 0);
    }
    REQUIRE(chown(f.dir.path().c_str(), 65534, 65534) == 0);
    REQUIRE(chmod(f.inputs.path().c_str(), 0755) == 0);
    REQUIRE(chmod(f.statement.c_str(), 0644) == 0);
  }
  std::filesystem::permissions(f.db, std::filesystem::perms::owner_read |
                                         std::filesystem::perms::group_read |
                                         std::filesystem::perms::others_read);

  CliRun run = f.RunWith({"import", f.statement.string()}, {}, process);
  INFO(run.out << run.err);
  CHECK(run.exit_code == 2);
  CHECK(Lines(run.err) == 1);
  CHECK_THAT(run.err, Catch::StartsWith("failed") && Catch::Contains("new.md") &&
                          Catch::Contains("library.sqlite3") &&
                          Catch::Contains("cannot be written"));
  // Reading a read-only library still works.
  CliRun docs = f.RunWith({"docs"}, {}, process);
  INFO(docs.err);
  CHECK(docs.exit_code == 0);
  CHECK_THAT(docs.out, Catch::Contains("Joint Statement of the Japan-U.S. Cyber Dialogue"));

  std::filesystem::permissions(f.db, std::filesystem::perms::owner_write,
                               std::filesystem::perm_options::add);
  CHECK(test::DatabaseSnapshot(f.db) == f.before);
}
#endif  // _WIN32

TEST_CASE("CLI faults: a library held by another process makes an import wait a bounded time, "
          "then fail with one sentence",
          "[cli][faults]") {
  Library f;

  // This test process is the other program: it holds the write lock while the CLI runs.
  sqlite3* other = nullptr;
  REQUIRE(sqlite3_open(f.db.c_str(), &other) == SQLITE_OK);
  REQUIRE(sqlite3_exec(other, "BEGIN EXCLUSIVE; DELETE FROM paragraphs;", nullptr, nullptr,
                       nullptr) == SQLITE_OK);
  const auto start = std::chrono::steady_clock::now();
  CliRun run = f.Run({"import", f.statement.string()}, {{"NORMTRACK_BUSY_TIMEOUT_MS", "1500"}});
  const auto waited = std::chrono::steady_clock::now() - start;
  sqlite3_exec(other, "ROLLBACK", nullptr, nullptr, nullptr);
  sqlite3_close(other);

  INFO(run.out << run.err);
  CHECK(run.exit_code == 2);
  CHECK(Lines(run.err) == 1);
  CHECK_THAT(run.err, Catch::Contains("library.sqlite3") && Catch::Contains("locked"));
  CHECK(waited >= std::chrono::milliseconds(1400));  // it waited for the other writer...
  CHECK(waited < std::chrono::seconds(60));          // ...for a bounded time
  CHECK(test::DatabaseSnapshot(f.db) == f.before);
  CHECK(f.Run({"import", f.statement.string()}).exit_code == 0);  // and works once it is free
}

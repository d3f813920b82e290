#include <sqlite3.h>

#include <catch2/catch.hpp>
#include <fstream>
#include <random>

#include "core/fault.h"
#include "store/database.h"
#include "store/document_repository.h"
#include "store/schema.h"
#include "store/settings_repository.h"
#include "store_samples.h"
#include "support/raw_sqlite.h"
#include "support/temp_dir.h"

using namespace nt;
using namespace nt::store;
using nt::test::SampleDocument;
using nt::test::SampleParagraphs;

namespace {

std::string RandomBytes(std::size_t n) {
  std::mt19937 rng(42);
  std::string bytes(n, '\0');
  for (char& c : bytes) c = static_cast<char>(rng() & 0xFF);
  return bytes;
}

}  // namespace

TEST_CASE("Database: migrates an empty file to the latest schema", "[store]") {
  test::TempDir dir;
  auto path = dir / "sub" / "library.sqlite3";
  auto db = Database::Open(path, {.create_if_missing = true});
  REQUIRE(db);
  CHECK((*db)->schema_version() == LatestSchemaVersion());
  CHECK(std::filesystem::exists(path));
  db->reset();

  // Reopening an up-to-date file is a no-op that keeps the data.
  auto again = Database::Open(path);
  REQUIRE(again);
  CHECK((*again)->schema_version() == LatestSchemaVersion());
  CHECK(DocumentRepository(**again).Count().value() == 0);
}

TEST_CASE("Database: a missing file is reported and not created", "[store]") {
  test::TempDir dir;
  auto path = dir / "missing.sqlite3";
  auto db = Database::Open(path);
  REQUIRE_FALSE(db);
  CHECK(db.error().code == ErrorCode::kNotFound);
  // The sentence names the file; running a command is advice for the command line only (a
  // window never tells its user to run one).
  CHECK_THAT(db.error().message, Catch::Contains("missing.sqlite3") &&
                                     !Catch::Contains("normtrack init"));
  CHECK(db.error().cli_advice == "run 'normtrack init' to create one");
  CHECK_THAT(db.error().ForCommandLine(),
             Catch::EndsWith("missing.sqlite3'; run 'normtrack init' to create one."));
  CHECK_FALSE(std::filesystem::exists(path));
}

TEST_CASE("Database: a folder in place of the file is refused", "[store]") {
  test::TempDir dir;
  std::filesystem::create_directories(dir / "folder.sqlite3");
  auto db = Database::Open(dir / "folder.sqlite3", {.create_if_missing = true});
  REQUIRE_FALSE(db);
  CHECK(db.error().code == ErrorCode::kIo);
  CHECK_THAT(db.error().message, Catch::Contains("folder.sqlite3") && Catch::Contains("folder"));
}

TEST_CASE("Database: random bytes are refused as corrupt and left untouched", "[store]") {
  test::TempDir dir;
  const std::string bytes = RandomBytes(64 * 1024);
  auto path = dir.Write("random.sqlite3", bytes);
  auto db = Database::Open(path, {.create_if_missing = true});
  REQUIRE_FALSE(db);
  CHECK(db.error().code == ErrorCode::kCorrupt);
  CHECK_THAT(db.error().message, Catch::Contains("random.sqlite3"));
  CHECK(test::ReadAll(path) == bytes);
  CHECK_FALSE(std::filesystem::exists(dir / "random.sqlite3-wal"));
}

TEST_CASE("Database: a truncated NormTrack file is refused as corrupt", "[store]") {
  test::TempDir dir;
  auto path = dir / "cut.sqlite3";
  {
    auto db = Database::Open(path, {.create_if_missing = true});
    REQUIRE(db);
    Document document = SampleDocument("Cut");
    auto paragraphs = SampleParagraphs(400);
    REQUIRE(DocumentRepository(**db).Insert(document, paragraphs));
  }
  test::RawExec(path, "PRAGMA journal_mode = DELETE");
  std::string bytes = test::ReadAll(path);
  REQUIRE(bytes.size() > 8192);
  // Keep the header page, lose the rest: the schema says pages exist that do not.
  std::string cut = bytes.substr(0, 4096) + RandomBytes(bytes.size() - 4096);
  std::filesystem::remove(path);
  dir.Write("cut.sqlite3", cut);
  auto db = Database::Open(path);
  if (db) {
    // SQLite may open a file whose first page survived; reading must then fail cleanly.
    auto count = DocumentRepository(**db).Paragraphs(DocumentId(1));
    REQUIRE_FALSE(count);
    CHECK(count.error().code == ErrorCode::kCorrupt);
  } else {
    CHECK(db.error().code == ErrorCode::kCorrupt);
  }
}

TEST_CASE("Database: an SQLite file of another program is refused and left untouched",
          "[store]") {
  test::TempDir dir;
  auto path = dir / "other.db";
  test::RawExec(path, "CREATE TABLE contacts(name TEXT); INSERT INTO contacts VALUES ('Ada');");
  const std::string before = test::ReadAll(path);
  auto db = Database::Open(path, {.create_if_missing = true});
  REQUIRE_FALSE(db);
  CHECK(db.error().code == ErrorCode::kCorrupt);
  CHECK_THAT(db.error().message, Catch::Contains("other.db") && Catch::Contains("another program"));
  CHECK(test::ReadAll(path) == before);
}

TEST_CASE("Database: a file from a newer NormTrack is refused and left untouched", "[store]") {
  test::TempDir dir;
  auto path = dir / "newer.sqlite3";
  REQUIRE(Database::Open(path, {.create_if_missing = true}));
  test::RawExec(path, "PRAGMA user_version = 999");
  const std::string before = test::ReadAll(path);
  auto db = Database::Open(path);
  REQUIRE_FALSE(db);
  CHECK(db.error().code == ErrorCode::kSchemaTooNew);
  CHECK_THAT(db.error().message, Catch::Contains("newer.sqlite3") && Catch::Contains("999") &&
                                     Catch::Contains("newer NormTrack"));
  CHECK(test::ReadAll(path) == before);
}

TEST_CASE("Database: a writer blocked by another writer gets a clear 'locked' error",
          "[store]") {
  test::TempDir dir;
  auto path = dir / "busy.sqlite3";
  auto holder = Database::Open(path, {.create_if_missing = true});
  REQUIRE(holder);
  auto waiter = Database::Open(path, {.busy_timeout_ms = 50});
  REQUIRE(waiter);

  Status outer = (*holder)->InTransaction([&]() -> Status {
    Document document = SampleDocument("Held");
    auto paragraphs = SampleParagraphs(1);
    NT_TRY(DocumentRepository(**holder).Insert(document, paragraphs));
    // While the holder's write transaction is open, the other connection cannot write...
    Document other = SampleDocument("Blocked");
    auto more = SampleParagraphs(1);
    Status blocked = DocumentRepository(**waiter).Insert(other, more);
    REQUIRE_FALSE(blocked);
    CHECK(blocked.error().code == ErrorCode::kLocked);
    CHECK_THAT(blocked.error().message, Catch::Contains("busy.sqlite3") &&
                                            Catch::Contains("locked"));
    // ...but it can still read the last committed state (WAL).
    CHECK(DocumentRepository(**waiter).Count().value() == 0);
    return {};
  });
  REQUIRE(outer);
  CHECK(DocumentRepository(**waiter).Count().value() == 1);
}

TEST_CASE("Database: an exclusive lock held elsewhere blocks opening with 'locked'", "[store]") {
  test::TempDir dir;
  auto path = dir / "exclusive.sqlite3";
  REQUIRE(Database::Open(path, {.create_if_missing = true}));
  sqlite3* raw = nullptr;
  REQUIRE(sqlite3_open(path.string().c_str(), &raw) == SQLITE_OK);
  REQUIRE(sqlite3_exec(raw, "PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE;", nullptr, nullptr,
                       nullptr) == SQLITE_OK);
  auto db = Database::Open(path, {.busy_timeout_ms = 50});
  sqlite3_exec(raw, "COMMIT", nullptr, nullptr, nullptr);
  sqlite3_close(raw);
  REQUIRE_FALSE(db);
  CHECK(db.error().code == ErrorCode::kLocked);
  CHECK_THAT(db.error().message, Catch::Contains("exclusive.sqlite3"));
}

TEST_CASE("Database: a failed transaction leaves the database exactly as before", "[store]") {
  test::TempDir dir;
  auto db = Database::Open(dir / "tx.sqlite3", {.create_if_missing = true});
  REQUIRE(db);
  DocumentRepository documents(**db);
  Document kept = SampleDocument("Kept");
  auto kept_paragraphs = SampleParagraphs(3);
  REQUIRE(documents.Insert(kept, kept_paragraphs));

  SECTION("an error returned from the work rolls everything back") {
    Status result = (*db)->InTransaction([&]() -> Status {
      Document lost = SampleDocument("Lost");
      auto paragraphs = SampleParagraphs(5);
      NT_TRY(documents.Insert(lost, paragraphs));
      return Fail(ErrorCode::kIo, "simulated failure");
    });
    REQUIRE_FALSE(result);
    CHECK(result.error().message == "simulated failure");
  }
  SECTION("a failure injected halfway through the paragraphs rolls the document back") {
    fault::Arm("store.insert_paragraph", 4);
    Document lost = SampleDocument("Lost");
    auto paragraphs = SampleParagraphs(10);
    Status result = documents.Insert(lost, paragraphs);
    fault::DisarmAll();
    REQUIRE_FALSE(result);
    CHECK(result.error().code == ErrorCode::kIo);
  }
  SECTION("a failed nested savepoint keeps the outer transaction's work") {
    Status result = (*db)->InTransaction([&]() -> Status {
      Document outer = SampleDocument("Outer");
      auto paragraphs = SampleParagraphs(1);
      NT_TRY(documents.Insert(outer, paragraphs));
      Status inner = (*db)->InTransaction([&]() -> Status {
        NT_TRY(SettingsRepository(**db).Set("k", "v"));
        return Fail(ErrorCode::kIo, "inner failure");
      });
      CHECK_FALSE(inner);
      return {};
    });
    REQUIRE(result);
    CHECK(documents.Count().value() == 2);
    CHECK_FALSE(SettingsRepository(**db).Get("k").value().has_value());
    return;
  }
  auto list = documents.List();
  REQUIRE(list);
  REQUIRE(list->size() == 1);
  CHECK(list->front().document.title == "Kept");
  CHECK(list->front().paragraph_count == 3);
}

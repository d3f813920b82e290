// `normtrack backup FILE` and `normtrack restore FILE` (app/backup_service.h, promises 1-4).

#include <algorithm>
#include <atomic>
#include <catch2/catch.hpp>
#include <fstream>
#include <nlohmann/json.hpp>
#include <thread>

#include "support/cli_library.h"
#include "support/raw_sqlite.h"

using namespace nt;
using test::CliRun;
using test::RawExec;
using test::RawInt;

namespace {

struct Library : test::CliLibrary {
  std::string backup = (dir / "backup.sqlite3").string();

  Library() { ImportCorpus(); }

  void Ok(std::vector<std::string> args) {
    CliRun run = Run(std::move(args));
    INFO(run.out << run.err);
    REQUIRE(run.exit_code == 0);
  }
  // A refused restore: exit 2, one sentence containing `reason`, the library untouched.
  void RefuseRestore(const std::string& file, const std::string& reason) {
    const auto documents = RawInt(db, "SELECT count(*) FROM documents");
    CliRun restore = Run({"restore", file});
    INFO(restore.out << restore.err);
    CHECK(restore.exit_code == 2);
    CHECK_THAT(restore.err, Catch::Contains(reason));
    CHECK(std::count(restore.err.begin(), restore.err.end(), '\n') == 1);
    CHECK(RawInt(db, "SELECT count(*) FROM documents") == documents);
    CHECK_FALSE(std::filesystem::exists(db + ".restoring"));
    for (const auto& entry : std::filesystem::directory_iterator(dir.path())) {
      CHECK_THAT(entry.path().filename().string(), !Catch::Contains(".before-restore"));
    }
  }
};

}  // namespace

TEST_CASE("backup/restore: follow-up history survives the round trip", "[cli][backup]") {
  Library f;
  f.Ok({"followup", "add", "--title", "Join AIS", "--commitment", "1", "--date", "2017-08-01"});
  f.Ok({"followup", "status", "1", "in_progress", "--date", "2017-11-02", "--note", "applied"});
  f.Ok({"followup", "status", "1", "done", "--completion", "complete", "--date", "2018-02-15",
        "--evidence", "DHS AIS participants list, 2018"});
  const auto before = f.Json({"followup", "show", "1", "--json"});
  REQUIRE(before["history"].size() == 3);
  const auto documents = f.Json({"docs", "--json"});

  CliRun backup = f.Run({"backup", f.backup});
  INFO(backup.err);
  REQUIRE(backup.exit_code == 0);
  CHECK(std::filesystem::exists(f.backup));
  CHECK_FALSE(std::filesystem::exists(f.backup + "-wal"));  // one self-contained file
  CHECK_FALSE(std::filesystem::exists(f.backup + ".partial"));
  CHECK(test::RawColumn(f.backup, "PRAGMA integrity_check").front() == "ok");

  // Life goes on, then the backup is restored.
  f.Ok({"followup", "status", "1", "blocked", "--date", "2019-01-01"});
  f.Ok({"delete", "1"});
  auto restored = f.Json({"restore", f.backup, "--json"});
  CHECK(restored["documents"] == 2);
  CHECK(restored["indexed"] == 2);
  CHECK(f.Json({"followup", "show", "1", "--json"}) == before);
  CHECK(f.Json({"docs", "--json"}) == documents);
  CHECK(f.Run({"index", "--check"}).exit_code == 0);
  CHECK(f.Run({"check"}).exit_code == 0);
  CHECK_THAT(f.Run({"search", "botnets"}).out, Catch::Contains("Joint Statement"));
  // The replaced library is kept.
  const std::string kept = restored["previous"].get<std::string>();
  CHECK_THAT(kept, Catch::Contains(".before-restore-"));
  CHECK(RawInt(kept, "SELECT count(*) FROM documents") == 1);
}

TEST_CASE("restore: every replaced library is kept, and --undo puts the last one back",
          "[cli][backup]") {
  Library f;
  f.Ok({"backup", f.backup});  // two documents, no follow-up
  f.Ok({"followup", "add", "--title", "Join AIS", "--commitment", "1"});
  auto first = f.Json({"restore", f.backup, "--json"});
  const std::string kept_first = first["previous"].get<std::string>();
  CHECK(RawInt(kept_first, "SELECT count(*) FROM follow_ups") == 1);
  CHECK(f.Json({"followup", "list", "--json"}).empty());
  // A second restore keeps the first's copy: the follow-up is still in it.
  CliRun second = f.Run({"restore", f.backup});
  REQUIRE(second.exit_code == 0);
  CHECK_THAT(second.out, Catch::Contains("'normtrack restore --undo' puts it back"));
  CHECK(std::filesystem::exists(kept_first));
  CHECK(RawInt(kept_first, "SELECT count(*) FROM follow_ups") == 1);
  // Undo puts back what the second restore replaced (no follow-up either) and keeps the
  // current library as a copy of its own; the first copy, with the follow-up, restores too.
  auto undone = f.Json({"restore", "--undo", "--json"});
  CHECK_THAT(undone["previous"].get<std::string>(), Catch::Contains(".before-restore-"));
  CHECK(f.Json({"followup", "list", "--json"}).empty());
  CHECK(f.Run({"restore", kept_first}).exit_code == 0);
  CHECK(f.Json({"followup", "list", "--json"}).size() == 1);  // the follow-up is back
  CHECK(f.Run({"check"}).exit_code == 0);
}

TEST_CASE("restore --undo without an earlier restore says there is nothing to undo",
          "[cli][backup]") {
  Library f;
  CliRun undo = f.Run({"restore", "--undo"});
  CHECK(undo.exit_code == 1);
  CHECK_THAT(undo.err, Catch::Contains("nothing to undo"));
  CHECK(f.Run({"restore"}).exit_code == 1);
  CHECK(f.Run({"restore", f.backup, "--undo"}).exit_code == 1);
}

TEST_CASE("backup: an existing file is replaced only with --force", "[cli][backup]") {
  Library f;
  f.Ok({"backup", f.backup});
  const auto size = std::filesystem::file_size(f.backup);
  CliRun again = f.Run({"backup", f.backup});
  CHECK(again.exit_code == 1);
  CHECK_THAT(again.err, Catch::Contains("already exists") && Catch::Contains("--force"));
  CHECK(std::filesystem::file_size(f.backup) == size);
  f.Ok({"followup", "add", "--title", "Later", "--commitment", "2"});
  f.Ok({"backup", "--force", f.backup});
  CHECK(RawInt(f.backup, "SELECT count(*) FROM follow_ups") == 1);
  CliRun itself = f.Run({"backup", "--force", f.db});
  CHECK(itself.exit_code == 1);
}

TEST_CASE("backup: into a folder that does not exist names that folder", "[cli][backup]") {
  Library f;
  const auto missing = f.dir / "no-such-folder" / "deeper";
  CliRun run = f.Run({"backup", (missing / "library.sqlite3").string()});
  CHECK(run.exit_code == 2);
  CHECK_THAT(run.err, Catch::Contains("no-such-folder") && Catch::Contains("does not exist"));
  CHECK_THAT(run.err, !Catch::Contains(".partial"));  // not the staging file
  CHECK_FALSE(std::filesystem::exists(f.dir / "no-such-folder"));
}

TEST_CASE("backup: consistent while another connection holds a write transaction",
          "[cli][backup]") {
  Library f;
  sqlite3* writer = nullptr;
  REQUIRE(sqlite3_open(f.db.c_str(), &writer) == SQLITE_OK);
  REQUIRE(sqlite3_exec(writer,
                       "BEGIN IMMEDIATE; UPDATE documents SET title = 'uncommitted' WHERE id = 1",
                       nullptr, nullptr, nullptr) == SQLITE_OK);
  CliRun backup = f.Run({"backup", f.backup}, {{"NORMTRACK_BUSY_TIMEOUT_MS", "200"}});
  INFO(backup.err);
  CHECK(backup.exit_code == 0);
  REQUIRE(sqlite3_exec(writer, "COMMIT", nullptr, nullptr, nullptr) == SQLITE_OK);
  sqlite3_close(writer);
  CHECK(test::RawColumn(f.backup, "PRAGMA integrity_check").front() == "ok");
  CHECK(RawInt(f.backup, "SELECT count(*) FROM documents WHERE title = 'uncommitted'") == 0);
  f.Ok({"backup", "--force", f.backup});
  CHECK(RawInt(f.backup, "SELECT count(*) FROM documents WHERE title = 'uncommitted'") == 1);
}

TEST_CASE("backup: consistent while another connection keeps committing", "[cli][backup]") {
  Library f;
  // Each transaction writes a pair of rows: a backup holding one of a pair would be torn.
  std::atomic<bool> stop{false};
  std::atomic<int> commits{0};
  std::thread writer([&] {
    sqlite3* db = nullptr;
    if (sqlite3_open(f.db.c_str(), &db) != SQLITE_OK) return;
    sqlite3_busy_timeout(db, 5000);
    for (int i = 0; !stop; ++i) {
      const std::string n = std::to_string(i);
      const std::string sql = "BEGIN IMMEDIATE; INSERT INTO settings VALUES ('a" + n +
                              "', 'x'); INSERT INTO settings VALUES ('b" + n + "', 'y'); COMMIT";
      if (sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr) == SQLITE_OK) ++commits;
    }
    sqlite3_close(db);
  });
  for (int round = 0; round < 5; ++round) {
    CliRun backup = f.Run({"backup", "--force", f.backup});
    INFO(backup.err);
    CHECK(backup.exit_code == 0);
    CHECK(test::RawColumn(f.backup, "PRAGMA integrity_check").front() == "ok");
    CHECK(RawInt(f.backup, "SELECT count(*) FROM settings WHERE key LIKE 'a%'") ==
          RawInt(f.backup, "SELECT count(*) FROM settings WHERE key LIKE 'b%'"));
  }
  stop = true;
  writer.join();
  CHECK(commits > 0);
  CHECK(RawInt(f.backup, "SELECT count(*) FROM documents") == 2);
}

TEST_CASE("restore: an older schema is upgraded", "[cli][backup]") {
  Library f;
  f.Ok({"backup", f.backup});
  // Take the backup back to schema 1: what migrations 2, 3 and 4 added is gone.
  RawExec(f.backup,
          "DROP TABLE paragraph_actor_mentions; DROP TABLE actor_mention_scans; "
          "DROP TABLE index_outbox; DROP TABLE saved_search_matches; DROP TABLE corrections; "
          "DROP TABLE document_overrides; DROP TABLE rejected_commitments; "
          "DROP TABLE actor_redirects; DROP TABLE dialogue_redirects; "
          "DROP TRIGGER documents_drop_corrections; PRAGMA user_version = 1");
  for (const std::string& trigger : test::RawColumn(
           f.backup, "SELECT name FROM sqlite_schema WHERE name LIKE '%queue_index%'")) {
    RawExec(f.backup, "DROP TRIGGER " + trigger);
  }
  CliRun restore = f.Run({"restore", f.backup});
  INFO(restore.err);
  REQUIRE(restore.exit_code == 0);
  CHECK_THAT(restore.out, Catch::Contains("upgraded from schema 1 to 4"));
  CHECK(RawInt(f.db, "PRAGMA user_version") == 4);
  CHECK(f.Run({"check"}).exit_code == 0);
  CHECK_THAT(f.Run({"search", "botnets"}).out, Catch::Contains("Joint Statement"));
}

TEST_CASE("restore: refuses foreign, newer, damaged and random files in one sentence",
          "[cli][backup]") {
  Library f;
  f.RefuseRestore((f.dir / "missing.sqlite3").string(), "There is no file");

  const auto random = f.dir.Write("random.bin", std::string(8192, '\x7f'));
  f.RefuseRestore(random.string(), "not a NormTrack database or is damaged");

  const auto foreign = f.dir / "foreign.sqlite3";
  RawExec(foreign, "CREATE TABLE t (x); INSERT INTO t VALUES (1)");
  f.RefuseRestore(foreign.string(), "another program");

  const auto empty = f.dir / "empty.sqlite3";
  RawExec(empty, "PRAGMA user_version = 0");
  f.RefuseRestore(empty.string(), "empty database");

  f.Ok({"backup", f.backup});
  const auto newer = f.dir / "newer.sqlite3";
  std::filesystem::copy_file(f.backup, newer);
  RawExec(newer, "PRAGMA user_version = 99");
  f.RefuseRestore(newer.string(), "newer NormTrack");

  // A damaged page in the backup's paragraphs.
  const auto page_size = RawInt(f.backup, "PRAGMA page_size");
  const auto root =
      RawInt(f.backup, "SELECT rootpage FROM sqlite_schema WHERE name = 'paragraphs'");
  {
    std::fstream file(f.backup, std::ios::in | std::ios::out | std::ios::binary);
    file.seekp((root - 1) * page_size);
    const std::string garbage(static_cast<std::size_t>(page_size), '\xA5');
    file.write(garbage.data(), static_cast<std::streamsize>(garbage.size()));
  }
  f.RefuseRestore(f.backup, "damaged");
}

TEST_CASE("restore: refuses while the library is open elsewhere", "[cli][backup]") {
  Library f;
  f.Ok({"backup", f.backup});
  sqlite3* app = nullptr;
  REQUIRE(sqlite3_open(f.db.c_str(), &app) == SQLITE_OK);
  REQUIRE(RawInt(f.db, "SELECT count(*) FROM documents") == 2);
  sqlite3_exec(app, "SELECT count(*) FROM documents", nullptr, nullptr, nullptr);
  f.RefuseRestore(f.backup, "open in another program");
  sqlite3_close(app);
  f.Ok({"restore", f.backup});
}

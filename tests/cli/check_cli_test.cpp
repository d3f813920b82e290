// `normtrack check [--repair]`: each kind of damage is made with raw SQLite (foreign keys off,
// as another tool would), then detected, repaired from the database and checked again.

#include <catch2/catch.hpp>
#include <chrono>
#include <fstream>
#include <nlohmann/json.hpp>

#include "support/cli_library.h"
#include "support/raw_sqlite.h"

using namespace nt;
using test::CliRun;
using test::RawExec;
using test::RawInt;

namespace {

constexpr int kExitProblems = 3;

struct Damaged : test::CliLibrary {
  Damaged() { ImportCorpus(); }

  // Checks, expecting `problem` among the findings; repairs; checks clean again.
  void DetectAndRepair(const std::string& problem) {
    CliRun check = Run({"check"});
    INFO(check.out << check.err);
    CHECK(check.exit_code == kExitProblems);
    CHECK_THAT(check.out, Catch::Contains(problem));
    CHECK_THAT(check.out, Catch::Contains("normtrack check --repair"));

    CliRun repair = Run({"check", "--repair"});
    INFO(repair.out << repair.err);
    CHECK(repair.exit_code == 0);
    CHECK_THAT(repair.out, Catch::Contains("repaired: "));
    CHECK_THAT(repair.out, Catch::Contains("The library is healthy again."));
    ExpectHealthy();
  }
  void ExpectHealthy() {
    CliRun again = Run({"check"});
    INFO(again.out << again.err);
    CHECK(again.exit_code == 0);
    CHECK_THAT(again.out, Catch::Contains("The library is healthy."));
    CHECK(test::RawColumn(db, "PRAGMA foreign_key_check").empty());
    CHECK(Run({"index", "--check"}).exit_code == 0);
  }
};

}  // namespace

TEST_CASE("check: a healthy library passes, as text and as JSON", "[cli][check]") {
  Damaged f;
  f.ExpectHealthy();
  auto json = f.Json({"check", "--json"});
  CHECK(json["healthy"] == true);
  CHECK(json["schema_version"] == json["latest_schema_version"]);
  CHECK(json["problems"].empty());
  CHECK(json["unrepairable"].is_null());
  CliRun repair = f.Run({"check", "--repair"});
  CHECK(repair.exit_code == 0);
  CHECK_THAT(repair.out, Catch::Contains("The library is healthy."));
}

TEST_CASE("check: paragraphs of a deleted document are orphans, repair deletes them",
          "[cli][check]") {
  Damaged f;
  RawExec(f.db, "DELETE FROM documents WHERE id = 1");
  REQUIRE(RawInt(f.db, "SELECT count(*) FROM paragraphs WHERE document_id = 1") > 0);
  f.DetectAndRepair("rows of paragraphs whose document_id names no row of documents");
  CHECK(RawInt(f.db, "SELECT count(*) FROM paragraphs WHERE document_id = 1") == 0);
  CHECK(RawInt(f.db, "SELECT count(*) FROM document_revisions WHERE document_id = 1") == 0);
  CHECK(RawInt(f.db, "SELECT count(*) FROM paragraphs WHERE document_id = 2") > 0);
}

TEST_CASE("check: actors of a deleted commitment are orphans, repair deletes them",
          "[cli][check]") {
  Damaged f;
  const auto commitment = RawInt(f.db, "SELECT min(commitment_id) FROM commitment_actors");
  const auto before = RawInt(f.db, "SELECT count(*) FROM commitment_actors");
  RawExec(f.db, "DELETE FROM commitments WHERE id = " + std::to_string(commitment));
  f.DetectAndRepair("rows of commitment_actors whose commitment_id names no row of commitments");
  CHECK(RawInt(f.db, "SELECT count(*) FROM commitment_actors WHERE commitment_id = " +
                         std::to_string(commitment)) == 0);
  CHECK(RawInt(f.db, "SELECT count(*) FROM commitment_actors") < before);
}

TEST_CASE("check: follow-up history of a deleted follow-up is orphaned, repair deletes it",
          "[cli][check]") {
  Damaged f;
  CliRun added = f.Run({"followup", "add", "--title", "Join AIS", "--commitment", "1"});
  INFO(added.err);
  REQUIRE(added.exit_code == 0);
  REQUIRE(f.Run({"followup", "status", "1", "done"}).exit_code == 0);
  RawExec(f.db, "DELETE FROM follow_ups");
  f.DetectAndRepair("rows of follow_up_events whose follow_up_id names no row of follow_ups");
  CHECK(RawInt(f.db, "SELECT count(*) FROM follow_up_events") == 0);
}

TEST_CASE("check: a reference that ON DELETE SET NULL would clear is cleared", "[cli][check]") {
  Damaged f;
  RawExec(f.db, "UPDATE documents SET round_id = 999 WHERE id = 2");
  f.DetectAndRepair("rows of documents whose round_id names no row of rounds");
  CHECK(RawInt(f.db, "SELECT count(*) FROM documents WHERE id = 2 AND round_id IS NULL") == 1);
}

TEST_CASE("check: links to entities that no longer exist are deleted", "[cli][check]") {
  Damaged f;
  RawExec(f.db,
          "INSERT INTO links (source_kind, source_id, target_kind, target_id, type, origin, "
          "created_at) VALUES ('document', 1, 'document', 999, 'cites', 'manual', "
          "'2026-01-01T00:00:00Z'), ('follow_up', 42, 'commitment', 1, 'tracks', 'manual', "
          "'2026-01-01T00:00:00Z')");
  f.DetectAndRepair("Orphans (2): links whose source or target no longer exists");
  CHECK(RawInt(f.db, "SELECT count(*) FROM links WHERE target_id = 999 OR source_id = 42") == 0);
}

TEST_CASE("check: an index-queue row for a missing document becomes a removal", "[cli][check]") {
  Damaged f;
  RawExec(f.db,
          "INSERT INTO index_outbox (document_id, action, queued_at) VALUES (999, 'index', "
          "'2026-01-01T00:00:00Z')");
  f.DetectAndRepair("search-index queue rows for documents that no longer exist");
  CHECK(RawInt(f.db, "SELECT count(*) FROM index_outbox") == 0);
}

TEST_CASE("check: a missing provenance row is re-created from its document", "[cli][check]") {
  Damaged f;
  RawExec(f.db, "DELETE FROM document_revisions WHERE document_id = 2");
  f.DetectAndRepair("documents without the provenance row of their revision");
  CHECK(RawInt(f.db,
               "SELECT count(*) FROM document_revisions r JOIN documents d ON "
               "d.id = r.document_id AND d.revision = r.revision AND d.sha256 = r.sha256 "
               "WHERE d.id = 2") == 1);
}

TEST_CASE("check: a lost or stale search index is rebuilt from the database", "[cli][check]") {
  Damaged f;
  std::filesystem::remove_all(f.db + ".index");
  f.DetectAndRepair("Search index: There is no search index");
  // A paragraph changed behind the index's back (another tool edited the database).
  RawExec(f.db,
          "UPDATE paragraphs SET text = 'Quokkas were discussed at length.' WHERE id = (SELECT "
          "min(id) FROM paragraphs WHERE is_boilerplate = 0)");
  f.DetectAndRepair("has changed since it was indexed");
  CliRun found = f.Run({"search", "quokkas"});
  CHECK_THAT(found.out, Catch::Contains("Quokkas"));
}

TEST_CASE("check: documents still queued for the index are reported and indexed", "[cli][check]") {
  Damaged f;
  RawExec(f.db,
          "INSERT INTO index_outbox (document_id, action, queued_at) VALUES (1, 'index', "
          "'2026-01-01T00:00:00Z')");
  f.DetectAndRepair("1 document is still queued for the search index");
}

TEST_CASE("check: an index out of step with its table is rebuilt by REINDEX", "[cli][check]") {
  Damaged f;
  // Change the rows behind the index's back: for a while SQLite believes the index covers
  // another column, so updating source_path leaves its entries stale.
  const std::string original =
      test::RawColumn(f.db, "SELECT sql FROM sqlite_schema WHERE name = 'documents_by_source'")
          .front();
  RawExec(f.db,
          "PRAGMA writable_schema = ON; UPDATE sqlite_schema SET sql = 'CREATE INDEX "
          "documents_by_source ON documents(title)' WHERE name = 'documents_by_source'");
  RawExec(f.db, "UPDATE documents SET source_path = source_path || '.moved'");
  RawExec(f.db, "PRAGMA writable_schema = ON; UPDATE sqlite_schema SET sql = '" + original +
                    "' WHERE name = 'documents_by_source'");
  REQUIRE(test::RawColumn(f.db, "PRAGMA integrity_check").front() != "ok");
  f.DetectAndRepair("disagree with their tables");
  CHECK(test::RawColumn(f.db, "PRAGMA integrity_check").front() == "ok");
}

TEST_CASE("check: a damaged page cannot be repaired and says to restore a backup", "[cli][check]") {
  Damaged f;
  const auto page_size = RawInt(f.db, "PRAGMA page_size");
  const auto root = RawInt(f.db, "SELECT rootpage FROM sqlite_schema WHERE name = 'paragraphs'");
  REQUIRE_FALSE(std::filesystem::exists(f.db + "-wal"));
  {
    std::fstream file(f.db, std::ios::in | std::ios::out | std::ios::binary);
    file.seekp((root - 1) * page_size);
    const std::string garbage(static_cast<std::size_t>(page_size), '\xA5');
    file.write(garbage.data(), static_cast<std::streamsize>(garbage.size()));
  }
  for (bool repair : {false, true}) {
    std::vector<std::string> args{"check"};
    if (repair) args.push_back("--repair");
    CliRun check = f.Run(args);
    INFO(check.out << check.err);
    CHECK(check.exit_code == kExitProblems);
    CHECK_THAT(check.out + check.err,
               Catch::Contains("damaged") && Catch::Contains("restore your latest backup"));
    CHECK_THAT(check.out, !Catch::Contains("repaired: "));
  }
  auto json = nlohmann::json::parse(f.Run({"check", "--json"}).out);
  CHECK(json["healthy"] == false);
  CHECK_THAT(json["unrepairable"].get<std::string>(), Catch::Contains("normtrack restore"));
}

TEST_CASE("check: ordinary edits keep the library healthy (the index follows them at once)",
          "[cli][check]") {
  Damaged f;
  REQUIRE(f.Run({"followup", "add", "--title", "Join AIS", "--commitment", "11", "--owner", "NISC"})
              .exit_code == 0);
  f.ExpectHealthy();
  REQUIRE(f.Run({"followup", "status", "1", "done", "--evidence", "DHS list"}).exit_code == 0);
  f.ExpectHealthy();
  // The new status is searchable without any catch-up by the search itself.
  CHECK(test::RawInt(f.db, "SELECT count(*) FROM index_outbox") == 0);
  CliRun link = f.Run({"link", "add", "commitment:11", "relates_to_norm", "norm:13(f)"});
  INFO(link.out << link.err);
  REQUIRE(link.exit_code == 0);
  f.ExpectHealthy();
  REQUIRE(f.Run({"delete", "2"}).exit_code == 0);
  f.ExpectHealthy();
}

TEST_CASE(
    "check: folders an interrupted rebuild left are reported and removed, a running one's kept",
    "[cli][check]") {
  Damaged f;
  const std::filesystem::path index = f.db + ".index";
  // A folder beside the index with one file of 2 MB, last written `age` ago.
  auto beside = [&](const std::string& suffix, std::chrono::minutes age) {
    std::filesystem::path folder = index;
    folder += suffix;
    std::filesystem::create_directories(folder);
    std::ofstream(folder / "postlist.glass") << std::string(2'000'000, 'x');
    const auto when = std::filesystem::file_time_type::clock::now() - age;
    std::filesystem::last_write_time(folder / "postlist.glass", when);
    std::filesystem::last_write_time(folder, when);
    return folder;
  };
  const auto shard = beside(".shard0-3", std::chrono::minutes(120));
  const auto old = beside(".old", std::chrono::minutes(180));
  const auto running = beside(".shard1-0", std::chrono::minutes(5));  // a rebuild at work
  const auto unrelated = beside("-notes", std::chrono::minutes(600));

  CliRun index_check = f.Run({"index", "--check"});
  INFO(index_check.out << index_check.err);
  CHECK(index_check.exit_code == 0);  // the index itself agrees with the database
  CHECK_THAT(index_check.out,
             Catch::Contains("note: 2 folders left by an interrupted rebuild of the search index "
                             "take 4 MB beside it ('library.sqlite3.index.old', ...). "
                             "'normtrack check --repair' removes them."));
  f.DetectAndRepair("2 folders left by an interrupted rebuild of the search index take 4 MB");
  CHECK_FALSE(std::filesystem::exists(shard));
  CHECK_FALSE(std::filesystem::exists(old));
  CHECK(std::filesystem::exists(running));
  CHECK(std::filesystem::exists(unrelated));
}

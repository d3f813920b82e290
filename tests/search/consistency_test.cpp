#include <catch2/catch.hpp>

#include <fstream>
#include <thread>

#include "core/fault.h"
#include "search/indexer.h"
#include "search_fixture.h"
#include "store/follow_up_repository.h"

using namespace nt;
using test::HasLabel;
using test::SearchFixture;

namespace {

std::filesystem::path WriteStatement(const test::TempDir& dir, const std::string& sentence) {
  return dir.Write("statement.md",
                   "# Joint Statement on Quantum Cooperation\n\n"
                   "Tokyo, March 3, 2020\n\n1. " +
                       sentence +
                       "\n\n"
                       "2. The two sides welcomed progress on supply chain security.\n");
}

}  // namespace

TEST_CASE(
    "Index consistency: an import writes an outbox row that the index sync clears "
    "(invariants 6, 7)",
    "[search]") {
  SearchFixture f;
  f.Import({test::JointStatementPath()}, /*indexed=*/false);
  auto before = f.index->Check();
  REQUIRE(before);
  CHECK(before->pending == 1);
  CHECK_FALSE(before->ok());

  auto synced = f.index->Sync();
  REQUIRE(synced);
  CHECK(synced->indexed == 1);
  auto after = f.index->Check();
  REQUIRE(after);
  CHECK(after->pending == 0);
  CHECK(after->ok());
  CHECK(after->store_documents == 1);
  CHECK(after->index_documents == 1);
}

TEST_CASE(
    "Index consistency: a crash between the SQLite and the Xapian commit is repaired on "
    "the next open (invariant 7)",
    "[search]") {
  SearchFixture f;
  f.Import({test::NiscArticlePath()});
  const char* point = GENERATE("search.before_index_commit", "search.before_outbox_clear");
  INFO(point);
  fault::Arm(point, 1);
  const app::ImportReport report = f.Import({test::JointStatementPath()});
  fault::DisarmAll();
  CHECK(report.AllSucceeded());             // the document is stored...
  REQUIRE(report.index_error.has_value());  // ...but the index step was interrupted
  auto check = f.index->Check();
  REQUIRE(check);
  CHECK(check->pending == 1);
  if (std::string(point) == "search.before_index_commit") CHECK_FALSE(check->ok());

  f.Reopen();  // the next process: the upkeep at open repairs (workspace invariant 4)
  auto results = f.Search("\"critical infrastructure\" actor:Japan");
  CHECK(HasLabel(results, "7(2)a"));
  auto repaired = f.index->Check();
  REQUIRE(repaired);
  CHECK(repaired->pending == 0);
  CHECK(repaired->ok());
  CHECK(repaired->index_documents == 2);
}

TEST_CASE("Index consistency: check reports drift, rebuild repairs it (invariant 9)", "[search]") {
  SearchFixture f;
  f.ImportCorpus();
  auto clean = f.index->Check();
  REQUIRE(clean);
  CHECK(clean->ok());
  CHECK(clean->store_documents == 2);
  CHECK(clean->index_documents == 2);
  CHECK(clean->index_items > 59);  // 59 content paragraphs, plus commitments

  // A document deleted behind the index's back (no search service) is drift.
  app::ImportService unindexed(*f.library, f.registry, &test::Reference());
  auto deleted = unindexed.DeleteDocument("International Strategy");
  REQUIRE(deleted);
  auto drift = f.index->Check();
  REQUIRE(drift);
  CHECK_FALSE(drift->ok());
  REQUIRE(drift->drift.size() == 1);
  CHECK_THAT(drift->drift[0], Catch::Contains("no longer in the database"));

  auto rebuilt = f.index->Rebuild();
  REQUIRE(rebuilt);
  CHECK(rebuilt->indexed == 1);
  auto after = f.index->Check();
  REQUIRE(after);
  CHECK(after->ok());
  CHECK(after->pending == 0);
  CHECK(after->index_documents == 1);
}

TEST_CASE(
    "Index consistency: a rebuild that fails keeps the queue of unindexed documents "
    "(invariant 7)",
    "[search]") {
  SearchFixture f;
  f.Import({test::NiscArticlePath()});
  f.Import({test::JointStatementPath()}, /*indexed=*/false);
  auto queued = f.index->Check();
  REQUIRE(queued);
  REQUIRE(queued->pending == 1);

  fault::Arm("search.before_rebuild_finish", 1);
  auto failed = f.index->Rebuild();
  fault::DisarmAll();
  REQUIRE_FALSE(failed);
  auto after_failure = f.index->Check();
  REQUIRE(after_failure);
  CHECK(after_failure->pending == 1);  // the old index still lacks the statement, and says so
  CHECK(after_failure->index_documents == 1);
  CHECK_FALSE(after_failure->ok());

  // A rebuild that completes covers the queued document and clears its row.
  auto rebuilt = f.index->Rebuild();
  REQUIRE(rebuilt);
  CHECK(rebuilt->indexed == 2);
  auto after = f.index->Check();
  REQUIRE(after);
  CHECK(after->pending == 0);
  CHECK(after->ok());
  CHECK(HasLabel(f.Search("\"critical infrastructure\" actor:Japan"), "7(2)a"));
}

TEST_CASE(
    "Index consistency: a sync with most of the library queued rebuilds the index on every "
    "core, a smaller one indexes the queue",
    "[search]") {
  SearchFixture f;
  f.Import({test::NiscArticlePath()});
  test::TempDir inputs;
  const int queued = GENERATE(199, 200);
  CAPTURE(queued);
  for (int i = 0; i < queued; ++i) {
    inputs.Write("statement-" + std::to_string(i) + ".md",
                 "# Joint Statement " + std::to_string(i) +
                     "\n\nTokyo, March 3, 2020\n\n1. Japan "
                     "and Singapore will exchange views on topic " +
                     std::to_string(i) + ".\n");
  }
  f.Import({inputs.path()}, /*indexed=*/false);
  auto synced = f.index->Sync();
  REQUIRE(synced);
  // The rebuild indexes every document, the one already indexed too.
  const bool rebuilds = queued >= 200 && std::thread::hardware_concurrency() > 1;
  CHECK(synced->indexed == (rebuilds ? queued + 1 : queued));
  auto after = f.index->Check();
  REQUIRE(after);
  CHECK(after->pending == 0);
  CHECK(after->ok());
  CHECK(after->index_documents == queued + 1);
  SearchRequest all;
  all.limit = 1000;
  CHECK(f.Search("\"exchange views\" topic item:paragraph", all).hits.size() ==
        static_cast<std::size_t>(queued));
}

TEST_CASE("Index consistency: deleting a document removes it from the index", "[search]") {
  SearchFixture f;
  f.ImportCorpus();
  REQUIRE(HasLabel(f.Search("botnets"), "7(2)d"));
  app::ImportService service(*f.library, f.registry, &test::Reference());
  auto deleted = service.DeleteDocument("Joint Statement");
  REQUIRE(deleted);
  REQUIRE(f.index->Sync());  // the upkeep behind the deletion (workspace invariant 3)
  CHECK(f.Search("botnets").hits.empty());
  auto check = f.index->Check();
  REQUIRE(check);
  CHECK(check->ok());
  CHECK(check->index_documents == 1);
}

TEST_CASE(
    "Index consistency: re-importing a changed file replaces its index entries "
    "(invariant 8)",
    "[search]") {
  SearchFixture f;
  test::TempDir files;
  auto path = WriteStatement(files, "Both sides will cooperate on quantum cryptography research.");
  f.Import({path});
  CHECK(f.Search("quantum cryptography").hits.size() >= 1);
  const auto items = f.index->Check()->index_items;

  WriteStatement(files, "Both sides will cooperate on post-quantum migration planning.");
  auto report = f.Import({path});
  CHECK(report.Count(app::ImportOutcome::kRevised) == 1);
  CHECK(f.Search("cryptography").hits.empty());
  CHECK(HasLabel(f.Search("migration planning"), "1"));
  CHECK(HasLabel(f.Search("\"supply chain security\""), "2"));  // the kept paragraph
  auto check = f.index->Check();
  REQUIRE(check);
  CHECK(check->ok());
  CHECK(check->index_items == items);  // replaced, not added
}

TEST_CASE("Watches: a watched search reports matches new since the last report (invariant 10)",
          "[search]") {
  SearchFixture f;
  f.Import({test::JointStatementPath()});
  auto saved = f.saved->Save("quantum", "quantum", /*watch=*/true);
  REQUIRE(saved);
  auto none = f.saved->ReportWatches();
  REQUIRE(none);
  REQUIRE(none->size() == 1);
  CHECK(none->front().new_matches == 0);

  test::TempDir files;
  auto report = f.Import({WriteStatement(files, "Both sides will study quantum computing.")});
  REQUIRE(report.watch_matches.size() == 1);
  CHECK(report.watch_matches[0].first == "quantum");
  CHECK(report.watch_matches[0].second >= 1);

  auto fresh = f.saved->ReportWatches();
  REQUIRE(fresh);
  REQUIRE(fresh->size() == 1);
  CHECK(fresh->front().new_matches >= 1);
  REQUIRE_FALSE(fresh->front().hits.empty());
  CHECK(fresh->front().hits.front().document_title == "Joint Statement on Quantum Cooperation");

  auto again = f.saved->ReportWatches();
  REQUIRE(again);
  CHECK(again->front().new_matches == 0);

  auto bad = f.saved->Save("broken", "date:2019..2010", true);
  REQUIRE_FALSE(bad);
  CHECK(bad.error().code == ErrorCode::kUsage);
}

TEST_CASE("Index consistency: an empty library searches an empty index", "[search]") {
  SearchFixture f;
  auto results = f.Search("cyber");
  CHECK(results.hits.empty());
  CHECK(results.total_estimate == 0);
  auto check = f.index->Check();
  REQUIRE(check);
  CHECK(check->ok());
}

TEST_CASE(
    "Index consistency: a follow-up recorded outside an import queues its commitment's "
    "document, and status: finds it after the sync (invariant 6)",
    "[search]") {
  SearchFixture f;
  f.ImportCorpus();
  auto commitment = f.Search("\"critical infrastructure\" item:commitment");
  REQUIRE_FALSE(commitment.hits.empty());
  CHECK(f.Search("status:in_progress").hits.empty());

  store::FollowUpRepository follow_ups(f.library->database());
  FollowUp follow_up;
  follow_up.title = "Exchange on critical infrastructure approaches";
  follow_up.commitment_ids = {CommitmentId(commitment.hits.front().item_id)};
  FollowUpEvent first;
  first.date = "2018-01-15";
  first.status = FollowUpStatus::kInProgress;
  REQUIRE(follow_ups.Insert(follow_up, first));

  auto queued = f.index->Check();
  REQUIRE(queued);
  CHECK(queued->pending == 1);
  CHECK_FALSE(queued->ok());  // the content hash now differs

  f.Reopen();  // the upkeep at open syncs first
  auto found = f.Search("status:in_progress");
  CHECK(HasLabel(found, "7(2)a", search::ItemKind::kCommitment));
  CHECK(HasLabel(found, "7(2)a"));
  auto check = f.index->Check();
  REQUIRE(check);
  CHECK(check->ok());
}

TEST_CASE("Index consistency: check reads the index while another program holds its writer lock",
          "[search]") {
  SearchFixture f;
  f.ImportCorpus();
  // The other program (the app importing, say): it holds the only writable handle.
  auto writer =
      search::Indexer::Open(f.library->home().index, search::IndexOpenMode::kOpenOrCreate);
  REQUIRE(writer);
  auto check = f.index->Check();
  REQUIRE(check);
  CHECK(check->ok());
  CHECK(check->index_documents == 2);
  CHECK(check->index_items > 59);
  // And it sees what the other program commits.
  REQUIRE((*writer)->Remove(1));  // the first imported document
  REQUIRE((*writer)->Commit());
  auto drift = f.index->Check();
  REQUIRE(drift);
  CHECK_FALSE(drift->ok());
  CHECK(drift->index_documents == 1);
}

TEST_CASE("Index consistency: the next open completes a rebuild killed as it swapped the index in",
          "[search]") {
  SearchFixture f;
  f.ImportCorpus();
  const auto index = f.library->home().index;
  auto beside = [&](const char* suffix) {
    auto path = index;
    path += suffix;
    return path;
  };
  // Finish moved the old index aside and was killed before moving the merged one in.
  std::filesystem::rename(index, beside(".new"));
  std::filesystem::create_directories(beside(".old"));
  f.Reopen();
  auto found = f.Search("\"critical infrastructure\" actor:Japan");
  CHECK(HasLabel(found, "7(2)a", search::ItemKind::kCommitment));
  CHECK_FALSE(std::filesystem::exists(beside(".new")));
  CHECK_FALSE(std::filesystem::exists(beside(".old")));
  auto check = f.index->Check();
  REQUIRE(check);
  CHECK(check->ok());
  CHECK(check->index_documents == 2);
}

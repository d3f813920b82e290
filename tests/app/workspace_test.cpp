// app::Workspace (src/app/workspace.h) through its public interface only, as a front end sees
// it: imports in both job modes, reads and searches, read-only workspaces, the index found at
// open (workspace invariants 1-4) and the index upkeep after writes.

#include <algorithm>
#include <atomic>
#include <catch2/catch.hpp>
#include <filesystem>
#include <future>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "app/workspace.h"
#include "core/error.h"
#include "core/search_results.h"
#include "support/database_snapshot.h"
#include "support/temp_dir.h"
#include "support/test_paths.h"

using namespace nt;
using namespace nt::app;

namespace {

constexpr const char* kCriticalInfrastructure = "\"critical infrastructure\" actor:Japan";

// A library in a temporary folder, opened through Workspace::Open as a front end does.
struct Library {
  test::TempDir dir;
  Home home = Home::InFolder(dir / "home");

  std::unique_ptr<Workspace> Open(WorkspaceOptions options = {}) {
    options.home = home;
    auto opened = Workspace::Open(options);
    INFO((opened ? std::string() : opened.error().message));
    REQUIRE(opened);
    return std::move(*opened);
  }
  std::unique_ptr<Workspace> Create() {
    WorkspaceOptions options;
    options.create_if_missing = true;
    return Open(options);
  }
  // Creates the library and imports the corpus (both documents) in the foreground.
  ImportReport ImportCorpus() {
    auto workspace = Create();
    return RequireImported(*workspace, {test::CorpusDocumentsDir()});
  }
  static ImportReport RequireImported(Workspace& workspace,
                                      std::vector<std::filesystem::path> paths) {
    auto report = workspace.Import(std::move(paths)).Wait();
    INFO((report ? std::string() : report.error().message));
    REQUIRE(report);
    for (const FileImportResult& file : report->files) {
      INFO(file.path << ": " << (file.error ? file.error->message : ""));
      REQUIRE(file.outcome == ImportOutcome::kImported);
    }
    CHECK_FALSE(report->index_error.has_value());
    return *report;
  }
};

SearchResults RequireSearch(Workspace& workspace, const std::string& query) {
  SearchRequest request;
  request.query = query;
  request.limit = 50;
  auto results = workspace.Search(request);
  INFO(query << ": " << (results ? std::string() : results.error().message));
  REQUIRE(results);
  return *results;
}

std::set<std::string> Labels(const SearchResults& results) {
  std::set<std::string> labels;
  for (const SearchHit& hit : results.hits) labels.insert(hit.label);
  return labels;
}

// The index agrees with the store and nothing is left queued.
void RequireIndexAgrees(Workspace& workspace, int documents) {
  auto check = workspace.CheckIndex();
  REQUIRE(check);
  for (const std::string& drift : check->drift) UNSCOPED_INFO("drift: " << drift);
  CHECK(check->ok());
  CHECK(check->pending == 0);
  CHECK(check->store_documents == documents);
  CHECK(check->index_documents == documents);
}

// A workspace opened on a library whose index is missing, with nothing queued to build it:
// the state is reported and a search fails with a sentence, creating nothing (invariant 1).
void RequireSearchFailsWithoutIndex(Workspace& workspace) {
  CHECK(workspace.index_state_at_open() == IndexState::kMissing);
  CHECK_FALSE(workspace.last_index_upkeep().valid());
  SearchRequest request;
  request.query = "botnets";
  auto results = workspace.Search(request);
  REQUIRE_FALSE(results);
  CHECK(results.error().code == ErrorCode::kNotFound);
  CHECK_THAT(results.error().message, Catch::Contains("search index"));
  CHECK_FALSE(workspace.CheckIndex().value().ok());
  CHECK_FALSE(std::filesystem::exists(workspace.home().index));
}

template <typename T>
void RequireRefusedReadOnly(const Job<T>& job, const char* what) {
  INFO(what);
  REQUIRE(job.valid());
  auto result = job.Wait();
  REQUIRE_FALSE(result);
  CHECK(result.error().code == ErrorCode::kReadOnly);
  CHECK_FALSE(result.error().message.empty());
}

// A door an observer waits at until the test opens it.
struct Gate {
  std::promise<void> promise;
  std::shared_future<void> opened = promise.get_future().share();
  void Open() { promise.set_value(); }
};

}  // namespace

TEST_CASE("Workspace: an import in the foreground is stored, searchable and listed", "[app]") {
  Library library;
  auto workspace = library.Create();
  CHECK_FALSE(workspace->read_only());
  CHECK(workspace->index_state_at_open() == IndexState::kCurrent);
  CHECK_FALSE(workspace->last_index_upkeep().valid());  // nothing to keep up at open

  int done_calls = 0;
  JobObserver<ImportReport> observer;
  observer.done = [&](const Result<ImportReport>&) { ++done_calls; };
  auto job = workspace->Import({test::CorpusDocumentsDir()}, {}, observer);
  CHECK(job.done());  // foreground: finished when Import returns
  CHECK(done_calls == 1);
  auto report = job.Wait();
  REQUIRE(report);
  REQUIRE(report->files.size() == 2);
  CHECK(report->Count(ImportOutcome::kImported) == 2);
  CHECK(report->AllSucceeded());
  CHECK_FALSE(report->index_error.has_value());
  CHECK_FALSE(report->dry_run);

  auto results = RequireSearch(*workspace, kCriticalInfrastructure);
  CHECK(Labels(results).contains("7(2)a"));
  for (const SearchHit& hit : results.hits) {
    if (hit.label == "7(2)a") CHECK_THAT(hit.document_title, Catch::Contains("Joint Statement"));
  }
  RequireIndexAgrees(*workspace, 2);

  // The reads agree with the report.
  auto documents = workspace->ListDocuments();
  REQUIRE(documents);
  REQUIRE(documents->size() == 2);
  CHECK(workspace->DocumentCount().value() == 2);
  std::set<std::int64_t> reported_ids, listed_ids;
  std::set<std::string> reported_titles, listed_titles;
  int reported_commitments = 0, listed_commitments = 0;
  for (const FileImportResult& file : report->files) {
    reported_ids.insert(file.document_id.value);
    reported_titles.insert(file.title);
    reported_commitments += file.commitments;
  }
  for (const DocumentSummary& summary : *documents) {
    listed_ids.insert(summary.document.id.value);
    listed_titles.insert(summary.document.title);
    listed_commitments += summary.commitment_count;
  }
  CHECK(listed_ids == reported_ids);
  CHECK(listed_titles == reported_titles);
  CHECK(listed_commitments == reported_commitments);
  auto commitments = workspace->ListCommitments();
  REQUIRE(commitments);
  CHECK(static_cast<int>(commitments->size()) == reported_commitments);
  CHECK(reported_commitments > 0);
  for (const CommitmentView& view : *commitments) {
    CHECK(reported_ids.contains(view.row.document_id.value));
  }

  // The joint statement closes the fifth round of the Japan-U.S. Cyber Dialogue.
  auto statement = workspace->FindDocument("Joint Statement");
  REQUIRE(statement);
  auto dialogues = workspace->ListDialogues();
  REQUIRE(dialogues);
  bool fifth_round_found = false;
  for (const DialogueView& dialogue : *dialogues) {
    for (const RoundView& round : dialogue.rounds) {
      for (const Document& document : round.documents) {
        if (document.id.value == statement->id.value) {
          fifth_round_found = round.round.number == 5;
          CHECK_THAT(dialogue.dialogue.name, Catch::Contains("Cyber Dialogue"));
        }
      }
    }
  }
  CHECK(fifth_round_found);
}

TEST_CASE("Workspace: an import in the background finishes after its index upkeep", "[app]") {
  Library library;
  library.Create();  // an empty library
  WorkspaceOptions options;
  options.jobs = JobMode::kBackground;
  auto workspace = library.Open(options);

  Gate gate;
  JobObserver<ImportReport> observer;
  std::atomic<int> done_calls{0};
  // The import waits at the gate as it starts, so it cannot be done when Import returns.
  observer.started = [opened = gate.opened](std::string_view) { opened.wait(); };
  observer.done = [&](const Result<ImportReport>&) { done_calls.fetch_add(1); };
  auto job = workspace->Import({test::CorpusDocumentsDir()}, {}, observer);
  CHECK_FALSE(job.done());
  CHECK(done_calls == 0);
  gate.Open();

  auto report = job.Wait();
  REQUIRE(report);
  CHECK(report->Count(ImportOutcome::kImported) == 2);
  CHECK_FALSE(report->index_error.has_value());
  CHECK(done_calls == 1);
  // Workspace invariant 3: the handle finished once the upkeep behind the import had, so the
  // index holds both documents as soon as Wait returns.
  auto upkeep = workspace->last_index_upkeep();
  REQUIRE(upkeep.valid());
  CHECK(upkeep.done());
  CHECK(Labels(RequireSearch(*workspace, "botnets")).contains("7(2)d"));
  CHECK(Labels(RequireSearch(*workspace, kCriticalInfrastructure)).contains("7(2)a"));
  RequireIndexAgrees(*workspace, 2);
}

TEST_CASE("Workspace: a read-only workspace refuses every write and changes nothing", "[app]") {
  Library library;
  library.ImportCorpus();
  const std::string before = test::DatabaseSnapshot(library.home.database);

  WorkspaceOptions options;
  options.read_only = true;
  auto workspace = library.Open(options);
  CHECK(workspace->read_only());
  auto commitments = workspace->ListCommitments();
  REQUIRE(commitments);
  REQUIRE_FALSE(commitments->empty());
  const std::int64_t commitment = commitments->front().row.commitment.id.value;
  const std::string commitment_ref = "commitment:" + std::to_string(commitment);

  FollowUpInput input;
  input.title = "Join AIS";
  input.commitment_ids = {commitment};
  RequireRefusedReadOnly(workspace->Import({test::JointStatementPath()}), "Import");
  RequireRefusedReadOnly(workspace->DeleteDocument("Joint Statement"), "DeleteDocument");
  RequireRefusedReadOnly(workspace->AddFollowUp(input), "AddFollowUp");
  RequireRefusedReadOnly(workspace->EditFollowUp(1, {.title = "Renamed"}), "EditFollowUp");
  RequireRefusedReadOnly(workspace->ChangeFollowUpStatus(1, {.status = FollowUpStatus::kDone}),
                         "ChangeFollowUpStatus");
  RequireRefusedReadOnly(
      workspace->AddLink({.source = commitment_ref, .type = "implements",
                          .target = "document:International Strategy"}),
      "AddLink");
  RequireRefusedReadOnly(workspace->RemoveLink(1), "RemoveLink");
  RequireRefusedReadOnly(workspace->SaveSearch("botnets", "botnets", true), "SaveSearch");
  RequireRefusedReadOnly(workspace->ReportWatches(), "ReportWatches");
  RequireRefusedReadOnly(workspace->UpdateIndex(), "UpdateIndex");
  RequireRefusedReadOnly(workspace->RebuildIndex(), "RebuildIndex");
  RequireRefusedReadOnly(workspace->Repair(), "Repair");
  workspace->WaitForJobs();
  CHECK_FALSE(workspace->last_index_upkeep().valid());  // no upkeep behind refused writes

  CHECK(workspace->DocumentCount().value() == 2);
  CHECK(workspace->ListFollowUps().value().empty());
  auto manual = workspace->ListLinks({.origin = Origin::kManual});
  REQUIRE(manual);
  CHECK(manual->empty());
  CHECK(workspace->ListCommitments().value().size() == commitments->size());
  workspace.reset();
  CHECK(test::DatabaseSnapshot(library.home.database) == before);
}

TEST_CASE("Workspace: reads never write, a missing index is rebuilt only by a writable open",
          "[app]") {
  // Workspace invariants 1 and 4.
  Library library;
  library.ImportCorpus();
  REQUIRE(std::filesystem::exists(library.home.index));
  std::filesystem::remove_all(library.home.index);

  SECTION("read-only: the state is reported, searches fail with a sentence, nothing is built") {
    WorkspaceOptions options;
    options.read_only = true;
    auto workspace = library.Open(options);
    RequireSearchFailsWithoutIndex(*workspace);
    workspace.reset();
    CHECK_FALSE(std::filesystem::exists(library.home.index));
  }
  SECTION("writable without the upkeep at open: searches do not build it either") {
    WorkspaceOptions options;
    options.index_upkeep_at_open = false;
    int rebuilding_calls = 0;
    options.rebuilding_index = [&](IndexState, int) { ++rebuilding_calls; };
    auto workspace = library.Open(options);
    RequireSearchFailsWithoutIndex(*workspace);
    workspace.reset();
    CHECK(rebuilding_calls == 0);
    CHECK_FALSE(std::filesystem::exists(library.home.index));
  }
  SECTION("writable: the open rebuilds it from the library, then searches find the hits") {
    std::vector<std::pair<IndexState, int>> rebuilding;
    int upkeep_done = 0;
    WorkspaceOptions options;
    options.rebuilding_index = [&](IndexState found, int documents) {
      rebuilding.emplace_back(found, documents);
    };
    options.index_upkeep.done = [&](const Result<IndexUpkeepReport>&) { ++upkeep_done; };
    auto workspace = library.Open(options);
    CHECK(workspace->index_state_at_open() == IndexState::kMissing);
    REQUIRE(rebuilding.size() == 1);
    CHECK(rebuilding.front().first == IndexState::kMissing);
    CHECK(rebuilding.front().second == 2);
    CHECK(upkeep_done == 1);
    auto upkeep = workspace->last_index_upkeep();
    REQUIRE(upkeep.valid());
    auto report = upkeep.Wait();
    REQUIRE(report);
    CHECK_FALSE(report->error.has_value());
    CHECK(report->found == IndexState::kMissing);
    CHECK(report->sync.rebuilt);
    CHECK(report->sync.indexed == 2);
    CHECK(std::filesystem::exists(library.home.index));
    CHECK(Labels(RequireSearch(*workspace, "botnets")).contains("7(2)d"));
    RequireIndexAgrees(*workspace, 2);
  }
}

TEST_CASE("Workspace: another library's index is found foreign at open and rebuilt", "[app]") {
  // The other library holds one document of its own; this one the corpus's two.
  Library other;
  {
    auto workspace = other.Create();
    const auto lighthouses =
        other.dir.Write("lighthouses.md",
                        "# Joint Statement on Lighthouses\n\n"
                        "1. Atlantis and Lemuria affirmed that they will protect lighthouses "
                        "from quokkas.\n");
    Library::RequireImported(*workspace, {lighthouses});
    CHECK_FALSE(RequireSearch(*workspace, "lighthouses").hits.empty());
  }
  Library library;
  library.ImportCorpus();
  std::filesystem::remove_all(library.home.index);
  std::filesystem::copy(other.home.index, library.home.index,
                        std::filesystem::copy_options::recursive);

  {
    WorkspaceOptions options;
    options.read_only = true;
    auto workspace = library.Open(options);
    CHECK(workspace->index_state_at_open() == IndexState::kForeign);
    CHECK_FALSE(workspace->CheckIndex().value().ok());
  }
  std::vector<std::pair<IndexState, int>> rebuilding;
  WorkspaceOptions options;
  options.rebuilding_index = [&](IndexState found, int documents) {
    rebuilding.emplace_back(found, documents);
  };
  auto workspace = library.Open(options);
  CHECK(workspace->index_state_at_open() == IndexState::kForeign);
  REQUIRE(rebuilding.size() == 1);
  CHECK(rebuilding.front() == std::pair{IndexState::kForeign, 2});
  CHECK(RequireSearch(*workspace, "lighthouses").hits.empty());
  CHECK(Labels(RequireSearch(*workspace, "botnets")).contains("7(2)d"));
  RequireIndexAgrees(*workspace, 2);
}

TEST_CASE("Workspace: follow-up and link writes show in the reads and keep the index in step",
          "[app]") {
  Library library;
  library.ImportCorpus();
  auto workspace = library.Open();
  CHECK(workspace->index_state_at_open() == IndexState::kCurrent);
  auto commitments = workspace->ListCommitments({.document = "Joint Statement"});
  REQUIRE(commitments);
  REQUIRE_FALSE(commitments->empty());
  const CommitmentView& promised = commitments->front();
  const std::int64_t commitment = promised.row.commitment.id.value;
  CHECK(RequireSearch(*workspace, "status:in_progress").hits.empty());

  FollowUpInput input;
  input.title = "Joint ICS training";
  input.commitment_ids = {commitment};
  input.date = "2017-09-01";
  auto added = workspace->AddFollowUp(input).Wait();
  REQUIRE(added);
  CHECK(added->follow_up.title == "Joint ICS training");
  CHECK(added->follow_up.status == FollowUpStatus::kPlanned);
  const std::int64_t id = added->follow_up.id.value;
  auto listed = workspace->ListFollowUps();
  REQUIRE(listed);
  REQUIRE(listed->size() == 1);
  CHECK(listed->front().follow_up.id.value == id);
  CHECK(Labels(RequireSearch(*workspace, "status:planned")).contains(promised.row.paragraph_label));

  auto changed = workspace
                     ->ChangeFollowUpStatus(id, {.status = FollowUpStatus::kInProgress,
                                                 .date = "2017-11-02",
                                                 .note = "applied"})
                     .Wait();
  REQUIRE(changed);
  CHECK(changed->follow_up.status == FollowUpStatus::kInProgress);
  auto shown = workspace->ShowFollowUp(id);
  REQUIRE(shown);
  REQUIRE(shown->history.size() == 2);
  CHECK(shown->history.back().status == FollowUpStatus::kInProgress);
  // The upkeep queued behind the change reindexed the commitment (workspace invariant 3).
  auto upkeep = workspace->last_index_upkeep();
  REQUIRE(upkeep.valid());
  REQUIRE(upkeep.done());
  CHECK_FALSE(upkeep.Wait().value().error.has_value());
  auto in_progress = RequireSearch(*workspace, "status:in_progress");
  bool commitment_found = false;
  for (const SearchHit& hit : in_progress.hits) {
    if (hit.kind == ItemKind::kCommitment && hit.item_id == commitment) commitment_found = true;
  }
  CHECK(commitment_found);
  CHECK(RequireSearch(*workspace, "status:planned").hits.empty());
  RequireIndexAgrees(*workspace, 2);

  const std::string source = "commitment:" + std::to_string(commitment);
  auto link = workspace
                  ->AddLink({.source = source,
                             .type = "implements",
                             .target = "document:International Strategy",
                             .confidence = 0.8,
                             .note = "the strategy's section on the U.S."})
                  .Wait();
  REQUIRE(link);
  CHECK(link->link.type == "implements");
  CHECK(link->link.origin == Origin::kManual);
  CHECK(link->inverse_label == "implemented by");
  auto links = workspace->ListLinks({.entity = source, .origin = Origin::kManual});
  REQUIRE(links);
  REQUIRE(links->size() == 1);
  CHECK(links->front().link.id.value == link->link.id.value);
  CHECK(links->front().link.note == "the strategy's section on the U.S.");
  RequireIndexAgrees(*workspace, 2);

  auto removed = workspace->RemoveLink(link->link.id.value).Wait();
  REQUIRE(removed);
  CHECK(workspace->ListLinks({.entity = source, .origin = Origin::kManual}).value().empty());
  auto again = workspace->RemoveLink(link->link.id.value).Wait();
  REQUIRE_FALSE(again);
  CHECK(again.error().code == ErrorCode::kNotFound);
  RequireIndexAgrees(*workspace, 2);
}

TEST_CASE("Workspace: last_index_upkeep is valid after a write and reports no error", "[app]") {
  Library library;
  library.ImportCorpus();
  auto workspace = library.Open();
  CHECK_FALSE(workspace->last_index_upkeep().valid());  // the index was current at open
  auto deleted = workspace->DeleteDocument("International Strategy").Wait();
  REQUIRE(deleted);
  auto upkeep = workspace->last_index_upkeep();
  REQUIRE(upkeep.valid());
  REQUIRE(upkeep.done());
  auto report = upkeep.Wait();
  REQUIRE(report);
  CHECK_FALSE(report->error.has_value());
  CHECK(report->sync.removed == 1);
  RequireIndexAgrees(*workspace, 1);
}

TEST_CASE("Workspace: cancelling a background import through its handle stops the import",
          "[app]") {
  // Jobs invariant 2: a job's token is its handle's Cancel() (the GUI's Cancel button).
  Library library;
  library.Create();
  WorkspaceOptions options;
  options.jobs = JobMode::kBackground;
  auto workspace = library.Open(options);
  Gate gate;
  JobObserver<ImportReport> observer;
  observer.started = [opened = gate.opened](std::string_view) { opened.wait(); };
  auto job = workspace->Import({test::CorpusDocumentsDir()}, {}, observer);
  job.Cancel();  // before the first file: the import waits at the gate
  gate.Open();
  auto report = job.Wait();
  if (report) {
    CHECK(report->Count(ImportOutcome::kImported) == 0);
    CHECK(report->Count(ImportOutcome::kCancelled) == 2);
  } else {
    CHECK(report.error().code == ErrorCode::kCancelled);
  }
  workspace->WaitForJobs();
  CHECK(workspace->DocumentCount().value() == 0);
}

TEST_CASE("Workspace: an import's own cancellation token is honoured", "[app]") {
  // ImportOptions::cancel is the only way to stop a foreground import (the CLI's).
  Library library;
  auto workspace = library.Create();
  ImportOptions options;
  options.cancel.Cancel();
  auto report = workspace->Import({test::CorpusDocumentsDir()}, options).Wait();
  if (report) {
    CHECK(report->Count(ImportOutcome::kImported) == 0);
  } else {
    CHECK(report.error().code == ErrorCode::kCancelled);
  }
  CHECK(workspace->DocumentCount().value() == 0);
}

TEST_CASE("Workspace: another library's index with the same document ids is found at open",
          "[app]") {
  // Invariant 4 / index upkeep 11: an index "holding other documents than the library (another
  // library's)" is rebuilt, even when its document ids happen to match this library's.
  Library other;
  {
    auto workspace = other.Create();
    const auto lighthouses = other.dir.Write(
        "lighthouses.md",
        "# Joint Statement on Lighthouses\n\n"
        "1. Atlantis and Lemuria affirmed that they will protect lighthouses.\n");
    const auto quokkas = other.dir.Write(
        "quokkas.md",
        "# Joint Statement on Quokkas\n\n"
        "1. Atlantis and Lemuria intend to count the quokkas of Rottnest.\n");
    Library::RequireImported(*workspace, {lighthouses, quokkas});
  }
  Library library;
  library.ImportCorpus();  // two documents too: ids 1 and 2 in both libraries
  std::filesystem::remove_all(library.home.index);
  std::filesystem::copy(other.home.index, library.home.index,
                        std::filesystem::copy_options::recursive);

  auto workspace = library.Open();
  CHECK(NeedsRebuild(workspace->index_state_at_open()));
  CHECK(RequireSearch(*workspace, "lighthouses").hits.empty());
  CHECK(Labels(RequireSearch(*workspace, "botnets")).contains("7(2)d"));
  RequireIndexAgrees(*workspace, 2);
}

#include "app/workspace.h"

#include <utility>

#include "app/internal/backup_service.h"
#include "app/internal/correction_service.h"
#include "app/internal/follow_up_service.h"
#include "app/internal/graph_service.h"
#include "app/internal/health_check.h"
#include "app/internal/import_service.h"
#include "app/internal/index_upkeep.h"
#include "app/internal/library.h"
#include "app/internal/link_service.h"
#include "app/internal/query_service.h"
#include "app/internal/reference_data.h"
#include "app/internal/saved_searches.h"
#include "importers/registry.h"
#include "store/actor_repository.h"
#include "store/graph_snapshot.h"
#include "store/saved_search_repository.h"

namespace nt::app {
namespace {

// One connection and the services that use it. The reader's serve the front end's thread; the
// writer's run only inside jobs (jobs invariant 1).
struct Connection {
  Connection(std::unique_ptr<Library> opened, const ReferenceData& reference)
      : library(std::move(opened)),
        index(*library, reference),
        queries(*library, reference),
        saved(*library, queries),
        graph(*library) {}

  std::unique_ptr<Library> library;
  IndexUpkeep index;
  QueryService queries;
  SavedSearches saved;
  GraphService graph;
};

Error ReadOnlyError() {
  return Error{ErrorCode::kReadOnly,
               "The library is open read-only, so nothing in it can be changed."};
}

}  // namespace

struct Workspace::State {
  State(JobMode mode, const ReferenceData& reference_data)
      : reference(reference_data),
        registry(importers::Registry::WithBuiltinFormats()),
        jobs(mode) {}
  const ReferenceData& reference;
  importers::Registry registry;
  // The writer is declared first so that it closes last: the last connection to close
  // checkpoints the write-ahead log into the database file (a read-only one cannot), so a
  // database copied after NormTrack exits is whole.
  std::unique_ptr<Connection> writer;  // null when read-only
  std::unique_ptr<Connection> reader;
  IndexState index_state = IndexState::kCurrent;
  std::mutex upkeep_mutex;
  Job<IndexUpkeepReport> last_upkeep;
  // Last: destroyed first, so its jobs finish or are cancelled (jobs invariant 4) while the
  // connections they use still exist.
  JobQueue jobs;
};

Workspace::Workspace(std::unique_ptr<State> state) : state_(std::move(state)) {}

Workspace::~Workspace() = default;

Result<std::unique_ptr<Workspace>> Workspace::Open(const WorkspaceOptions& options) {
  auto reference = ReferenceData::Shipped();
  if (!reference) return Fail(reference.error());
  auto state = std::make_unique<State>(options.jobs, **reference);

  LibraryOptions library_options;
  library_options.busy_timeout_ms = options.busy_timeout_ms;
  if (!options.read_only) {
    // The writer opens first: it creates the file, or migrates an older schema, before the
    // reader looks at it.
    library_options.mode =
        options.create_if_missing ? OpenMode::kCreateIfMissing : OpenMode::kExisting;
    auto writer = Library::Open(options.home, library_options);
    if (!writer) return Fail(writer.error());
    if (!(*writer)->read_only()) {
      state->writer = std::make_unique<Connection>(std::move(*writer), **reference);
    }
  }
  library_options.mode = OpenMode::kExisting;
  library_options.read_only = true;
  auto reader = Library::Open(options.home, library_options);
  if (!reader) return Fail(reader.error());
  state->reader = std::make_unique<Connection>(std::move(*reader), **reference);

  // A library whose index cannot even be inspected (a damaged file) still opens: `check` is
  // how such a library is examined, and the writer's upkeep reports what is wrong.
  auto found = state->reader->index.Inspect();
  state->index_state = found ? *found : IndexState::kPending;

  const IndexState state_found = state->index_state;
  std::unique_ptr<Workspace> workspace(new Workspace(std::move(state)));
  if (workspace->state_->writer && options.index_upkeep_at_open &&
      state_found != IndexState::kCurrent) {
    JobObserver<IndexUpkeepReport> observer = options.index_upkeep;
    if (NeedsRebuild(state_found) && options.rebuilding_index) {
      auto documents = workspace->DocumentCount();
      observer.started = [found = state_found, documents = documents ? *documents : 0,
                          tell = options.rebuilding_index,
                          started = std::move(observer.started)](std::string_view description) {
        tell(found, documents);
        if (started) started(description);
      };
    }
    workspace->QueueIndexUpkeep(std::move(observer));
  }
  return workspace;
}

const Home& Workspace::home() const { return state_->reader->library->home(); }
int Workspace::schema_version() const {
  return state_->reader->library->database().schema_version();
}
bool Workspace::read_only() const { return state_->writer == nullptr; }
IndexState Workspace::index_state_at_open() const { return state_->index_state; }

// ---- Reads -------------------------------------------------------------------------------------

Result<std::vector<DocumentSummary>> Workspace::ListDocuments(const DocumentListQuery& query) {
  return state_->reader->library->ListDocuments(query);
}
Result<int> Workspace::DocumentCount() { return state_->reader->library->DocumentCount(); }
Result<Document> Workspace::FindDocument(std::string_view reference) {
  return state_->reader->library->FindDocument(reference);
}
Result<DocumentView> Workspace::ShowDocument(std::string_view reference) {
  return state_->reader->library->ShowDocument(reference);
}
Result<LibraryStatistics> Workspace::Statistics() { return state_->reader->library->Statistics(); }
Result<std::int64_t> Workspace::ChangeStamp() {
  return store::ReadChangeStamp(state_->reader->library->database());
}
Result<std::vector<CommitmentView>> Workspace::ListCommitments(const CommitmentFilter& filter) {
  return state_->reader->library->ListCommitments(filter);
}
Result<std::vector<DialogueView>> Workspace::ListDialogues() {
  return state_->reader->library->ListDialogues();
}
Result<std::vector<Actor>> Workspace::ListActors() {
  return store::ActorRepository(state_->reader->library->database()).List();
}
Result<std::vector<SavedSearch>> Workspace::ListSavedSearches() {
  return store::SavedSearchRepository(state_->reader->library->database()).List();
}
Result<SavedSearch> Workspace::FindSavedSearch(std::string_view name) {
  return state_->reader->saved.Find(name);
}
Result<std::vector<FollowUpView>> Workspace::ListFollowUps(const FollowUpFilter& filter) {
  return FollowUpService(*state_->reader->library).List(filter);
}
Result<FollowUpView> Workspace::ShowFollowUp(std::int64_t id) {
  return FollowUpService(*state_->reader->library).Show(id);
}
Result<CommitmentDetail> Workspace::ShowCommitment(std::int64_t id) {
  return CorrectionService(*state_->reader->library, &state_->reference).ShowCommitment(id);
}
Result<std::vector<Correction>> Workspace::History(const HistoryFilter& filter) {
  return CorrectionService(*state_->reader->library, &state_->reference).History(filter);
}
Result<std::vector<LinkView>> Workspace::ListLinks(const LinkFilter& filter) {
  return LinkService(*state_->reader->library).List(filter);
}
Result<std::vector<std::filesystem::path>> Workspace::CollectImportFiles(
    const std::vector<std::filesystem::path>& paths) {
  return ImportService(*state_->reader->library, state_->registry, &state_->reference)
      .CollectFiles(paths);
}

Result<std::vector<OpenCommitment>> Workspace::OpenCommitments(std::string_view dialogue,
                                                               int round) {
  return state_->reader->graph.OpenCommitments(dialogue, round);
}
Result<std::vector<OverdueFollowUp>> Workspace::OverdueFollowUps(std::string today) {
  return state_->reader->graph.Overdue(std::move(today));
}
Result<std::vector<ActorCommitment>> Workspace::ActorCommitments(std::string_view actor) {
  return state_->reader->graph.ActorCommitments(actor);
}
Result<std::vector<LineageStep>> Workspace::Lineage(std::int64_t commitment) {
  return state_->reader->graph.Lineage(commitment);
}
Result<NormsMatrix> Workspace::NormsCoverage() { return state_->reader->graph.NormsCoverage(); }
Result<std::vector<PathStep>> Workspace::GraphPath(std::string_view from, std::string_view to) {
  return state_->reader->graph.Path(from, to);
}
Result<CentralityView> Workspace::CentralActors(std::size_t limit) {
  return state_->reader->graph.Central(limit);
}
Result<std::vector<ComponentView>> Workspace::GraphComponents() {
  return state_->reader->graph.Components();
}
Result<GraphView> Workspace::GraphNeighbourhood(const SubgraphRequest& request) {
  return state_->reader->graph.View(request);
}
Result<std::string> Workspace::ExportGraph(GraphExportFormat format,
                                           const SubgraphRequest& request) {
  return state_->reader->graph.Export(format, request);
}
Result<std::vector<PositionedNode>> Workspace::LayoutGraph(const SubgraphRequest& request,
                                                           const GraphLayoutOptions& options) {
  return state_->reader->graph.Layout(request, options);
}

Result<SearchResults> Workspace::Search(const SearchRequest& request) {
  return state_->reader->queries.Search(request);
}
Result<SearchResults> Workspace::MoreLikeThis(ParagraphId paragraph, int limit) {
  return state_->reader->queries.MoreLikeThis(paragraph, limit);
}
Result<std::vector<Precedent>> Workspace::Precedents(std::string_view wording,
                                                     const PrecedentOptions& options) {
  return state_->reader->queries.Precedents(wording, options);
}
void Workspace::SearchIndexAt(const std::filesystem::path& index_path) {
  state_->reader->queries.UseIndex(index_path);
  if (state_->writer) state_->writer->queries.UseIndex(index_path);
}
Result<IndexCheckReport> Workspace::CheckIndex() { return state_->reader->index.Check(); }
Result<HealthReport> Workspace::Check() {
  return HealthCheck(*state_->reader->library, state_->reader->index).Check();
}
Status Workspace::Backup(const std::filesystem::path& destination, bool overwrite) {
  return BackupLibrary(*state_->reader->library, destination, overwrite);
}

// ---- Writes ------------------------------------------------------------------------------------

template <typename T, typename Work>
Job<T> Workspace::SubmitWrite(std::string description, Work work, JobObserver<T> observer,
                              bool touches_index, CancellationToken cancel) {
  Connection* writer = state_->writer.get();
  Job<T> job = state_->jobs.Submit<T>(
      std::move(description),
      [writer, work = std::move(work)](const ProgressCallback& progress,
                                       const CancellationToken& cancel) -> Result<T> {
        if (!writer) return std::unexpected(ReadOnlyError());
        return work(*writer, progress, cancel);
      },
      std::move(observer), std::move(cancel));
  if (touches_index && writer) QueueIndexUpkeep({});
  return job;
}

Job<IndexUpkeepReport> Workspace::QueueIndexUpkeep(JobObserver<IndexUpkeepReport> observer) {
  Connection* writer = state_->writer.get();
  auto job = state_->jobs.Submit<IndexUpkeepReport>(
      "Bringing the search index up to date",
      [writer](const ProgressCallback& progress, const CancellationToken&)
          -> Result<IndexUpkeepReport> {
        // Not cancellable: what the writes stored must reach the index (the outbox keeps it
        // queued if this fails or is killed, invariant 7).
        IndexUpkeepReport report;
        if (!writer) return report;
        auto state = writer->index.Inspect();
        if (!state) {
          report.error = state.error();
          return report;
        }
        report.found = *state;
        auto synced = writer->index.BringUpToDate(progress);
        if (!synced) {
          report.error = synced.error();
          return report;
        }
        report.sync = *synced;
        auto watches = writer->saved.RunWatches();
        if (!watches) {
          report.error = watches.error();
          return report;
        }
        for (const WatchReport& watch : *watches) {
          if (watch.new_matches > 0) {
            report.watch_matches.emplace_back(watch.search.name, watch.new_matches);
          }
        }
        return report;
      },
      std::move(observer));
  std::lock_guard lock(state_->upkeep_mutex);
  state_->last_upkeep = job;
  return job;
}

Job<IndexUpkeepReport> Workspace::last_index_upkeep() const {
  std::lock_guard lock(state_->upkeep_mutex);
  return state_->last_upkeep;
}

void Workspace::WaitForJobs() { state_->jobs.Drain(); }

Job<ImportReport> Workspace::Import(std::vector<std::filesystem::path> paths,
                                    ImportOptions options, JobObserver<ImportReport> observer) {
  const bool dry_run = options.dry_run;
  // The caller's token is the job's: cancelling either cancels the import.
  const CancellationToken cancel = options.cancel;
  const ReferenceData* reference = &state_->reference;
  const importers::Registry* registry = &state_->registry;
  auto import = [paths = std::move(paths), options = std::move(options), reference, registry](
                    Connection& writer, const ProgressCallback& progress,
                    const CancellationToken& cancel) -> Result<ImportReport> {
    ImportOptions run = options;
    if (progress) run.progress = progress;
    run.cancel = cancel;
    return ImportService(*writer.library, *registry, reference).Import(paths, run);
  };
  if (dry_run) {
    // Nothing is stored, so nothing is indexed: a dry run reads through the reader.
    Connection* reader = state_->reader.get();
    return state_->jobs.Submit<ImportReport>(
        "Checking what an import would do",
        [reader, import = std::move(import)](const ProgressCallback& progress,
                                             const CancellationToken& token) {
          return import(*reader, progress, token);
        },
        std::move(observer), cancel);
  }
  if (!state_->writer) {  // refused (kReadOnly), with no upkeep to wait for
    return SubmitWrite<ImportReport>("Importing", std::move(import), std::move(observer), false,
                                     cancel);
  }
  // The import's handle finishes once the upkeep behind it has (invariant 3): its report then
  // says how the index fared and which watches found something new.
  auto finish = std::move(observer.done);
  auto stored = std::make_shared<std::optional<Result<ImportReport>>>();
  observer.done = [stored](const Result<ImportReport>& result) { *stored = result; };
  auto finished = std::make_shared<detail::JobState<ImportReport>>();
  finished->observer.done = std::move(finish);
  // Cancelling the handle cancels the import; the upkeep behind it always runs.
  finished->cancel = cancel;
  SubmitWrite<ImportReport>("Importing", std::move(import), std::move(observer), false, cancel);
  JobObserver<IndexUpkeepReport> upkeep_observer;
  upkeep_observer.done = [stored, finished](const Result<IndexUpkeepReport>& upkeep) {
    Result<ImportReport> result = stored->has_value()
                                      ? **stored
                                      : Result<ImportReport>(std::unexpected(Error{
                                            ErrorCode::kCancelled, "The import did not run."}));
    if (result && upkeep) {
      result->index_error = upkeep->error;
      result->watch_matches = upkeep->watch_matches;
    } else if (result) {
      result->index_error = upkeep.error();
    }
    finished->Complete(std::move(result));
  };
  QueueIndexUpkeep(std::move(upkeep_observer));
  return Job<ImportReport>(finished);
}

Job<Document> Workspace::DeleteDocument(std::string reference, JobObserver<Document> observer) {
  const importers::Registry* registry = &state_->registry;
  return SubmitWrite<Document>(
      "Deleting a document",
      [reference = std::move(reference), registry](Connection& writer, const ProgressCallback&,
                                                   const CancellationToken&) {
        return ImportService(*writer.library, *registry).DeleteDocument(reference);
      },
      std::move(observer), true);
}

Job<FollowUpView> Workspace::AddFollowUp(FollowUpInput input,
                                         JobObserver<FollowUpView> observer) {
  return SubmitWrite<FollowUpView>(
      "Adding a follow-up",
      [input = std::move(input)](Connection& writer, const ProgressCallback&,
                                 const CancellationToken&) {
        return FollowUpService(*writer.library).Add(input);
      },
      std::move(observer), true);
}

Job<FollowUpView> Workspace::EditFollowUp(std::int64_t id, FollowUpEdit edit,
                                          JobObserver<FollowUpView> observer) {
  return SubmitWrite<FollowUpView>(
      "Editing a follow-up",
      [id, edit = std::move(edit)](Connection& writer, const ProgressCallback&,
                                   const CancellationToken&) {
        return FollowUpService(*writer.library).Edit(id, edit);
      },
      std::move(observer), true);
}

Job<FollowUpView> Workspace::ChangeFollowUpStatus(std::int64_t id, StatusChange change,
                                                  JobObserver<FollowUpView> observer) {
  return SubmitWrite<FollowUpView>(
      "Recording a follow-up's status",
      [id, change = std::move(change)](Connection& writer, const ProgressCallback&,
                                       const CancellationToken&) {
        return FollowUpService(*writer.library).ChangeStatus(id, change);
      },
      std::move(observer), true);
}

// Every correction can change what the index holds (corrections invariant 1).
template <typename T, typename Correct>
Job<T> Workspace::SubmitCorrection(std::string description, Correct correct,
                                   JobObserver<T> observer) {
  const ReferenceData* reference = &state_->reference;
  return SubmitWrite<T>(
      std::move(description),
      [reference, correct = std::move(correct)](Connection& writer, const ProgressCallback&,
                                                const CancellationToken&) -> Result<T> {
        CorrectionService service(*writer.library, reference);
        return correct(service);
      },
      std::move(observer), true);
}

Job<CommitmentDetail> Workspace::EditCommitment(std::int64_t id, CommitmentEdit edit,
                                                JobObserver<CommitmentDetail> observer) {
  return SubmitCorrection<CommitmentDetail>(
      "Correcting a commitment",
      [id, edit = std::move(edit)](CorrectionService& s) { return s.EditCommitment(id, edit); },
      std::move(observer));
}

Job<CommitmentDetail> Workspace::AddCommitment(CommitmentAddition addition,
                                               JobObserver<CommitmentDetail> observer) {
  return SubmitCorrection<CommitmentDetail>(
      "Adding a commitment",
      [addition = std::move(addition)](CorrectionService& s) { return s.AddCommitment(addition); },
      std::move(observer));
}

Job<CommitmentDetail> Workspace::RejectCommitment(std::int64_t id,
                                                  JobObserver<CommitmentDetail> observer) {
  return SubmitCorrection<CommitmentDetail>(
      "Rejecting a commitment", [id](CorrectionService& s) { return s.RejectCommitment(id); },
      std::move(observer));
}

Job<Actor> Workspace::MergeActors(std::string into, std::string from,
                                  JobObserver<Actor> observer) {
  return SubmitCorrection<Actor>(
      "Merging actors",
      [into = std::move(into), from = std::move(from)](CorrectionService& s) {
        return s.MergeActors(into, from);
      },
      std::move(observer));
}

Job<Actor> Workspace::RenameActor(std::string actor, std::string name,
                                  JobObserver<Actor> observer) {
  return SubmitCorrection<Actor>(
      "Renaming an actor",
      [actor = std::move(actor), name = std::move(name)](CorrectionService& s) {
        return s.RenameActor(actor, name);
      },
      std::move(observer));
}

Job<Dialogue> Workspace::MergeDialogues(std::string into, std::string from,
                                        JobObserver<Dialogue> observer) {
  return SubmitCorrection<Dialogue>(
      "Merging dialogues",
      [into = std::move(into), from = std::move(from)](CorrectionService& s) {
        return s.MergeDialogues(into, from);
      },
      std::move(observer));
}

Job<Dialogue> Workspace::RenameDialogue(std::string dialogue, std::string name,
                                        JobObserver<Dialogue> observer) {
  return SubmitCorrection<Dialogue>(
      "Renaming a dialogue",
      [dialogue = std::move(dialogue), name = std::move(name)](CorrectionService& s) {
        return s.RenameDialogue(dialogue, name);
      },
      std::move(observer));
}

Job<Document> Workspace::EditDocument(std::string document, DocumentEdit edit,
                                      JobObserver<Document> observer) {
  return SubmitCorrection<Document>(
      "Correcting a document",
      [document = std::move(document), edit = std::move(edit)](CorrectionService& s) {
        return s.EditDocument(document, edit);
      },
      std::move(observer));
}

Job<LinkView> Workspace::AddLink(LinkInput input, JobObserver<LinkView> observer) {
  return SubmitWrite<LinkView>(
      "Adding a link",
      [input = std::move(input)](Connection& writer, const ProgressCallback&,
                                 const CancellationToken&) {
        return LinkService(*writer.library).Add(input);
      },
      std::move(observer), true);
}

Job<Done> Workspace::RemoveLink(std::int64_t id, JobObserver<Done> observer) {
  return SubmitWrite<Done>(
      "Removing a link",
      [id](Connection& writer, const ProgressCallback&, const CancellationToken&) -> Result<Done> {
        NT_TRY(LinkService(*writer.library).Remove(id));
        return Done{};
      },
      std::move(observer), true);
}

Job<SavedSearch> Workspace::SaveSearch(std::string name, std::string query, bool watch,
                                       bool replace, JobObserver<SavedSearch> observer) {
  return SubmitWrite<SavedSearch>(
      "Saving a search",
      [name = std::move(name), query = std::move(query), watch, replace](
          Connection& writer, const ProgressCallback&, const CancellationToken&) {
        return writer.saved.Save(name, query, watch, replace);
      },
      std::move(observer), false);
}

Job<SavedSearch> Workspace::WatchSavedSearch(std::string name, bool watch,
                                             JobObserver<SavedSearch> observer) {
  return SubmitWrite<SavedSearch>(
      watch ? "Watching a saved search" : "No longer watching a saved search",
      [name = std::move(name), watch](Connection& writer, const ProgressCallback&,
                                      const CancellationToken&) {
        return writer.saved.SetWatch(name, watch);
      },
      std::move(observer), false);
}

Job<SavedSearch> Workspace::DeleteSavedSearch(std::string name,
                                              JobObserver<SavedSearch> observer) {
  return SubmitWrite<SavedSearch>(
      "Deleting a saved search",
      [name = std::move(name)](Connection& writer, const ProgressCallback&,
                               const CancellationToken&) { return writer.saved.Delete(name); },
      std::move(observer), false);
}

Job<std::vector<WatchReport>> Workspace::ReportWatches(
    JobObserver<std::vector<WatchReport>> observer) {
  return SubmitWrite<std::vector<WatchReport>>(
      "Reporting the watched searches' new matches",
      [](Connection& writer, const ProgressCallback&, const CancellationToken&) {
        return writer.saved.ReportWatches();
      },
      std::move(observer), false);
}

Job<IndexUpkeepReport> Workspace::UpdateIndex(JobObserver<IndexUpkeepReport> observer) {
  if (!state_->writer) {
    return state_->jobs.Submit<IndexUpkeepReport>(
        "Bringing the search index up to date",
        [](const ProgressCallback&, const CancellationToken&) -> Result<IndexUpkeepReport> {
          return std::unexpected(ReadOnlyError());
        },
        std::move(observer));
  }
  return QueueIndexUpkeep(std::move(observer));
}

Job<IndexSyncReport> Workspace::RebuildIndex(std::optional<IndexLayout> layout,
                                             JobObserver<IndexSyncReport> observer) {
  return SubmitWrite<IndexSyncReport>(
      "Rebuilding the search index",
      [layout](Connection& writer, const ProgressCallback& progress, const CancellationToken&) {
        return writer.index.Rebuild(progress, layout);
      },
      std::move(observer), false);
}

Job<HealthReport> Workspace::Repair(JobObserver<HealthReport> observer) {
  return SubmitWrite<HealthReport>(
      "Repairing the library",
      [](Connection& writer, const ProgressCallback&, const CancellationToken&) {
        return HealthCheck(*writer.library, writer.index).Repair();
      },
      std::move(observer), false);
}

Result<RestoreReport> Workspace::Restore(const Home& home, const std::filesystem::path& backup) {
  auto reference = ReferenceData::Shipped();
  if (!reference) return Fail(reference.error());
  return RestoreLibrary(home, backup, **reference);
}

Result<RestoreReport> Workspace::UndoRestore(const Home& home) {
  auto reference = ReferenceData::Shipped();
  if (!reference) return Fail(reference.error());
  return app::UndoRestore(home, **reference);
}

}  // namespace nt::app

#pragma once
// A NormTrack library as a front end sees it: open it once, ask it for everything.
//
// The workspace owns the library's database connections, the shipped reference data (the actor
// gazetteer and the norms catalogue, loaded once per process), the importer registry and the
// services; front ends (src/cli, ui/) include app/ and core/ headers only, and every type they
// see comes from there (docs/architecture.md).
//
// Invariants (tests cite them as "workspace invariant N"; the job queue's are in app/jobs.h):
//  1. Reads never write. Every read below runs on the workspace's reader connection, on the
//     thread that calls it, and answers from what is committed: a search never indexes or
//     repairs the index on its way to answering.
//  2. Every write is a job on the workspace's one writer queue (app/jobs.h), with its own
//     connection; the methods that write return a Job handle. In the foreground mode (the CLI)
//     a write has finished when the method returns.
//  3. After every write job that can change what the index holds, the workspace queues the
//     index upkeep job (index sync and watches) behind it; an import's handle finishes once its
//     upkeep has, so its report says how the index fared.
//  4. Opening a writable workspace inspects the index (missing, written by an older NormTrack,
//     holding other documents than the library, documents queued) and, unless told not to,
//     queues the upkeep job at once: a rebuild when only that helps, else a sync. The
//     observer in the options hears of it (the CLI prints a line and waits; the GUI shows
//     progress). A read-only workspace reports the state and leaves the index as it is.
//  5. The reader and the writer are different connections, so a read made while a background
//     job writes sees the last committed state (SQLite WAL), never a half-written one.
//
// Thread-safety: the reads, from one thread at a time (the UI thread). Job-submitting methods,
// from any thread. Destroying the workspace cancels and finishes its jobs first (jobs
// invariant 4).

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "app/correction_views.h"
#include "app/follow_up_views.h"
#include "app/graph_queries.h"
#include "app/health_report.h"
#include "app/home.h"
#include "app/import_report.h"
#include "app/index_reports.h"
#include "app/jobs.h"
#include "app/library_views.h"
#include "app/link_views.h"
#include "core/actor.h"
#include "core/document.h"
#include "core/error.h"
#include "core/graph_views.h"
#include "core/library_queries.h"
#include "core/saved_search.h"
#include "core/search_results.h"

namespace nt::app {

struct WorkspaceOptions {
  Home home = Home::Default();
  bool create_if_missing = false;
  // Browse and search only: no writer, no jobs, no index upkeep. A database file that cannot be
  // written is opened read-only even without this.
  bool read_only = false;
  int busy_timeout_ms = 5000;
  JobMode jobs = JobMode::kForeground;
  // Queue the index upkeep at open (invariant 4). Off for the commands that inspect or rebuild
  // the index themselves (`check`, `index`).
  bool index_upkeep_at_open = true;
  // Told of the upkeep job queued at open, if any.
  JobObserver<IndexUpkeepReport> index_upkeep;
  // Called as that job starts, when it is a rebuild (the index is missing, outdated or another
  // library's): why, and how many documents it indexes.
  std::function<void(IndexState found, int documents)> rebuilding_index;
};

// A job that reports nothing but success or an error.
using Done = std::monostate;

class Workspace {
 public:
  // Errors: as the store's open (kNotFound without create_if_missing, kCorrupt, kLocked, a
  // newer schema), each naming the file; the reference data's (kParse naming the file and line).
  [[nodiscard]] static Result<std::unique_ptr<Workspace>> Open(const WorkspaceOptions& options);
  ~Workspace();
  Workspace(const Workspace&) = delete;
  Workspace& operator=(const Workspace&) = delete;

  const Home& home() const;
  bool read_only() const;
  int schema_version() const;
  // How the index stood when the workspace was opened (invariant 4).
  IndexState index_state_at_open() const;

  // ---- Reads (invariant 1) --------------------------------------------------------------------
  [[nodiscard]] Result<std::vector<DocumentSummary>> ListDocuments(
      const DocumentListQuery& query = {});
  [[nodiscard]] Result<int> DocumentCount();
  // `reference` is an id or a unique part of a title or symbol. Errors: kNotFound, kAmbiguous.
  [[nodiscard]] Result<Document> FindDocument(std::string_view reference);
  [[nodiscard]] Result<DocumentView> ShowDocument(std::string_view reference);
  [[nodiscard]] Result<LibraryStatistics> Statistics();
  // Moves whenever anyone commits a change to the library: another program, or this
  // workspace's own jobs. A front end keeps the value it last showed and reads the library
  // again when it differs (cheap: no table is read).
  [[nodiscard]] Result<std::int64_t> ChangeStamp();
  [[nodiscard]] Result<std::vector<CommitmentView>> ListCommitments(
      const CommitmentFilter& filter = {});
  [[nodiscard]] Result<std::vector<DialogueView>> ListDialogues();
  // The actors the library knows (those its documents bind or name), by name, with aliases.
  [[nodiscard]] Result<std::vector<Actor>> ListActors();
  [[nodiscard]] Result<std::vector<SavedSearch>> ListSavedSearches();
  // Errors: kNotFound naming the search.
  [[nodiscard]] Result<SavedSearch> FindSavedSearch(std::string_view name);
  [[nodiscard]] Result<std::vector<FollowUpView>> ListFollowUps(const FollowUpFilter& filter = {});
  [[nodiscard]] Result<FollowUpView> ShowFollowUp(std::int64_t id);
  [[nodiscard]] Result<std::vector<LinkView>> ListLinks(const LinkFilter& filter = {});
  // A commitment with its corrections' history; a rejected one with what was rejected.
  // Errors: kNotFound.
  [[nodiscard]] Result<CommitmentDetail> ShowCommitment(std::int64_t id);
  // The corrections' history, oldest first (app/correction_views.h).
  [[nodiscard]] Result<std::vector<Correction>> History(const HistoryFilter& filter = {});
  // The files an import of `paths` would read (folders walked, notes skipped), sorted.
  [[nodiscard]] Result<std::vector<std::filesystem::path>> CollectImportFiles(
      const std::vector<std::filesystem::path>& paths);

  // The commitment graph (rebuilt from the store when it changed). Errors: kNotFound and
  // kAmbiguous for what a name or "KIND:REF" does not pick out.
  [[nodiscard]] Result<std::vector<OpenCommitment>> OpenCommitments(std::string_view dialogue,
                                                                    int round);
  // `today` "" = the current UTC date.
  [[nodiscard]] Result<std::vector<OverdueFollowUp>> OverdueFollowUps(std::string today = "");
  [[nodiscard]] Result<std::vector<ActorCommitment>> ActorCommitments(std::string_view actor);
  [[nodiscard]] Result<std::vector<LineageStep>> Lineage(std::int64_t commitment);
  [[nodiscard]] Result<NormsMatrix> NormsCoverage();
  [[nodiscard]] Result<std::vector<PathStep>> GraphPath(std::string_view from, std::string_view to);
  [[nodiscard]] Result<CentralityView> CentralActors(std::size_t limit);
  [[nodiscard]] Result<std::vector<ComponentView>> GraphComponents();
  [[nodiscard]] Result<GraphView> GraphNeighbourhood(const SubgraphRequest& request);
  [[nodiscard]] Result<std::string> ExportGraph(GraphExportFormat format,
                                                const SubgraphRequest& request);
  [[nodiscard]] Result<std::vector<PositionedNode>> LayoutGraph(
      const SubgraphRequest& request, const GraphLayoutOptions& options = {});

  // Search (from what the index has committed). Errors: kUsage for a malformed query.
  [[nodiscard]] Result<SearchResults> Search(const SearchRequest& request);
  [[nodiscard]] Result<SearchResults> MoreLikeThis(ParagraphId paragraph, int limit);
  [[nodiscard]] Result<std::vector<Precedent>> Precedents(std::string_view wording,
                                                          const PrecedentOptions& options = {});
  // Searches `index_path` (another index folder, or a Xapian stub listing shards) instead of
  // the library's own index.
  void SearchIndexAt(const std::filesystem::path& index_path);
  // Compares the index with the store; writes nothing.
  [[nodiscard]] Result<IndexCheckReport> CheckIndex();
  // Checks the whole library (file, schema, orphans, index); writes nothing.
  [[nodiscard]] Result<HealthReport> Check();
  // Writes a consistent copy of the database to `destination` (the library is only read).
  // Errors: kUsage when the file exists and `overwrite` is false; kIo, kLocked naming the file.
  [[nodiscard]] Status Backup(const std::filesystem::path& destination, bool overwrite);

  // ---- Writes: jobs on the writer queue (invariants 2, 3) -------------------------------------
  // Errors of every write: kReadOnly for a read-only workspace. An import stops after the file
  // it is reading when its handle's Cancel() or the token in `options.cancel` is cancelled.
  Job<ImportReport> Import(std::vector<std::filesystem::path> paths, ImportOptions options = {},
                           JobObserver<ImportReport> observer = {});
  Job<Document> DeleteDocument(std::string reference, JobObserver<Document> observer = {});
  Job<FollowUpView> AddFollowUp(FollowUpInput input, JobObserver<FollowUpView> observer = {});
  Job<FollowUpView> EditFollowUp(std::int64_t id, FollowUpEdit edit,
                                 JobObserver<FollowUpView> observer = {});
  Job<FollowUpView> ChangeFollowUpStatus(std::int64_t id, StatusChange change,
                                         JobObserver<FollowUpView> observer = {});
  Job<LinkView> AddLink(LinkInput input, JobObserver<LinkView> observer = {});
  Job<Done> RemoveLink(std::int64_t id, JobObserver<Done> observer = {});
  // Corrections (app/correction_views.h, app/internal/correction_service.h): origin manual,
  // recorded in the history, applied again after every re-import of the document.
  Job<CommitmentDetail> EditCommitment(std::int64_t id, CommitmentEdit edit,
                                       JobObserver<CommitmentDetail> observer = {});
  Job<CommitmentDetail> AddCommitment(CommitmentAddition addition,
                                      JobObserver<CommitmentDetail> observer = {});
  // Deletes the commitment and keeps it as rejected, so extraction does not bring it back.
  Job<CommitmentDetail> RejectCommitment(std::int64_t id,
                                         JobObserver<CommitmentDetail> observer = {});
  // `from` becomes part of `into` (its names become aliases); returns `into`.
  Job<Actor> MergeActors(std::string into, std::string from, JobObserver<Actor> observer = {});
  Job<Actor> RenameActor(std::string actor, std::string name, JobObserver<Actor> observer = {});
  Job<Dialogue> MergeDialogues(std::string into, std::string from,
                               JobObserver<Dialogue> observer = {});
  Job<Dialogue> RenameDialogue(std::string dialogue, std::string name,
                               JobObserver<Dialogue> observer = {});
  Job<Document> EditDocument(std::string document, DocumentEdit edit,
                             JobObserver<Document> observer = {});
  // Errors: kUsage for a name in use without `replace`.
  Job<SavedSearch> SaveSearch(std::string name, std::string query, bool watch,
                              bool replace = false, JobObserver<SavedSearch> observer = {});
  Job<SavedSearch> WatchSavedSearch(std::string name, bool watch,
                                    JobObserver<SavedSearch> observer = {});
  // Returns what was deleted. Errors: kNotFound.
  Job<SavedSearch> DeleteSavedSearch(std::string name, JobObserver<SavedSearch> observer = {});
  // Re-runs the watches and returns, then marks reported, their unreported matches.
  Job<std::vector<WatchReport>> ReportWatches(JobObserver<std::vector<WatchReport>> observer = {});
  // Brings the index up to date (a rebuild when only that helps), then re-runs the watches.
  Job<IndexUpkeepReport> UpdateIndex(JobObserver<IndexUpkeepReport> observer = {});
  // Recreates the index from the store, in `layout` or in the layout it has.
  Job<IndexSyncReport> RebuildIndex(std::optional<IndexLayout> layout = std::nullopt,
                                    JobObserver<IndexSyncReport> observer = {});
  // Checks, repairs what can be repaired from the store, checks again.
  Job<HealthReport> Repair(JobObserver<HealthReport> observer = {});
  // The upkeep job queued last (at open or after a write); not valid when none was.
  Job<IndexUpkeepReport> last_index_upkeep() const;
  // Waits for every job submitted so far.
  void WaitForJobs();

  // Replaces the library at `home` with a backup (app/health_report.h RestoreReport; the
  // library must not be open elsewhere, kLocked otherwise) and rebuilds its index.
  [[nodiscard]] static Result<RestoreReport> Restore(const Home& home,
                                                     const std::filesystem::path& backup);
  // Puts back the library the last restore replaced (kept as "<file>.before-restore-<time>");
  // the current one is kept the same way, so an undo can be undone. Errors: kUsage when no
  // restore replaced anything; as Restore.
  [[nodiscard]] static Result<RestoreReport> UndoRestore(const Home& home);

 private:
  struct State;
  explicit Workspace(std::unique_ptr<State> state);
  // Queues the upkeep job behind the last write (invariant 3).
  Job<IndexUpkeepReport> QueueIndexUpkeep(JobObserver<IndexUpkeepReport> observer);
  template <typename T, typename Work>
  Job<T> SubmitWrite(std::string description, Work work, JobObserver<T> observer,
                     bool touches_index, CancellationToken cancel = {});
  // A write of the CorrectionService (with the reference data), touching the index.
  template <typename T, typename Correct>
  Job<T> SubmitCorrection(std::string description, Correct correct, JobObserver<T> observer);

  std::unique_ptr<State> state_;
};

}  // namespace nt::app

#pragma once
// Importing files into a library.
//
// Invariants (tests cite them by number):
//  1. A document is stored whole or not at all: each has its own savepoint, and a failure at
//     any point leaves the database exactly as before that document. Import() commits
//     documents in batches (up to 100 documents or half a second), so a job pays one sync per
//     batch, not per document; if a batch cannot be committed, or SQLite rolls its
//     transaction back (a full disk), every document of the batch is reported failed and the
//     database is exactly as before the batch.
//  2. A failing file never stops the others: each file gets its own outcome and message.
//  3. Idempotent by content: a file whose bytes (sha256) are already stored is skipped.
//  4. A changed file at a known source path becomes the next revision of the same document;
//     paragraphs whose text did not change keep their ids (and what hangs on them).
//  5. A dry run reads and classifies every file but writes nothing.
//  6-10. The search index: see app/search_service.h. Each stored document (and each deletion)
//     queues an index_outbox row inside its own transaction (6); after the files, the search
//     service, when given, indexes what is queued in one batch and re-runs the watches (7, 10).
//     An index failure never undoes or fails an import: the rows stay queued for repair.

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "app/library.h"
#include "app/reference_data.h"
#include "core/error.h"
#include "core/progress.h"
#include "importers/registry.h"

namespace nt::app {

class AutomaticLinker;
class SearchService;

enum class ImportOutcome {
  kImported,   // a new document
  kRevised,    // a new revision of a document imported from the same path
  kUnchanged,  // the same bytes are already stored: skipped
  kFailed,     // could not be read or stored; see error
  kCancelled,  // not attempted because the job was cancelled
};

std::string_view ToString(ImportOutcome outcome);

struct FileImportResult {
  std::filesystem::path path;
  ImportOutcome outcome = ImportOutcome::kFailed;
  DocumentId document_id;  // the stored (or already present) document
  std::string title;
  std::string importer;
  int paragraphs = 0;
  int commitments = 0;  // found and stored (new paragraphs only, for a revision)
  int revision = 0;
  std::vector<std::string> unknown_acronyms;  // for review: not in the actor gazetteer
  std::vector<std::string> warnings;          // the importer's notes (rejoined lines, ...)
  std::optional<Error> error;  // set when outcome is kFailed
};

struct ImportReport {
  std::vector<FileImportResult> files;
  bool dry_run = false;
  // Set when the documents were stored but the job's citation links could not be recorded.
  std::optional<Error> link_error;
  // Set when the documents were stored but the index could not be brought up to date (they
  // stay queued and are indexed on the next open).
  std::optional<Error> index_error;
  // Watched searches with new matches after this import: name and count.
  std::vector<std::pair<std::string, int>> watch_matches;

  int Count(ImportOutcome outcome) const;
  bool AllSucceeded() const { return Count(ImportOutcome::kFailed) == 0; }
};

struct ImportOptions {
  bool dry_run = false;
  ProgressCallback progress;  // called before each file and once at the end
  CancellationToken cancel;
};

class ImportService {
 public:
  // With `reference` (the gazetteer and norms catalogue), each document's actors, commitments,
  // dialogue and round are extracted and stored with it; without, only its text is.
  // With `search`, imported documents are indexed (and watches re-run) after each Import().
  ImportService(Library& library, const importers::Registry& registry,
                const ReferenceData* reference = nullptr, SearchService* search = nullptr)
      : library_(library), registry_(registry), reference_(reference), search_(search) {}

  // The files an import of `paths` would read: files as given, folders walked recursively
  // (hidden entries skipped, only document extensions), in a stable sorted order.
  // Errors: kNotFound for a path that does not exist.
  [[nodiscard]] Result<std::vector<std::filesystem::path>> CollectFiles(
      const std::vector<std::filesystem::path>& paths) const;

  // Imports every file of `paths`; per-file outcomes in the report (invariant 2).
  [[nodiscard]] Result<ImportReport> Import(const std::vector<std::filesystem::path>& paths,
                                            const ImportOptions& options = {});

  // Imports one file (invariants 1, 3, 4, 5).
  FileImportResult ImportFile(const std::filesystem::path& path, bool dry_run);

  // Deletes a document (`reference` as Library::FindDocument) with its paragraphs,
  // commitments and links, queues its removal from the index (invariant 6) and, with a search
  // service, removes it from the index. Returns the deleted document.
  [[nodiscard]] Result<Document> DeleteDocument(std::string_view reference);

 private:
  // Indexes what is queued and re-runs the watches; failures go into the report.
  void UpdateIndex(ImportReport& report);

  Library& library_;
  const importers::Registry& registry_;
  const ReferenceData* reference_;
  SearchService* search_;
  AutomaticLinker* linker_ = nullptr;  // the running Import job's, if any
};

}  // namespace nt::app

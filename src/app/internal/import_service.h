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
//  6-11. The search index: see app/internal/index_upkeep.h. Each stored document (and each
//     deletion) queues an index_outbox row inside its own transaction (6); after the job, the
//     workspace's upkeep job indexes what is queued in one batch and re-runs the watches (7, 10).
//     An index failure never undoes or fails an import: the rows stay queued for repair.

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "app/import_report.h"
#include "app/internal/library.h"
#include "app/internal/reference_data.h"
#include "core/error.h"
#include "core/progress.h"
#include "importers/registry.h"

namespace nt::app {

class AutomaticLinker;

class ImportService {
 public:
  // With `reference` (the gazetteer and norms catalogue), each document's actors, commitments,
  // dialogue and round are extracted and stored with it; without, only its text is.
  // The search index is not its business: the workspace's upkeep job indexes what an import
  // queued (invariants 6, 7).
  ImportService(Library& library, const importers::Registry& registry,
                const ReferenceData* reference = nullptr)
      : library_(library), registry_(registry), reference_(reference) {}

  // The files an import of `paths` would read: files as given, folders walked recursively
  // (hidden entries skipped, only document extensions), in a stable sorted order. A path that
  // does not exist is listed as given (its import fails alone). A symbolic link in a folder is
  // followed only while it stays inside that folder, unless `follow_links`; the links left
  // out are added to `skipped_links`. Errors: kIo for a folder that cannot be read.
  [[nodiscard]] Result<std::vector<std::filesystem::path>> CollectFiles(
      const std::vector<std::filesystem::path>& paths, bool follow_links = false,
      std::vector<std::filesystem::path>* skipped_links = nullptr) const;

  // Imports every file of `paths`; per-file outcomes in the report (invariant 2).
  [[nodiscard]] Result<ImportReport> Import(const std::vector<std::filesystem::path>& paths,
                                            const ImportOptions& options = {});

  // Imports one file (invariants 1, 3, 4, 5).
  FileImportResult ImportFile(const std::filesystem::path& path, bool dry_run);

  // Deletes a document (`reference` as Library::FindDocument) with its paragraphs,
  // commitments and links, and queues its removal from the index (invariant 6). Returns the
  // deleted document.
  [[nodiscard]] Result<Document> DeleteDocument(std::string_view reference);

 private:
  Library& library_;
  const importers::Registry& registry_;
  const ReferenceData* reference_;
  AutomaticLinker* linker_ = nullptr;  // the running Import job's, if any
};

}  // namespace nt::app

#pragma once
// What an import reports, per file and for the whole job.

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/error.h"
#include "core/ids.h"
#include "core/progress.h"

namespace nt::app {

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
  // Counted as `docs` counts the stored document (DocumentCounts): content paragraphs, the
  // boilerplate set apart, and the commitments the document holds after this import (for an
  // unchanged file, what it already holds; for a dry run, what extraction would record).
  int paragraphs = 0;
  int boilerplate_paragraphs = 0;
  int commitments = 0;
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
  // stay queued and are indexed by the next upkeep: the next write, or the next open).
  std::optional<Error> index_error;
  // Symbolic links inside an imported folder that lead outside it, not followed (a folder
  // import stays inside the folder unless ImportOptions::follow_links).
  std::vector<std::filesystem::path> skipped_links;
  // Watched searches with new matches after this import: name and count.
  std::vector<std::pair<std::string, int>> watch_matches;

  int Count(ImportOutcome outcome) const;
  bool AllSucceeded() const { return Count(ImportOutcome::kFailed) == 0; }
};

struct ImportOptions {
  bool dry_run = false;
  bool follow_links = false;  // follow symbolic links in folders to wherever they lead
  ProgressCallback progress;  // called before each file and once at the end
  CancellationToken cancel;
};

}  // namespace nt::app

#pragma once
// A NormTrack library: the open database (and, with the search issue, its index) and the
// read-side use cases that the CLI and the GUI share. Writes go through ImportService and the
// other services, which take a Library.
//
// Thread-safety: one thread at a time. A front end that reads while a job writes opens a second
// Library on the same Home (SQLite WAL lets it read while the writer commits).

#include <memory>
#include <optional>
#include <string_view>
#include <vector>

#include "app/home.h"
#include "app/library_views.h"
#include "core/dialogue.h"
#include "core/document.h"
#include "core/error.h"
#include "store/commitment_repository.h"
#include "store/database.h"
#include "store/document_repository.h"
#include "store/statistics.h"

namespace nt::app {

enum class OpenMode {
  kExisting,         // fail with kNotFound when there is no database yet
  kCreateIfMissing,  // create an empty database (and its folder)
};

struct LibraryOptions {
  OpenMode mode = OpenMode::kExisting;
  int busy_timeout_ms = 5000;
  // Open for reading only, as a reader thread beside the writer does: nothing is written, not
  // even the search index (its SearchService searches what the writer last committed).
  bool read_only = false;
};

class Library {
 public:
  // Opens the library at `home`. Errors as store::Database::Open (missing, corrupt, locked,
  // newer schema), each naming the file. A database that cannot be written is opened read-only.
  [[nodiscard]] static Result<std::unique_ptr<Library>> Open(const Home& home,
                                                             const LibraryOptions& options = {});

  const Home& home() const { return home_; }
  store::Database& database() { return *database_; }
  bool read_only() const { return database_->read_only(); }

  [[nodiscard]] Result<std::vector<DocumentSummary>> ListDocuments(
      const DocumentListQuery& query = {});
  [[nodiscard]] Result<int> DocumentCount();
  // `reference` is an id or a unique part of a title or symbol (see DocumentRepository).
  [[nodiscard]] Result<Document> FindDocument(std::string_view reference);
  [[nodiscard]] Result<DocumentView> ShowDocument(std::string_view reference);
  [[nodiscard]] Result<LibraryStatistics> Statistics();

  // Commitments in document order. Errors: kNotFound for an unknown document or actor,
  // kAmbiguous for a document reference that matches several.
  [[nodiscard]] Result<std::vector<CommitmentView>> ListCommitments(
      const CommitmentFilter& filter = {});
  [[nodiscard]] Result<std::vector<DialogueView>> ListDialogues();

 private:
  Library(Home home, std::unique_ptr<store::Database> database)
      : home_(std::move(home)), database_(std::move(database)) {}

  Home home_;
  std::unique_ptr<store::Database> database_;
};

}  // namespace nt::app

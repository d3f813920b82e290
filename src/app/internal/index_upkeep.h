#pragma once
// Keeping a library's Xapian index in step with its SQLite store: the only code in app that
// writes the index. Runs on the workspace's writer (app/jobs.h); searches never call it.
//
// Invariants of the index pipeline (continuing ImportService's numbering; tests cite them):
//  6. Every change to a document's indexed content writes an index_outbox row in the SAME
//     SQLite transaction as the change: imports explicitly; deletions and changes made by other
//     services (commitments, their actors, norm links, follow-ups) by triggers of migration 2.
//     So the store alone says what the index still lacks.
//  7. An outbox row is cleared only after the Xapian commit that contains its document; a crash
//     between the two commits leaves the row, and the next Sync() (the upkeep job the workspace
//     schedules when it opens a writable library, and after each write) repairs the index.
//  8. Indexing is idempotent: each item has a unique id term and is written with
//     replace_document; re-indexing a document removes items it no longer has.
//  9. The index records a content hash per document; Check() compares it, and the item
//     counts, with what the store would index now. Rebuild() recreates the index from the store.
// 11. An index that is missing while the library has documents, was written by an older
//     NormTrack, or holds other documents than the library (a database copied without its
//     index, a backup opened with --db, another library's index) is found by Inspect() and
//     rebuilt by BringUpToDate(); reads never write, so until then searches answer from what
//     the index holds.
//
// Thread-safety: one thread at a time, like the Library it uses.

#include <optional>
#include <string>

#include "app/index_reports.h"
#include "app/internal/index_assembly.h"
#include "app/internal/library.h"
#include "app/internal/reference_data.h"
#include "core/error.h"
#include "core/progress.h"

namespace nt::app {

class IndexUpkeep {
 public:
  IndexUpkeep(Library& library, const ReferenceData& reference)
      : library_(library), assembler_(library.database(), reference) {}

  // How the index stands against the store; reads only (cheap: the index's document ids and
  // the outbox's size, no content hashes).
  [[nodiscard]] Result<IndexState> Inspect();
  // Rebuilds when Inspect() says only a rebuild helps, else indexes what is queued. A read-only
  // library is left as it is (nothing done, no error).
  [[nodiscard]] Result<IndexSyncReport> BringUpToDate(const ProgressCallback& progress = {});

  // Indexes every document the outbox lists (invariant 7), after putting in place the index of a
  // rebuild killed as it swapped it in. A read-only library does nothing.
  // When most of the library is queued (a first large import), or the index was written by an
  // older NormTrack, it rebuilds instead.
  [[nodiscard]] Result<IndexSyncReport> Sync();
  // Recreates the index from the store on several threads (search::IndexBuilder); the old index
  // stays in place, whole, until the new one is complete. It is written in `layout`, or, without
  // one, in the layout of the index it replaces (kLocal for a first index).
  [[nodiscard]] Result<IndexSyncReport> Rebuild(const ProgressCallback& progress = {},
                                                std::optional<IndexLayout> layout = std::nullopt);
  // Compares the index with the store (invariant 9); writes nothing.
  [[nodiscard]] Result<IndexCheckReport> Check();
  // Removes what Check() reported in `leftovers`.
  [[nodiscard]] Status RemoveLeftovers(const RebuildLeftovers& leftovers);

 private:
  // The library's id (settings "library_id"), which the index records: "" when it has none yet.
  [[nodiscard]] Result<std::string> LibraryId();
  // The same, created (random) the first time the index is written.
  [[nodiscard]] Result<std::string> EnsureLibraryId();

  Library& library_;
  IndexAssembler assembler_;
};

}  // namespace nt::app

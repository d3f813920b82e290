#pragma once
// Is a library sound, and can it be made sound from its source of truth? (`normtrack check`)
//
// Checks, in order:
//  1. the file: PRAGMA integrity_check. Damage beyond an index out of step with its table
//     cannot be repaired: the report says, in one sentence, to restore a backup, and nothing
//     else is checked (reading damaged pages proves nothing).
//  2. the schema: NormTrack's application_id (checked when the library opened) and the
//     schema version.
//  3. orphaned rows: foreign-key violations, dangling links, stale index-queue rows, missing
//     provenance rows (store/integrity.h).
//  4. the search index against the store (IndexUpkeep::Check), including documents still
//     queued for indexing, and folders an interrupted rebuild left beside it.
// Repair, from the store (the source of truth): REINDEX for (1) when it is only indexes;
// orphans in one transaction (3); the queued documents indexed, a rebuild's leftovers removed,
// then a full rebuild when the index still disagrees (4). Each repair adds one sentence to
// `repairs`; the checks then run again and what they still find is in `remaining`.
//
// Thread-safety: one thread at a time, like the Library and IndexUpkeep it uses.

#include <optional>
#include <string>
#include <vector>

#include "app/internal/library.h"
#include "app/health_report.h"
#include "app/internal/index_upkeep.h"
#include "core/error.h"

namespace nt::app {

class HealthCheck {
 public:
  // `search` must be over the same library.
  HealthCheck(Library& library, IndexUpkeep& index) : library_(library), search_(index) {}

  // Reports, changes nothing (the search index is opened but not written).
  [[nodiscard]] Result<HealthReport> Check();
  // Checks, repairs what can be repaired, checks again. Errors: kReadOnly for a read-only
  // library; the store's errors (kLocked, kIo) when a repair cannot be written, in which case
  // the repair's transaction left the database as it was.
  [[nodiscard]] Result<HealthReport> Repair();

 private:
  // Fills report.problems; true when the file itself is sound enough to check further.
  [[nodiscard]] Result<bool> Find(HealthReport& report, std::vector<std::string>& problems);

  Library& library_;
  IndexUpkeep& search_;
};

}  // namespace nt::app

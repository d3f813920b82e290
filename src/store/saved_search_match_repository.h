#pragma once
// What each watched saved search has found so far (migration 2), so that a re-run can tell
// new matches from old ones. Items are opaque keys chosen by the search service
// ("paragraph:12", "commitment:7").
// Thread-safety: as the Database it wraps (one thread at a time).

#include <string>
#include <vector>

#include "core/error.h"
#include "core/ids.h"
#include "store/database.h"

namespace nt::store {

class SavedSearchMatchRepository {
 public:
  explicit SavedSearchMatchRepository(Database& database) : database_(database) {}

  // Records `items` for the search; returns those it had not seen before, in the given order.
  // `reported` marks the new rows as already shown (a baseline when a watch is created).
  [[nodiscard]] Result<std::vector<std::string>> Record(SavedSearchId search,
                                                        const std::vector<std::string>& items,
                                                        bool reported);
  // Matches found but not yet shown, oldest first.
  [[nodiscard]] Result<std::vector<std::string>> Unreported(SavedSearchId search);
  [[nodiscard]] Status MarkReported(SavedSearchId search);
  [[nodiscard]] Status Forget(SavedSearchId search);

 private:
  Database& database_;
};

}  // namespace nt::store

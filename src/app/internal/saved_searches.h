#pragma once
// Saved searches and watches: a watch re-runs after each write that the index takes in
// (invariant 10: the workspace's upkeep job runs RunWatches after its sync), and its new matches
// stay unreported until `normtrack watch` (ReportWatches) shows them.
//
// Thread-safety: one thread at a time; it writes, so it runs on the workspace's writer.

#include <string_view>
#include <vector>

#include "app/index_reports.h"
#include "app/internal/library.h"
#include "app/internal/query_service.h"
#include "core/error.h"
#include "core/saved_search.h"

namespace nt::app {

class SavedSearches {
 public:
  // `queries` must read the same library.
  SavedSearches(Library& library, QueryService& queries) : library_(library), queries_(queries) {}

  // Saves a named search (replacing one of that name only with `replace`); a watch starts from
  // its current matches. Errors: kUsage for an empty name, a malformed query, or a name in use
  // without `replace`.
  [[nodiscard]] Result<SavedSearch> Save(std::string_view name, std::string_view query, bool watch,
                                         bool replace = false);
  // Errors: kNotFound naming the search.
  [[nodiscard]] Result<SavedSearch> Find(std::string_view name);
  // Starts (from its current matches) or stops watching a saved search.
  [[nodiscard]] Result<SavedSearch> SetWatch(std::string_view name, bool watch);
  // Deletes it with its recorded matches; returns what was deleted.
  [[nodiscard]] Result<SavedSearch> Delete(std::string_view name);
  // Re-runs every watch and records its new matches as unreported (invariant 10).
  [[nodiscard]] Result<std::vector<WatchReport>> RunWatches();
  // Re-runs the watches and returns, then marks reported, every unreported match.
  [[nodiscard]] Result<std::vector<WatchReport>> ReportWatches();

 private:
  [[nodiscard]] Result<std::vector<SearchHit>> AllMatches(const std::string& query);

  Library& library_;
  QueryService& queries_;
};

}  // namespace nt::app

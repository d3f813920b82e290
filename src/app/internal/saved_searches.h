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

  // Saves (or replaces) a named search; a watch starts from its current matches.
  // Errors: kUsage for an empty name or a malformed query.
  [[nodiscard]] Result<SavedSearch> Save(std::string_view name, std::string_view query, bool watch);
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

#pragma once
// What keeping the search index in step with the library reports: the state found when a
// library is opened, a sync or rebuild, a check, and the watched searches' new matches.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/error.h"
#include "core/saved_search.h"
#include "core/search_results.h"

namespace nt::app {

// How the index stands against the library, as found when the library is opened.
enum class IndexState {
  kCurrent,   // nothing to do
  kPending,   // documents are queued for indexing (an import or a change since the last sync)
  kMissing,   // the library has documents but there is no index (a database copied alone)
  kOutdated,  // written by an older NormTrack
  kForeign,   // it belongs to another library (its record of the library differs)
  kStale,     // it holds other documents than the library
  kUnreadable,  // the folder is there but holds no index Xapian can open (a first index killed
                // before its first commit, a truncated or junk folder)
};
std::string_view ToString(IndexState state);
// True when only a rebuild brings the index up to date.
constexpr bool NeedsRebuild(IndexState state) {
  return state != IndexState::kCurrent && state != IndexState::kPending;
}
// "the search index is missing", "the search index belongs to another library", ...
std::string DescribeIndexState(IndexState state);

struct IndexSyncReport {
  int indexed = 0;  // documents (re)indexed
  int removed = 0;  // documents removed from the index
  bool rebuilt = false;  // the whole index was built anew
};

// What bringing the index up to date after a write, or at open, did.
struct IndexUpkeepReport {
  IndexState found = IndexState::kCurrent;
  IndexSyncReport sync;
  // Set when the index could not be brought up to date: the library is unaffected and the
  // documents stay queued for the next attempt.
  std::optional<Error> error;
  // Watched searches with new matches: name and count.
  std::vector<std::pair<std::string, int>> watch_matches;
};

struct IndexCheckReport {
  int store_documents = 0;
  int index_documents = 0;
  std::int64_t index_items = 0;
  IndexLayout layout = IndexLayout::kLocal;
  int pending = 0;                 // documents still queued in the outbox
  std::vector<std::string> drift;  // one sentence per disagreement
  // Folders an interrupted rebuild left beside the index, not written for an hour: disk space
  // only, the index itself is not affected.
  RebuildLeftovers leftovers;
  bool ok() const { return drift.empty(); }
};

struct WatchReport {
  SavedSearch search;
  int new_matches = 0;
  std::vector<SearchHit> hits;  // the new matches still in the results (for display)
};

// Why an upkeep job left the index behind: the job's own error or the one its report carries;
// nullopt when it brought the index up to date.
std::optional<Error> UpkeepFailure(const Result<IndexUpkeepReport>& upkeep);

// The index item key a watch records: "paragraph:12", "commitment:7".
std::string ItemKey(const SearchHit& hit);

}  // namespace nt::app

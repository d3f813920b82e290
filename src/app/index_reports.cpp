#include "app/index_reports.h"

namespace nt::app {

std::string_view ToString(IndexState state) {
  switch (state) {
    case IndexState::kCurrent:
      return "current";
    case IndexState::kPending:
      return "pending";
    case IndexState::kMissing:
      return "missing";
    case IndexState::kOutdated:
      return "outdated";
    case IndexState::kForeign:
      return "foreign";
    case IndexState::kStale:
      return "stale";
    case IndexState::kUnreadable:
      return "unreadable";
  }
  return "unknown";
}

std::optional<Error> UpkeepFailure(const Result<IndexUpkeepReport>& upkeep) {
  if (!upkeep) return upkeep.error();
  return upkeep->error;
}

std::string DescribeIndexState(IndexState state) {
  switch (state) {
    case IndexState::kCurrent:
      return "the search index is up to date";
    case IndexState::kPending:
      return "documents are waiting to be indexed";
    case IndexState::kMissing:
      return "the library has no search index";
    case IndexState::kOutdated:
      return "the search index was written by an older NormTrack";
    case IndexState::kForeign:
      return "the search index belongs to another library";
    case IndexState::kStale:
      return "the search index holds other documents than the library (another library's "
             "index, or an older copy)";
    case IndexState::kUnreadable:
      return "the search index cannot be read (it was cut short or damaged)";
  }
  return "the search index is in an unknown state";
}

}  // namespace nt::app

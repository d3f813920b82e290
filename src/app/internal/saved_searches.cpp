#include "app/internal/saved_searches.h"

#include <set>
#include <string>
#include <utility>
#include <vector>

#include "core/clock.h"
#include "core/printable.h"
#include "core/text.h"
#include "store/saved_search_match_repository.h"
#include "store/saved_search_repository.h"

namespace nt::app {
namespace {

// How many matches a watch remembers per run.
constexpr int kWatchMatchLimit = 1000;

}  // namespace

std::string ItemKey(const SearchHit& hit) {
  return std::string(ToString(hit.kind)) + ":" + std::to_string(hit.item_id);
}

Result<std::vector<SearchHit>> SavedSearches::AllMatches(const std::string& query) {
  SearchRequest request;
  request.query = query;
  request.limit = kWatchMatchLimit;
  request.snippet_length = 160;
  auto results = queries_.Search(request);
  if (!results) return Fail(results.error());
  return std::move(results->hits);
}

Result<SavedSearch> SavedSearches::Save(std::string_view name, std::string_view query, bool watch,
                                        bool replace) {
  if (TrimView(name).empty()) {
    return Fail(ErrorCode::kUsage, "A saved search needs a name.");
  }
  if (!replace) {
    auto existing = store::SavedSearchRepository(library_.database()).FindByName(Trim(name));
    if (!existing) return Fail(existing.error());
    if (*existing) {
      return Fail(ErrorCode::kUsage,
                  "A saved search called " + Quoted((*existing)->name) + " exists already (" +
                      QuotedExcerpt((*existing)->query) + "); pass --replace to replace it.");
    }
  }
  auto matches = AllMatches(std::string(query));  // also rejects a malformed query
  if (!matches) return Fail(matches.error());
  SavedSearch saved;
  saved.name = Trim(name);
  saved.query = std::string(query);
  saved.is_watch = watch;
  store::SavedSearchRepository searches(library_.database());
  store::SavedSearchMatchRepository seen(library_.database());
  NT_TRY(library_.database().InTransaction([&]() -> Status {
    NT_TRY(searches.Save(saved));
    NT_TRY(seen.Forget(saved.id));
    if (watch) {
      std::vector<std::string> keys;
      for (const SearchHit& hit : *matches) keys.push_back(ItemKey(hit));
      auto recorded = seen.Record(saved.id, keys, /*reported=*/true);
      if (!recorded) return Fail(recorded.error());
    }
    return searches.MarkRun(saved.id, UtcTimestampNow());
  }));
  return saved;
}

Result<SavedSearch> SavedSearches::Find(std::string_view name) {
  auto found = store::SavedSearchRepository(library_.database()).FindByName(Trim(name));
  if (!found) return Fail(found.error());
  if (!*found) {
    return Fail(ErrorCode::kNotFound, "There is no saved search called " + Quoted(name) + ".",
                "'normtrack saved list' lists them");
  }
  return **found;
}

Result<SavedSearch> SavedSearches::SetWatch(std::string_view name, bool watch) {
  auto saved = Find(name);
  if (!saved) return Fail(saved.error());
  if (saved->is_watch == watch) return *saved;
  // As saving it anew: a watch starts from the current matches.
  return Save(saved->name, saved->query, watch, /*replace=*/true);
}

Result<SavedSearch> SavedSearches::Delete(std::string_view name) {
  auto saved = Find(name);
  if (!saved) return Fail(saved.error());
  NT_TRY(store::SavedSearchRepository(library_.database()).Delete(saved->id));
  return *saved;
}

Result<std::vector<WatchReport>> SavedSearches::RunWatches() {
  store::SavedSearchRepository searches(library_.database());
  store::SavedSearchMatchRepository seen(library_.database());
  auto list = searches.List();
  if (!list) return Fail(list.error());
  std::vector<WatchReport> reports;
  for (const SavedSearch& saved : *list) {
    if (!saved.is_watch) continue;
    auto matches = AllMatches(saved.query);
    if (!matches) return Fail(matches.error().WithContext("Watch " + Quoted(saved.name)));
    std::vector<std::string> keys;
    for (const SearchHit& hit : *matches) keys.push_back(ItemKey(hit));
    auto fresh = seen.Record(saved.id, keys, /*reported=*/false);
    if (!fresh) return Fail(fresh.error());
    NT_TRY(searches.MarkRun(saved.id, UtcTimestampNow()));
    WatchReport report{saved, static_cast<int>(fresh->size()), {}};
    std::set<std::string> wanted(fresh->begin(), fresh->end());
    for (const SearchHit& hit : *matches) {
      if (wanted.contains(ItemKey(hit))) report.hits.push_back(hit);
    }
    reports.push_back(std::move(report));
  }
  return reports;
}

Result<std::vector<WatchReport>> SavedSearches::ReportWatches() {
  auto reports = RunWatches();
  if (!reports) return Fail(reports.error());
  store::SavedSearchMatchRepository seen(library_.database());
  for (WatchReport& report : *reports) {
    auto unreported = seen.Unreported(report.search.id);
    if (!unreported) return Fail(unreported.error());
    report.new_matches = static_cast<int>(unreported->size());
    std::set<std::string> wanted(unreported->begin(), unreported->end());
    auto matches = AllMatches(report.search.query);
    if (!matches) return Fail(matches.error());
    report.hits.clear();
    for (const SearchHit& hit : *matches) {
      if (wanted.contains(ItemKey(hit))) report.hits.push_back(hit);
    }
    NT_TRY(seen.MarkReported(report.search.id));
  }
  return reports;
}

}  // namespace nt::app

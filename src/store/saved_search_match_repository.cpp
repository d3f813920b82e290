#include "store/saved_search_match_repository.h"

#include "core/clock.h"
#include "store/row_readers.h"
#include "store/sqlite.h"

namespace nt::store {

Result<std::vector<std::string>> SavedSearchMatchRepository::Record(
    SavedSearchId search, const std::vector<std::string>& items, bool reported) {
  std::vector<std::string> fresh;
  const std::string now = UtcTimestampNow();
  Status recorded = database_.InTransaction([&]() -> Status {
    auto insert = database_.connection().Prepare(
        "INSERT OR IGNORE INTO saved_search_matches (saved_search_id, item, found_at, reported) "
        "VALUES (?1, ?2, ?3, ?4)");
    if (!insert) return Fail(insert.error());
    for (const std::string& item : items) {
      (*insert)->Bind(1, search.value).Bind(2, item).Bind(3, now).Bind(4, reported ? 1 : 0);
      NT_TRY((*insert)->Run());
      if (database_.connection().Changes() > 0) fresh.push_back(item);
    }
    return {};
  });
  if (!recorded) return Fail(recorded.error());
  return fresh;
}

Result<std::vector<std::string>> SavedSearchMatchRepository::Unreported(SavedSearchId search) {
  auto select = database_.connection().Prepare(
      "SELECT item FROM saved_search_matches WHERE saved_search_id = ?1 AND reported = 0 "
      "ORDER BY rowid");
  if (!select) return Fail(select.error());
  (*select)->Bind(1, search.value);
  return CollectRows<std::string>(**select, [](const Statement& row) { return row.Text(0); });
}

Status SavedSearchMatchRepository::MarkReported(SavedSearchId search) {
  auto update = database_.connection().Prepare(
      "UPDATE saved_search_matches SET reported = 1 WHERE saved_search_id = ?1");
  if (!update) return Fail(update.error());
  (*update)->Bind(1, search.value);
  return (*update)->Run();
}

Status SavedSearchMatchRepository::Forget(SavedSearchId search) {
  auto remove =
      database_.connection().Prepare("DELETE FROM saved_search_matches WHERE saved_search_id = ?1");
  if (!remove) return Fail(remove.error());
  (*remove)->Bind(1, search.value);
  return (*remove)->Run();
}

}  // namespace nt::store

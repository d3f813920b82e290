#include "store/saved_search_repository.h"

#include "core/clock.h"
#include "store/row_readers.h"
#include "store/sqlite.h"

namespace nt::store {
namespace {

constexpr std::string_view kSelectSearches =
    "SELECT id, name, query, is_watch, created_at, last_run_at FROM saved_searches ";

SavedSearch ReadSearch(const Statement& row) {
  return SavedSearch{SavedSearchId(row.Int(0)), row.Text(1), row.Text(2), row.Int(3) != 0,
                     row.Text(4), row.Text(5)};
}

}  // namespace

Status SavedSearchRepository::Save(SavedSearch& search) {
  if (search.created_at.empty()) search.created_at = UtcTimestampNow();
  auto upsert = database_.connection().Prepare(
      "INSERT INTO saved_searches (name, query, is_watch, created_at) VALUES (?1, ?2, ?3, ?4) "
      "ON CONFLICT (name) DO UPDATE SET query = excluded.query, is_watch = excluded.is_watch "
      "RETURNING id");
  if (!upsert) return Fail(upsert.error());
  (*upsert)
      ->Bind(1, search.name)
      .Bind(2, search.query)
      .Bind(3, search.is_watch ? 1 : 0)
      .Bind(4, search.created_at);
  auto row = (*upsert)->Step();
  if (!row) return Fail(row.error());
  search.id = SavedSearchId((*upsert)->Int(0));
  (*upsert)->Reset();
  return {};
}

Result<std::optional<SavedSearch>> SavedSearchRepository::FindByName(std::string_view name) {
  auto statement = database_.connection().Prepare(std::string(kSelectSearches) + "WHERE name = ?1");
  if (!statement) return Fail(statement.error());
  (*statement)->Bind(1, name);
  return OptionalRow<SavedSearch>(**statement, ReadSearch);
}

Result<std::vector<SavedSearch>> SavedSearchRepository::List() {
  auto statement = database_.connection().Prepare(std::string(kSelectSearches) +
                                                  "ORDER BY name COLLATE NOCASE");
  if (!statement) return Fail(statement.error());
  return CollectRows<SavedSearch>(**statement, ReadSearch);
}

Status SavedSearchRepository::MarkRun(SavedSearchId id, std::string_view when) {
  auto update =
      database_.connection().Prepare("UPDATE saved_searches SET last_run_at = ?2 WHERE id = ?1");
  if (!update) return Fail(update.error());
  (*update)->Bind(1, id.value).Bind(2, when);
  return (*update)->Run();
}

Status SavedSearchRepository::Delete(SavedSearchId id) {
  return DeleteRow(database_.connection(), "saved_searches", id.value, "saved search");
}

}  // namespace nt::store

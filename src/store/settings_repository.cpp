#include "store/settings_repository.h"

#include "store/row_readers.h"
#include "store/sqlite.h"

namespace nt::store {

Result<std::optional<std::string>> SettingsRepository::Get(std::string_view key) {
  auto statement = database_.connection().Prepare("SELECT value FROM settings WHERE key = ?1");
  if (!statement) return Fail(statement.error());
  (*statement)->Bind(1, key);
  return OptionalRow<std::string>(**statement, [](const Statement& row) { return row.Text(0); });
}

Status SettingsRepository::Set(std::string_view key, std::string_view value) {
  auto upsert = database_.connection().Prepare(
      "INSERT INTO settings (key, value) VALUES (?1, ?2) "
      "ON CONFLICT (key) DO UPDATE SET value = excluded.value");
  if (!upsert) return Fail(upsert.error());
  (*upsert)->Bind(1, key).Bind(2, value);
  return (*upsert)->Run();
}

Status SettingsRepository::Remove(std::string_view key) {
  auto remove = database_.connection().Prepare("DELETE FROM settings WHERE key = ?1");
  if (!remove) return Fail(remove.error());
  (*remove)->Bind(1, key);
  return (*remove)->Run();
}

}  // namespace nt::store

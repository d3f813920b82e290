#pragma once
// Key-value settings stored with the data (not per-user preferences).

#include <optional>
#include <string>
#include <string_view>

#include "core/error.h"
#include "store/database.h"

namespace nt::store {

class SettingsRepository {
 public:
  explicit SettingsRepository(Database& database) : database_(database) {}

  [[nodiscard]] Result<std::optional<std::string>> Get(std::string_view key);
  [[nodiscard]] Status Set(std::string_view key, std::string_view value);
  [[nodiscard]] Status Remove(std::string_view key);

 private:
  Database& database_;
};

}  // namespace nt::store

#pragma once
// Saved searches, some of them watched.

#include <optional>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "core/saved_search.h"
#include "store/database.h"

namespace nt::store {

class SavedSearchRepository {
 public:
  explicit SavedSearchRepository(Database& database) : database_(database) {}

  // Saves under search.name, replacing the query and watch flag of an existing one.
  [[nodiscard]] Status Save(SavedSearch& search);
  [[nodiscard]] Result<std::optional<SavedSearch>> FindByName(std::string_view name);
  [[nodiscard]] Result<std::vector<SavedSearch>> List();
  [[nodiscard]] Status MarkRun(SavedSearchId id, std::string_view when);
  [[nodiscard]] Status Delete(SavedSearchId id);

 private:
  Database& database_;
};

}  // namespace nt::store

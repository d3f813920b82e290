#pragma once
// The norms catalogue.

#include <optional>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "core/norm.h"
#include "store/database.h"

namespace nt::store {

class NormRepository {
 public:
  explicit NormRepository(Database& database) : database_(database) {}

  // Inserts the norm, or updates the one with the same code; returns its id.
  [[nodiscard]] Result<NormId> Upsert(const Norm& norm);
  [[nodiscard]] Result<std::optional<Norm>> FindByCode(std::string_view code);
  [[nodiscard]] Result<std::vector<Norm>> List();
  [[nodiscard]] Result<int> Count();

 private:
  Database& database_;
};

}  // namespace nt::store

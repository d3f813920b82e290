#pragma once
// Reads the counts for summaries (core/library_queries.h).

#include "core/error.h"
#include "core/library_queries.h"
#include "store/database.h"

namespace nt::store {

using StoreStatistics = nt::LibraryStatistics;

[[nodiscard]] Result<StoreStatistics> ReadStatistics(Database& database);

}  // namespace nt::store

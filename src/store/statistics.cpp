#include "store/statistics.h"

#include "store/sqlite.h"

namespace nt::store {

Result<StoreStatistics> ReadStatistics(Database& database) {
  auto statement = database.connection().Prepare(
      "SELECT (SELECT count(*) FROM documents), "
      "(SELECT count(*) FROM paragraphs WHERE is_boilerplate = 0), "
      "(SELECT count(*) FROM paragraphs WHERE is_boilerplate = 1), "
      "(SELECT count(*) FROM actors), (SELECT count(*) FROM commitments), "
      "(SELECT count(*) FROM dialogues), (SELECT count(*) FROM rounds), "
      "(SELECT count(*) FROM norms), (SELECT count(*) FROM follow_ups), "
      "(SELECT count(*) FROM links), (SELECT count(*) FROM saved_searches)");
  if (!statement) return Fail(statement.error());
  auto row = (*statement)->Step();
  if (!row) return Fail(row.error());
  const Statement& r = **statement;
  auto at = [&](int column) { return static_cast<int>(r.Int(column)); };
  StoreStatistics stats{at(0), at(1), at(2), at(3), at(4), at(5),
                        at(6), at(7), at(8), at(9), at(10)};
  (*statement)->Reset();
  return stats;
}

}  // namespace nt::store

#include "support/database_snapshot.h"

#include <sqlite3.h>

#include <catch2/catch.hpp>
#include <algorithm>
#include <vector>

namespace nt::test {
namespace {

std::vector<std::vector<std::string>> Rows(sqlite3* db, const std::string& sql) {
  sqlite3_stmt* stmt = nullptr;
  const int prepared = sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt, nullptr);
  INFO(sql << ": " << sqlite3_errmsg(db));
  REQUIRE(prepared == SQLITE_OK);
  std::vector<std::vector<std::string>> rows;
  int rc = SQLITE_ROW;
  while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
    std::vector<std::string>& row = rows.emplace_back();
    for (int column = 0; column < sqlite3_column_count(stmt); ++column) {
      const auto* text = sqlite3_column_text(stmt, column);
      row.push_back(text ? reinterpret_cast<const char*>(text) : "NULL");
    }
  }
  sqlite3_finalize(stmt);
  REQUIRE(rc == SQLITE_DONE);
  return rows;
}

}  // namespace

std::string DatabaseSnapshot(const std::filesystem::path& database) {
  sqlite3* db = nullptr;
  // Read-write (never create) although it only reads: a read-only connection may leave a -shm
  // file behind, which would change how the next process opens the library.
  const int opened =
      sqlite3_open_v2(database.string().c_str(), &db, SQLITE_OPEN_READWRITE, nullptr);
  INFO(database.string());
  REQUIRE(opened == SQLITE_OK);
  std::string out = "user_version " + Rows(db, "PRAGMA user_version").at(0).at(0) + "\n";
  for (const auto& schema :
       Rows(db, "SELECT type, name, sql FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%' "
                "ORDER BY type, name")) {
    out += schema[0] + " " + schema[1] + ": " + schema[2] + "\n";
    if (schema[0] != "table") continue;
    // Sorted here, so that every kind of table (rowid or not, virtual) lists in one order.
    auto rows = Rows(db, "SELECT * FROM \"" + schema[1] + "\"");
    std::sort(rows.begin(), rows.end());
    for (const auto& row : rows) {
      for (const std::string& value : row) out += value + "|";
      out += "\n";
    }
  }
  sqlite3_close(db);
  return out;
}

}  // namespace nt::test

#pragma once
// Raw SQLite access for tests that damage or inspect a database file behind NormTrack's back
// (foreign keys off, as another tool would). Header-only: a test target that includes it links
// SQLite::SQLite3 itself.

#include <sqlite3.h>

#include <catch2/catch.hpp>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace nt::test {

// Runs `sql` on its own connection (foreign keys off), which it closes again.
inline void RawExec(const std::filesystem::path& db, const std::string& sql) {
  sqlite3* raw = nullptr;
  REQUIRE(sqlite3_open(db.string().c_str(), &raw) == SQLITE_OK);
  char* message = nullptr;
  int rc = sqlite3_exec(raw, sql.c_str(), nullptr, nullptr, &message);
  std::string error = message ? message : "";
  sqlite3_free(message);
  sqlite3_close(raw);
  INFO(sql << ": " << error);
  REQUIRE(rc == SQLITE_OK);
}

// The first column of every row `sql` returns, as text.
inline std::vector<std::string> RawColumn(const std::filesystem::path& db, const std::string& sql) {
  sqlite3* raw = nullptr;
  // Read-write, so that a crashed writer's -wal can be recovered; nothing is written.
  REQUIRE(sqlite3_open_v2(db.string().c_str(), &raw, SQLITE_OPEN_READWRITE, nullptr) == SQLITE_OK);
  sqlite3_busy_timeout(raw, 5000);
  sqlite3_stmt* stmt = nullptr;
  int rc = sqlite3_prepare_v2(raw, sql.c_str(), -1, &stmt, nullptr);
  INFO(sql << ": " << sqlite3_errmsg(raw));
  REQUIRE(rc == SQLITE_OK);
  std::vector<std::string> out;
  while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
    const auto* text = sqlite3_column_text(stmt, 0);
    out.emplace_back(text ? reinterpret_cast<const char*>(text) : "");
  }
  INFO(sqlite3_errmsg(raw));
  sqlite3_finalize(stmt);
  sqlite3_close(raw);
  REQUIRE(rc == SQLITE_DONE);
  return out;
}

inline std::int64_t RawInt(const std::filesystem::path& db, const std::string& sql) {
  auto column = RawColumn(db, sql);
  REQUIRE(column.size() == 1);
  return std::stoll(column.front());
}

}  // namespace nt::test

#pragma once
// Thin RAII wrappers over the SQLite C API. Internal to the store: nothing outside src/store
// includes this header, so no SQL or sqlite3 type leaks into other modules.

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/error.h"

struct sqlite3;
struct sqlite3_stmt;

namespace nt::store {

class Statement {
 public:
  Statement(sqlite3_stmt* stmt, const std::string* db_name);
  ~Statement();
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  // Parameters are 1-based, as in SQLite.
  Statement& Bind(int index, std::int64_t value);
  Statement& Bind(int index, int value) { return Bind(index, static_cast<std::int64_t>(value)); }
  Statement& Bind(int index, double value);
  Statement& Bind(int index, std::string_view text);
  Statement& Bind(int index, const char* text) { return Bind(index, std::string_view(text)); }
  Statement& Bind(int index, const std::string& text) { return Bind(index, std::string_view(text)); }
  // Binds NULL for an empty string (optional text columns).
  Statement& BindOptional(int index, std::string_view text);
  // Binds NULL for a zero id.
  Statement& BindId(int index, std::int64_t id);
  Statement& BindNull(int index);
  // Binds a list of integers as one parameter (a JSON array), for
  // `x IN (SELECT value FROM json_each(?N))`: one cached statement serves any number of ids,
  // and every id is still a bound value, never SQL text.
  Statement& BindIdList(int index, const std::vector<std::int64_t>& ids);

  // Advances: true when a row is available, false when done.
  [[nodiscard]] Result<bool> Step();
  // Steps to completion (INSERT/UPDATE/DELETE) and resets.
  [[nodiscard]] Status Run();
  void Reset();

  std::int64_t Int(int column) const;
  double Double(int column) const;
  std::string Text(int column) const;  // "" for NULL
  bool IsNull(int column) const;

 private:
  sqlite3_stmt* stmt_;
  const std::string* db_name_;  // for error messages
};

class Connection {
 public:
  // Opens (never creates unless `create`); see Database::Open for the checks around it.
  static Result<std::unique_ptr<Connection>> Open(const std::filesystem::path& path, bool create,
                                                  bool read_only);
  ~Connection();
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  // A cached prepared statement, reset and with bindings cleared.
  [[nodiscard]] Result<Statement*> Prepare(std::string_view sql);
  // Runs one or more statements without results (DDL, PRAGMA, BEGIN).
  [[nodiscard]] Status Execute(std::string_view sql);
  // The first column of the first row as an integer (PRAGMAs, counts).
  [[nodiscard]] Result<std::int64_t> QueryInt(std::string_view sql);

  std::int64_t LastInsertRowId() const;
  int Changes() const;
  bool InTransaction() const;
  void SetBusyTimeout(int milliseconds);

  const std::string& name() const { return name_; }
  sqlite3* handle() { return db_; }

  // The error for the connection's last failure, as one sentence naming the database.
  Error LastError(int rc, std::string_view action) const;

 private:
  Connection(sqlite3* db, std::string name) : db_(db), name_(std::move(name)) {}

  sqlite3* db_;
  std::string name_;  // the database path, UTF-8
  // Looked up by the SQL text as given (no copy of it per call: repositories prepare the same
  // statement once per row).
  struct SqlHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view sql) const { return std::hash<std::string_view>{}(sql); }
  };
  std::unordered_map<std::string, std::unique_ptr<Statement>, SqlHash, std::equal_to<>>
      statements_;
};

// Turns an SQLite result code into an Error naming the database file. The one place where
// SQLite failures become NormTrack errors.
Error SqliteError(int rc, std::string_view database, std::string_view action,
                  std::string_view detail);

}  // namespace nt::store

#include "store/sqlite.h"

#include <sqlite3.h>

#include "core/platform.h"

namespace nt::store {

Error SqliteError(int rc, std::string_view database, std::string_view action,
                  std::string_view detail) {
  const std::string name = Quoted(database);
  switch (rc & 0xFF) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return Error{ErrorCode::kLocked,
                   "The database " + name +
                       " is locked by another program (is NormTrack open elsewhere?); try "
                       "again when it has finished."};
    case SQLITE_NOTADB:
    case SQLITE_CORRUPT:
      return Error{ErrorCode::kCorrupt, "The file " + name +
                                            " is not a NormTrack database or is damaged; restore "
                                            "it from a backup or choose another file."};
    case SQLITE_READONLY:
    case SQLITE_PERM:
      return Error{ErrorCode::kReadOnly, "The database " + name +
                                             " cannot be written (read-only file or folder)."};
    case SQLITE_CANTOPEN:
      return Error{ErrorCode::kIo, "The database " + name +
                                       " cannot be opened (check that its folder exists and "
                                       "that you may read it)."};
    case SQLITE_FULL:
      return Error{ErrorCode::kIo, "The disk is full while writing the database " + name +
                                       "; nothing was changed. Free some space and try again."};
    case SQLITE_IOERR:
      return Error{ErrorCode::kIo, "The operating system reported an I/O error while " +
                                       std::string(action) + " the database " + name +
                                       "; nothing was changed."};
    case SQLITE_CONSTRAINT:
      return Error{ErrorCode::kConstraint, "The change to " + name +
                                               " was refused because it would break the data "
                                               "model (" + std::string(detail) + ")."};
    default:
      return Error{ErrorCode::kInternal, "SQLite failed while " + std::string(action) +
                                             " the database " + name + ": " +
                                             std::string(detail) + "."};
  }
}

// --- Statement -------------------------------------------------------------------------------

Statement::Statement(sqlite3_stmt* stmt, const std::string* db_name)
    : stmt_(stmt), db_name_(db_name) {}

Statement::~Statement() { sqlite3_finalize(stmt_); }

Statement& Statement::Bind(int index, std::int64_t value) {
  sqlite3_bind_int64(stmt_, index, value);
  return *this;
}

Statement& Statement::Bind(int index, double value) {
  sqlite3_bind_double(stmt_, index, value);
  return *this;
}

Statement& Statement::Bind(int index, std::string_view text) {
  sqlite3_bind_text64(stmt_, index, text.data(), text.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
  return *this;
}

Statement& Statement::BindOptional(int index, std::string_view text) {
  return text.empty() ? BindNull(index) : Bind(index, text);
}

Statement& Statement::BindId(int index, std::int64_t id) {
  return id == 0 ? BindNull(index) : Bind(index, id);
}

Statement& Statement::BindIdList(int index, const std::vector<std::int64_t>& ids) {
  std::string list = "[";
  for (std::size_t i = 0; i < ids.size(); ++i) {
    if (i > 0) list += ',';
    list += std::to_string(ids[i]);
  }
  list += ']';
  return Bind(index, std::string_view(list));
}

Statement& Statement::BindNull(int index) {
  sqlite3_bind_null(stmt_, index);
  return *this;
}

Result<bool> Statement::Step() {
  int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  sqlite3* db = sqlite3_db_handle(stmt_);
  Error error = SqliteError(sqlite3_extended_errcode(db), *db_name_, "writing",
                            sqlite3_errmsg(db));
  sqlite3_reset(stmt_);
  return Fail(std::move(error));
}

Status Statement::Run() {
  auto step = Step();
  while (step && *step) step = Step();
  Reset();
  if (!step) return Fail(step.error());
  return {};
}

void Statement::Reset() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
}

std::int64_t Statement::Int(int column) const { return sqlite3_column_int64(stmt_, column); }

double Statement::Double(int column) const { return sqlite3_column_double(stmt_, column); }

std::string Statement::Text(int column) const {
  const auto* text = sqlite3_column_text(stmt_, column);
  if (!text) return {};
  return std::string(reinterpret_cast<const char*>(text),
                     static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column)));
}

bool Statement::IsNull(int column) const {
  return sqlite3_column_type(stmt_, column) == SQLITE_NULL;
}

// --- Connection ------------------------------------------------------------------------------

Result<std::unique_ptr<Connection>> Connection::Open(const std::filesystem::path& path,
                                                     bool create, bool read_only) {
  std::string name = platform::PathToUtf8(path);
  int flags = SQLITE_OPEN_EXRESCODE | SQLITE_OPEN_NOMUTEX;
  flags |= read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE;
  if (create && !read_only) flags |= SQLITE_OPEN_CREATE;
  sqlite3* db = nullptr;
  int rc = sqlite3_open_v2(name.c_str(), &db, flags, nullptr);
  if (rc != SQLITE_OK) {
    std::string detail = db ? sqlite3_errmsg(db) : "out of memory";
    sqlite3_close(db);
    return Fail(SqliteError(rc, name, "opening", detail));
  }
  sqlite3_extended_result_codes(db, 1);
  return std::unique_ptr<Connection>(new Connection(db, std::move(name)));
}

Connection::~Connection() {
  statements_.clear();  // finalize before closing
  sqlite3_close(db_);
}

Result<Statement*> Connection::Prepare(std::string_view sql) {
  if (auto it = statements_.find(sql); it != statements_.end()) {
    it->second->Reset();
    return it->second.get();
  }
  sqlite3_stmt* stmt = nullptr;
  int rc = sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()),
                              SQLITE_PREPARE_PERSISTENT, &stmt, nullptr);
  if (rc != SQLITE_OK) return Fail(LastError(rc, "reading"));
  auto [it, inserted] =
      statements_.emplace(std::string(sql), std::make_unique<Statement>(stmt, &name_));
  return it->second.get();
}

Status Connection::Execute(std::string_view sql) {
  char* message = nullptr;
  int rc = sqlite3_exec(db_, std::string(sql).c_str(), nullptr, nullptr, &message);
  if (rc != SQLITE_OK) {
    std::string detail = message ? message : sqlite3_errstr(rc);
    sqlite3_free(message);
    return Fail(SqliteError(sqlite3_extended_errcode(db_), name_, "updating", detail));
  }
  return {};
}

Result<std::int64_t> Connection::QueryInt(std::string_view sql) {
  auto stmt = Prepare(sql);
  if (!stmt) return Fail(stmt.error());
  auto row = (*stmt)->Step();
  if (!row) return Fail(row.error());
  std::int64_t value = *row ? (*stmt)->Int(0) : 0;
  (*stmt)->Reset();
  return value;
}

std::int64_t Connection::LastInsertRowId() const { return sqlite3_last_insert_rowid(db_); }

int Connection::Changes() const { return sqlite3_changes(db_); }

bool Connection::InTransaction() const { return sqlite3_get_autocommit(db_) == 0; }

void Connection::SetBusyTimeout(int milliseconds) { sqlite3_busy_timeout(db_, milliseconds); }

Error Connection::LastError(int rc, std::string_view action) const {
  int code = sqlite3_extended_errcode(db_);
  return SqliteError(code != SQLITE_OK ? code : rc, name_, action, sqlite3_errmsg(db_));
}

}  // namespace nt::store

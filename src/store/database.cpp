#include "store/database.h"

#include <system_error>

#include "core/platform.h"
#include "store/schema.h"
#include "store/sqlite.h"

namespace nt::store {
namespace {

std::string Name(const std::filesystem::path& path) { return Quoted(platform::PathToUtf8(path)); }

// Refuses files that are SQLite but not ours, or ours but newer, before anything is written.
Status CheckIdentity(Connection& connection, const std::filesystem::path& path) {
  // Reading the schema is the first access to the file's pages: random bytes fail here.
  auto table_count = connection.QueryInt("SELECT count(*) FROM sqlite_schema");
  if (!table_count) return Fail(table_count.error());
  auto application_id = connection.QueryInt("PRAGMA application_id");
  if (!application_id) return Fail(application_id.error());
  auto version = connection.QueryInt("PRAGMA user_version");
  if (!version) return Fail(version.error());

  const bool empty = *table_count == 0 && *version == 0 && *application_id == 0;
  if (!empty && *application_id != kApplicationId) {
    return Fail(ErrorCode::kCorrupt, "The file " + Name(path) +
                                         " is an SQLite database of another program, not a "
                                         "NormTrack database; choose another file.");
  }
  if (*version > LatestSchemaVersion()) {
    return Fail(ErrorCode::kSchemaTooNew,
                "The database " + Name(path) + " was written by a newer NormTrack (schema " +
                    std::to_string(*version) + ", this version reads up to " +
                    std::to_string(LatestSchemaVersion()) + "); install the newer version.");
  }
  return {};
}

}  // namespace

Database::Database(std::filesystem::path path, std::unique_ptr<Connection> connection,
                   bool read_only)
    : path_(std::move(path)), connection_(std::move(connection)), read_only_(read_only) {}

Database::~Database() = default;

Result<std::unique_ptr<Database>> Database::Open(const std::filesystem::path& path,
                                                 const OpenOptions& options) {
  std::error_code ec;
  auto status = std::filesystem::status(path, ec);
  const bool exists = std::filesystem::exists(status);
  if (!exists && !options.create_if_missing) {
    return Fail(ErrorCode::kNotFound, "There is no NormTrack database at " + Name(path) + ".",
                "run 'normtrack init' to create one");
  }
  if (exists && std::filesystem::is_directory(status)) {
    return Fail(ErrorCode::kIo, Name(path) + " is a folder, not a NormTrack database file.");
  }
  if (!exists) {
    auto parent = path.parent_path();
    if (!parent.empty() && !std::filesystem::is_directory(parent, ec)) {
      std::filesystem::create_directories(parent, ec);
      if (ec) {
        return Fail(ErrorCode::kIo, "Could not create the folder " + Name(parent) +
                                        " for the database: " + ec.message() + ".");
      }
    }
  }

  auto connection = Connection::Open(path, options.create_if_missing, options.read_only);
  if (!connection) return Fail(connection.error());
  (*connection)->SetBusyTimeout(options.busy_timeout_ms);

  NT_TRY(CheckIdentity(**connection, path));
  NT_TRY((*connection)->Execute("PRAGMA foreign_keys = ON"));
  if (!options.read_only) {
    // WAL lets readers (the app's views) work while an import commits; FULL sync because a
    // commit that survives a power cut is worth an fsync per batch of documents. Savepoints
    // (one per document and per commitment) keep the pages they change in a sub-journal, a
    // temporary file by default: in memory it is no longer most of an import's system time
    // (three thousand writes per document). It lives only until the transaction ends, so a
    // crash loses nothing the WAL would keep.
    NT_TRY((*connection)->Execute(
        "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA temp_store = MEMORY"));
    NT_TRY(Migrate(**connection));
  }
  auto version = (*connection)->QueryInt("PRAGMA user_version");
  if (!version) return Fail(version.error());
  if (options.read_only && *version < LatestSchemaVersion()) {
    return Fail(ErrorCode::kReadOnly, "The database " + Name(path) +
                                          " needs an upgrade, which cannot be done read-only; "
                                          "open it once with write access.");
  }

  auto database = std::unique_ptr<Database>(
      new Database(path, std::move(*connection), options.read_only));
  database->schema_version_ = static_cast<int>(*version);
  return database;
}

bool Database::in_transaction() const { return connection_->InTransaction(); }

Status Database::InTransaction(const std::function<Status()>& work) {
  const std::string savepoint = "nt_" + std::to_string(transaction_depth_);
  if (transaction_depth_ == 0) {
    NT_TRY(connection_->Execute("BEGIN IMMEDIATE"));
  } else {
    NT_TRY(connection_->Execute("SAVEPOINT " + savepoint));
  }
  ++transaction_depth_;
  Status result = work();
  --transaction_depth_;
  if (transaction_depth_ == 0) {
    if (result) {
      if (Status committed = connection_->Execute("COMMIT"); !committed) {
        (void)connection_->Execute("ROLLBACK");
        return committed;
      }
      return result;
    }
    (void)connection_->Execute("ROLLBACK");
    return result;
  }
  if (result) {
    NT_TRY(connection_->Execute("RELEASE " + savepoint));
  } else {
    (void)connection_->Execute("ROLLBACK TO " + savepoint + "; RELEASE " + savepoint);
  }
  return result;
}

}  // namespace nt::store

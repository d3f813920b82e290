#include "store/backup.h"

#include <sqlite3.h>

#include <system_error>

#include "core/platform.h"
#include "store/sqlite.h"

namespace nt::store {
namespace {

std::string Name(const std::filesystem::path& path) { return platform::PathToUtf8(path); }

// Copies every page of `source` (its "main" database) into a new file at `destination`, in
// one backup step (one read transaction on the source), and makes the copy self-contained.
Status CopyPages(Connection& source, const std::filesystem::path& destination) {
  std::error_code ec;
  if (std::filesystem::exists(destination, ec)) {
    return Fail(ErrorCode::kIo, "The file " + Quoted(Name(destination)) + " already exists.");
  }
  auto target = Connection::Open(destination, /*create=*/true, /*read_only=*/false);
  if (!target) return Fail(target.error());
  sqlite3_backup* backup =
      sqlite3_backup_init((*target)->handle(), "main", source.handle(), "main");
  if (!backup) return Fail((*target)->LastError(SQLITE_ERROR, "writing"));
  int rc = sqlite3_backup_step(backup, -1);
  sqlite3_backup_finish(backup);
  if (rc != SQLITE_DONE) return Fail(SqliteError(rc, source.name(), "copying", sqlite3_errstr(rc)));
  // The source's WAL mode was copied with its pages; a backup is one file.
  NT_TRY((*target)->Execute("PRAGMA journal_mode = DELETE"));
  return {};
}

Result<std::unique_ptr<Connection>> OpenExistingReadOnly(const std::filesystem::path& path) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) {
    return Fail(ErrorCode::kNotFound, "There is no file " + Quoted(Name(path)) + ".");
  }
  auto connection = Connection::Open(path, /*create=*/false, /*read_only=*/true);
  if (!connection) return Fail(connection.error());
  // Random bytes fail here, on the first read of the file.
  auto tables = (*connection)->QueryInt("SELECT count(*) FROM sqlite_schema");
  if (!tables) return Fail(tables.error());
  return std::move(*connection);
}

}  // namespace

Status BackupDatabase(Database& source, const std::filesystem::path& destination) {
  return CopyPages(source.connection(), destination);
}

Result<FileIdentity> ReadIdentity(const std::filesystem::path& path) {
  auto connection = OpenExistingReadOnly(path);
  if (!connection) return Fail(connection.error());
  auto application_id = (*connection)->QueryInt("PRAGMA application_id");
  if (!application_id) return Fail(application_id.error());
  auto version = (*connection)->QueryInt("PRAGMA user_version");
  if (!version) return Fail(version.error());
  auto tables = (*connection)->QueryInt("SELECT count(*) FROM sqlite_schema");
  if (!tables) return Fail(tables.error());
  FileIdentity identity;
  identity.application_id = *application_id;
  identity.schema_version = static_cast<int>(*version);
  identity.tables = static_cast<int>(*tables);
  return identity;
}

Status CopyDatabaseFile(const std::filesystem::path& source,
                        const std::filesystem::path& destination) {
  auto connection = OpenExistingReadOnly(source);
  if (!connection) return Fail(connection.error());
  return CopyPages(**connection, destination);
}

Status ReleaseForReplacement(const std::filesystem::path& path) {
  {
    auto connection = Connection::Open(path, /*create=*/false, /*read_only=*/false);
    if (!connection) return Fail(connection.error());
    (*connection)->SetBusyTimeout(2000);
    NT_TRY((*connection)->Execute("PRAGMA wal_checkpoint(TRUNCATE)"));
  }  // the last connection to close removes the -wal file
  std::error_code ec;
  if (std::filesystem::exists(platform::PathFromUtf8(Name(path) + "-wal"), ec)) {
    return Fail(ErrorCode::kLocked, "The library " + Quoted(Name(path)) +
                                        " is open in another program (is NormTrack running?); "
                                        "close it and try again.");
  }
  return {};
}

}  // namespace nt::store

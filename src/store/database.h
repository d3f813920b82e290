#pragma once
// The NormTrack database: one SQLite file, the source of truth for everything else.
//
// Thread-safety: a Database is used by one thread at a time. The app gives the writer job
// its own Database and each reader thread another; SQLite's WAL mode lets readers work while
// the writer commits.
//
// Opening checks, in order, and the error each gives (all name the file):
//   missing file (without create)      -> kNotFound
//   a folder, unreadable file          -> kIo
//   random bytes / damaged file        -> kCorrupt
//   an SQLite file of another program  -> kCorrupt
//   written by a newer NormTrack       -> kSchemaTooNew
//   held by another writer             -> kLocked (after the busy timeout)
// None of these modifies the file.

#include <filesystem>
#include <functional>
#include <memory>

#include "core/error.h"

namespace nt::store {

class Connection;

struct OpenOptions {
  bool create_if_missing = false;
  bool read_only = false;
  int busy_timeout_ms = 5000;  // how long to wait for another writer
};

class Database {
 public:
  // Opens a database, creating and migrating it as the options allow.
  [[nodiscard]] static Result<std::unique_ptr<Database>> Open(const std::filesystem::path& path,
                                                              const OpenOptions& options = {});
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  const std::filesystem::path& path() const { return path_; }
  bool read_only() const { return read_only_; }
  // PRAGMA user_version after migration.
  int schema_version() const { return schema_version_; }

  // Runs `work` in one transaction (a savepoint when nested): committed when it returns ok,
  // rolled back, leaving the database exactly as before, when it returns an error.
  [[nodiscard]] Status InTransaction(const std::function<Status()>& work);

  // Whether a transaction is open on the connection. False inside InTransaction's work means
  // SQLite rolled the whole transaction back itself (a full disk, an I/O error): what the
  // outer work wrote before is gone too.
  bool in_transaction() const;

  // Internal: for repositories in src/store only.
  Connection& connection() { return *connection_; }

 private:
  Database(std::filesystem::path path, std::unique_ptr<Connection> connection, bool read_only);

  std::filesystem::path path_;
  std::unique_ptr<Connection> connection_;
  bool read_only_ = false;
  int schema_version_ = 0;
  int transaction_depth_ = 0;
};

}  // namespace nt::store

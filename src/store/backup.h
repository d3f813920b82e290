#pragma once
// Copies of a database file: backups made while the library is in use, and what restoring one
// needs from the store (`normtrack backup` / `restore`; app/backup_service.h decides policy).
//
// Copies use SQLite's online backup API, never a byte copy: a byte copy of a WAL database taken
// while it is open can miss committed transactions (still in the -wal file) or catch a
// half-written page.

#include <cstdint>
#include <filesystem>

#include "core/error.h"
#include "store/database.h"

namespace nt::store {

// Writes the database as of one moment to `destination` (which must not exist): one read
// transaction on `source` copies every page, so the copy is consistent even while another
// connection holds a write transaction or commits meanwhile (WAL readers see a snapshot).
// The copy is one self-contained file (rollback-journal mode, no -wal beside it).
[[nodiscard]] Status BackupDatabase(Database& source, const std::filesystem::path& destination);

// What a database file says it is, read without changing it.
struct FileIdentity {
  std::int64_t application_id = 0;  // kApplicationId for NormTrack's
  int schema_version = 0;           // PRAGMA user_version
  int tables = 0;                   // 0 for an empty file
};

// Errors: kNotFound (no such file), kCorrupt (not an SQLite database), kIo.
[[nodiscard]] Result<FileIdentity> ReadIdentity(const std::filesystem::path& path);

// Copies like BackupDatabase from a file that is not open (a backup being restored), read-only.
// Errors: kNotFound, kCorrupt (not an SQLite file), kIo; identity (NormTrack's, schema) is checked
// by opening the copy with Database::Open.
[[nodiscard]] Status CopyDatabaseFile(const std::filesystem::path& source,
                                      const std::filesystem::path& destination);

// Prepares the database file at `path` to be replaced by another: checkpoints its write-ahead
// log into it and closes, so no -wal file is left that SQLite would apply to the replacement.
// kLocked when another connection (another NormTrack) still has it open.
[[nodiscard]] Status ReleaseForReplacement(const std::filesystem::path& path);

}  // namespace nt::store

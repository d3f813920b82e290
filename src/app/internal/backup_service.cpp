#include "app/internal/backup_service.h"

#include <algorithm>

#include <system_error>

#include "app/internal/index_upkeep.h"
#include "core/clock.h"
#include "core/platform.h"
#include "store/backup.h"
#include "store/integrity.h"
#include "store/schema.h"

namespace nt::app {
namespace {

constexpr std::string_view kPreRestoreSuffix = ".before-restore";


std::string Name(const std::filesystem::path& path) { return Quoted(platform::PathToUtf8(path)); }

// `path` with `suffix` appended to its file name (a sibling, so a rename stays on one volume).
std::filesystem::path Beside(const std::filesystem::path& path, std::string_view suffix) {
  return platform::PathFromUtf8(platform::PathToUtf8(path) + std::string(suffix));
}

std::unexpected<Error> FilesystemFailure(const std::error_code& ec, const std::string& what) {
  return Fail(ErrorCode::kIo, "Could not " + what + ": " + ec.message() + ".");
}

// Refuses, in one sentence naming the backup, what restore cannot take.
Status CheckRestorable(const std::filesystem::path& backup, const store::FileIdentity& identity) {
  if (identity.tables == 0) {
    return Fail(ErrorCode::kCorrupt, "The file " + Name(backup) +
                                         " is an empty database, not a NormTrack backup; choose "
                                         "another file.");
  }
  if (identity.application_id != store::kApplicationId) {
    return Fail(ErrorCode::kCorrupt, "The file " + Name(backup) +
                                         " is an SQLite database of another program, not a "
                                         "NormTrack backup; choose another file.");
  }
  if (identity.schema_version > store::LatestSchemaVersion()) {
    return Fail(ErrorCode::kSchemaTooNew,
                "The backup " + Name(backup) + " was made by a newer NormTrack (schema " +
                    std::to_string(identity.schema_version) + ", this version reads up to " +
                    std::to_string(store::LatestSchemaVersion()) +
                    "); restore it with the newer version.");
  }
  return {};
}

// Copies the backup to `staging`, migrates it and checks it; the caller removes `staging` on
// failure.
Result<int> Stage(const std::filesystem::path& backup, const std::filesystem::path& staging) {
  NT_TRY(store::CopyDatabaseFile(backup, staging));
  auto database = store::Database::Open(staging);  // migrates an older schema
  if (!database) return Fail(database.error());
  auto integrity = store::CheckIntegrity(**database);
  if (!integrity) return Fail(integrity.error());
  if (!integrity->ok()) {
    return Fail(ErrorCode::kCorrupt, "The backup " + Name(backup) + " is damaged (" +
                                         integrity->problems.front() + "); choose another backup.");
  }
  return (*database)->schema_version();
}  // closing the last connection folds the staging file's -wal into it

// "<file>.before-restore-20261204T024800Z" (-2, -3 ... when one exists already).
std::filesystem::path NewPreRestorePath(const std::filesystem::path& database) {
  std::string stamp;
  for (char c : UtcTimestampNow()) {
    if (c != '-' && c != ':') stamp += c;
  }
  std::filesystem::path path = Beside(database, std::string(kPreRestoreSuffix) + "-" + stamp);
  std::error_code ec;
  for (int n = 2; std::filesystem::exists(path, ec); ++n) {
    path = Beside(database,
                  std::string(kPreRestoreSuffix) + "-" + stamp + "-" + std::to_string(n));
  }
  return path;
}

}  // namespace

Status BackupLibrary(Library& library, const std::filesystem::path& destination, bool overwrite) {
  std::error_code ec;
  if (std::filesystem::exists(destination, ec) && !overwrite) {
    return Fail(ErrorCode::kUsage, "The file " + Name(destination) +
                                       " already exists; choose another name, or pass --force "
                                       "to replace it.");
  }
  if (std::filesystem::equivalent(destination, library.home().database, ec)) {
    return Fail(ErrorCode::kUsage,
                "The backup cannot replace the library it copies; choose "
                "another file.");
  }
  // Named here, not through the staging file an open of a missing folder would fail on.
  if (const auto folder = destination.parent_path();
      !folder.empty() && !std::filesystem::is_directory(folder, ec)) {
    return Fail(ErrorCode::kIo, "The folder " + Name(folder) +
                                    " does not exist; create it, or choose another place for the "
                                    "backup.");
  }
  const auto partial = Beside(destination, ".partial");
  std::filesystem::remove(partial, ec);
  if (Status copied = store::BackupDatabase(library.database(), partial); !copied) {
    std::filesystem::remove(partial, ec);
    return copied;
  }
  std::filesystem::rename(partial, destination, ec);
  if (ec) {
    std::filesystem::remove(partial, ec);
    return FilesystemFailure(ec, "write the backup " + Name(destination));
  }
  return {};
}

std::vector<std::filesystem::path> PreRestoreCopies(const Home& home) {
  std::vector<std::filesystem::path> copies;
  const std::string prefix = home.database.filename().string() + std::string(kPreRestoreSuffix);
  std::error_code ec;
  const auto folder = home.database.has_parent_path() ? home.database.parent_path()
                                                      : std::filesystem::path(".");
  for (const auto& entry : std::filesystem::directory_iterator(folder, ec)) {
    const std::string name = entry.path().filename().string();
    // <file>.before-restore-<timestamp>, and the single <file>.before-restore of older versions.
    if (name == prefix || name.starts_with(prefix + "-")) copies.push_back(entry.path());
  }
  // The timestamps sort as text; the old unstamped copy is the oldest.
  std::sort(copies.begin(), copies.end());
  return copies;
}

Result<RestoreReport> UndoRestore(const Home& home, const ReferenceData& reference) {
  const auto copies = PreRestoreCopies(home);
  if (copies.empty()) {
    return Fail(ErrorCode::kUsage, "There is no library that a restore replaced beside " +
                                          Name(home.database) + ", so there is nothing to undo.");
  }
  return RestoreLibrary(home, copies.back(), reference);
}

Result<RestoreReport> RestoreLibrary(const Home& home, const std::filesystem::path& backup,
                                     const ReferenceData& reference) {
  RestoreReport report;
  auto identity = store::ReadIdentity(backup);
  if (!identity) return Fail(identity.error());
  NT_TRY(CheckRestorable(backup, *identity));
  report.backup_schema_version = identity->schema_version;

  std::error_code ec;
  if (auto parent = home.database.parent_path(); !parent.empty()) {
    std::filesystem::create_directories(parent, ec);
    if (ec) return FilesystemFailure(ec, "create the folder " + Name(parent));
  }
  const auto staging = Beside(home.database, ".restoring");
  std::filesystem::remove(staging, ec);
  auto staged = Stage(backup, staging);
  if (!staged) {
    std::filesystem::remove(staging, ec);
    return Fail(staged.error());
  }
  report.schema_version = *staged;

  if (std::filesystem::exists(home.database, ec)) {
    if (Status released = store::ReleaseForReplacement(home.database); !released) {
      std::filesystem::remove(staging, ec);
      return Fail(released.error());
    }
    // Keep what is replaced, beside every earlier one (a second restore must not destroy the
    // only copy of what the first replaced): a hard link costs nothing; a copy where links are
    // not supported.
    report.previous = NewPreRestorePath(home.database);
    std::filesystem::create_hard_link(home.database, report.previous, ec);
    if (ec) std::filesystem::copy_file(home.database, report.previous, ec);
    if (ec) report.previous.clear();
  }
  std::filesystem::rename(staging, home.database, ec);  // the atomic step
  if (ec) {
    std::filesystem::remove(staging, ec);
    return FilesystemFailure(ec, "replace the library " + Name(home.database));
  }

  // The index described the old library: rebuild it from the restored one.
  std::filesystem::remove_all(home.index, ec);
  auto library = Library::Open(home);
  if (!library) return Fail(library.error());
  auto documents = (*library)->DocumentCount();
  if (!documents) return Fail(documents.error());
  report.documents = *documents;
  IndexUpkeep index(**library, reference);
  auto rebuilt = index.Rebuild();
  if (!rebuilt) {
    return Fail(rebuilt.error().WithContext(
        "The library was restored, but its search index could not be rebuilt ('normtrack index "
        "--rebuild' retries)"));
  }
  report.indexed = rebuilt->indexed;
  return report;
}

}  // namespace nt::app

#pragma once
// Backing up a library and restoring one (`normtrack backup FILE`, `normtrack restore FILE`).
//
// Promises (docs/reliability.md; tests/cli/backup_cli_test.cpp proves them):
//  1. A backup is the database as of one moment, even while another connection (the app) is
//     open and writing; it is written beside its destination and renamed into place, so FILE
//     is either the whole backup or untouched. An existing FILE is replaced only when asked.
//  2. Restore accepts only a sound NormTrack library of a schema this version can open: an
//     older one is migrated, a newer, foreign, damaged or random file is refused in one
//     sentence and the current library is left as it was.
//  3. Restore replaces the library atomically (the checked copy is renamed over it); the
//     library it replaced is kept beside it as "<file>.before-restore-<UTC time>", beside
//     every copy earlier restores kept (none is ever overwritten); UndoRestore restores the
//     newest of them (keeping the current library the same way); the search index is
//     rebuilt from the restored database.
//  4. Everything in the database survives the round trip, follow-up history included: the
//     backup is a page-for-page copy.
// Restore needs the library closed elsewhere (kLocked otherwise): replacing a file that another
// program still writes would lose its writes.

#include <filesystem>
#include <vector>

#include "app/health_report.h"
#include "app/home.h"
#include "app/internal/library.h"
#include "app/internal/reference_data.h"
#include "core/error.h"

namespace nt::app {

// Writes a backup of `library` to `destination`. Errors: kUsage when the file exists and
// `overwrite` is false; the store's errors (kIo, kLocked) naming the file.
[[nodiscard]] Status BackupLibrary(Library& library, const std::filesystem::path& destination,
                                   bool overwrite);

// Replaces the library at `home` with the backup at `backup` (see the promises above).
[[nodiscard]] Result<RestoreReport> RestoreLibrary(const Home& home,
                                                   const std::filesystem::path& backup,
                                                   const ReferenceData& reference);
// The copies restores kept beside the library at `home`, oldest first.
std::vector<std::filesystem::path> PreRestoreCopies(const Home& home);
// Puts back the library the last restore replaced. Errors: kUsage when there is none; as
// RestoreLibrary.
[[nodiscard]] Result<RestoreReport> UndoRestore(const Home& home, const ReferenceData& reference);

}  // namespace nt::app

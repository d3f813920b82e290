#pragma once
// What checking, repairing, backing up and restoring a library report.

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/search_results.h"

namespace nt::app {

struct HealthReport {
  int schema_version = 0;
  int latest_schema_version = 0;
  std::vector<std::string> problems;   // one sentence each, as found (before any repair)
  std::vector<std::string> repairs;    // one sentence per repair done (Repair only)
  std::vector<std::string> remaining;  // problems after the repairs (Repair only)
  // Set when the file is damaged beyond repair: one sentence telling to restore a backup.
  std::optional<std::string> unrepairable;

  // Check: nothing found. Repair: nothing left.
  bool healthy(bool repaired) const {
    return repaired ? remaining.empty() && !unrepairable : problems.empty();
  }
};

// "2 folders left by an interrupted rebuild of the search index take 310 MB beside it (...)."
std::string LeftoversSentence(const RebuildLeftovers& leftovers);

struct RestoreReport {
  int backup_schema_version = 0;  // as found in the backup
  int schema_version = 0;         // after migration
  int documents = 0;
  int indexed = 0;                 // documents in the rebuilt search index
  std::filesystem::path previous;  // where the replaced library was kept ("" if there was none)
};

}  // namespace nt::app

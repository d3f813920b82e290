#pragma once
// Where a NormTrack library lives: the SQLite database and, beside it, the search index.
//
// The default home is NORMTRACK_HOME when set, else the platform's per-user data folder:
// $XDG_DATA_HOME/normtrack (~/.local/share/normtrack) on Linux, %APPDATA%\NormTrack on Windows.

#include <filesystem>

namespace nt::app {

struct Home {
  std::filesystem::path database;  // the SQLite file: the source of truth
  std::filesystem::path index;     // the Xapian index folder: derived, rebuildable

  static Home Default();
  // A home for an explicit database file (--db): the index sits beside it as "<file>.index".
  static Home ForDatabase(const std::filesystem::path& database);
  // A home folder holding normtrack.sqlite3 and search-index/.
  static Home InFolder(const std::filesystem::path& folder);
};

}  // namespace nt::app

#pragma once
// Every row of every table of a database file, as text: "what was stored before is intact"
// compares two of these. Read through SQLite directly, so it sees exactly what is
// committed, whatever NormTrack's own code would show. Opened without creating; nothing is
// written.

#include <filesystem>
#include <string>

namespace nt::test {

// The schema, user_version and each table's rows in rowid order. Fails the test (REQUIRE) when
// the file cannot be read.
std::string DatabaseSnapshot(const std::filesystem::path& database);

}  // namespace nt::test

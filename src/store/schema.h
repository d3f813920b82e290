#pragma once
// The database schema as numbered migrations. Migration N brings PRAGMA user_version from N-1
// to N; each runs in its own transaction. Never edit a released migration: add a new one.

#include "core/error.h"

namespace nt::store {

class Connection;

// 'NTRK': marks a file as a NormTrack database (PRAGMA application_id).
inline constexpr int kApplicationId = 0x4E54524B;

// The newest schema this build knows.
int LatestSchemaVersion();

// Applies every migration above the file's user_version.
[[nodiscard]] Status Migrate(Connection& connection);

}  // namespace nt::store

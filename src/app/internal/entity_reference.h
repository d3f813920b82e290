#pragma once
// What users type to name any entity: "KIND:REF", e.g. "actor:NISC", "commitment:12",
// "document:Joint Statement", "norm:13(f)", "dialogue:Japan-U.S.", "round:3",
// "round:Japan-U.S. Cyber Dialogue#5", "follow_up:2", "paragraph:40". REF is an id, or for
// actors a name/alias/acronym, for documents and dialogues a unique part of the title or name,
// for norms the code.

#include <string>
#include <string_view>

#include "core/error.h"
#include "core/link.h"
#include "store/database.h"

namespace nt::app {

// Errors: kUsage (no "KIND:", unknown kind), kNotFound (nothing matches), kAmbiguous.
[[nodiscard]] Result<EntityRef> ResolveEntity(store::Database& database, std::string_view text);

// A short description for listings: "actor NISC", "commitment #12 (7(1))".
[[nodiscard]] std::string DescribeEntity(store::Database& database, const EntityRef& ref);

}  // namespace nt::app

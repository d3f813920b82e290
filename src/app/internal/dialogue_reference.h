#pragma once
// What users type to name a dialogue, in any spelling: "Japan-U.S. Cyber Dialogue", "U.S.-Japan
// Cyber Dialogue", "Japan–US", "US-Japan" (the parties alone, when only one of their dialogues
// is in the library), an id, or a unique part of the name.

#include <string_view>

#include "core/dialogue.h"
#include "core/error.h"
#include "store/database.h"

namespace nt::app {

// Errors: kNotFound (nothing matches), kAmbiguous (several do; the sentence says to name more).
[[nodiscard]] Result<Dialogue> ResolveDialogue(store::Database& database,
                                               std::string_view reference);

}  // namespace nt::app

#pragma once
// The table behind each kind of entity that links may point at (links.source_kind/target_kind).
// Internal to the store: the link clean-up triggers and the orphan check share it.

#include <array>
#include <string_view>
#include <utility>

namespace nt::store {

// (table, entity kind as stored in links)
inline constexpr std::array<std::pair<std::string_view, std::string_view>, 8> kEntityTables{
    {{"documents", "document"},
     {"paragraphs", "paragraph"},
     {"commitments", "commitment"},
     {"actors", "actor"},
     {"dialogues", "dialogue"},
     {"rounds", "round"},
     {"norms", "norm"},
     {"follow_ups", "follow_up"}}};

}  // namespace nt::store

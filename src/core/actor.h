#pragma once
// Actors: states, their agencies, organisations, groups and people, with the names they go by.

#include <optional>
#include <string>
#include <vector>

#include "core/enum_names.h"
#include "core/ids.h"

namespace nt {

enum class ActorKind { kState, kAgency, kOrganisation, kGroup, kPerson };

inline constexpr EnumNames<ActorKind, 5> kActorKindNames{{
    {ActorKind::kState, "state"},
    {ActorKind::kAgency, "agency"},
    {ActorKind::kOrganisation, "organisation"},
    {ActorKind::kGroup, "group"},
    {ActorKind::kPerson, "person"},
}};
constexpr std::string_view ToString(ActorKind kind) { return NameOf(kActorKindNames, kind); }
constexpr std::optional<ActorKind> ParseActorKind(std::string_view name) {
  return ValueOf(kActorKindNames, name);
}

struct ActorAlias {
  std::string text;         // "U.S.", "NISC", "the United States of America"
  bool is_acronym = false;  // matched case-sensitively
};

struct Actor {
  ActorId id;
  std::string canonical_name;  // "United States"
  ActorKind kind = ActorKind::kState;
  ActorId parent_id;           // METI -> Japan
  std::vector<ActorAlias> aliases;
};

}  // namespace nt

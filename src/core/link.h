#pragma once
// Typed, directed links between any two entities.

#include <optional>
#include <string>

#include "core/commitment.h"
#include "core/enum_names.h"
#include "core/ids.h"

namespace nt {

enum class EntityKind {
  kDocument, kParagraph, kCommitment, kActor, kDialogue, kRound, kNorm, kFollowUp
};

inline constexpr EnumNames<EntityKind, 8> kEntityKindNames{{
    {EntityKind::kDocument, "document"},
    {EntityKind::kParagraph, "paragraph"},
    {EntityKind::kCommitment, "commitment"},
    {EntityKind::kActor, "actor"},
    {EntityKind::kDialogue, "dialogue"},
    {EntityKind::kRound, "round"},
    {EntityKind::kNorm, "norm"},
    {EntityKind::kFollowUp, "follow_up"},
}};
constexpr std::string_view ToString(EntityKind kind) { return NameOf(kEntityKindNames, kind); }
constexpr std::optional<EntityKind> ParseEntityKind(std::string_view name) {
  return ValueOf(kEntityKindNames, name);
}

struct EntityRef {
  EntityKind kind = EntityKind::kDocument;
  std::int64_t id = 0;
  auto operator<=>(const EntityRef&) const = default;
};

struct Link {
  LinkId id;
  EntityRef source;
  EntityRef target;
  std::string type;  // "continues", "implements", "references", "reaffirms", "supersedes", ...
  Origin origin = Origin::kManual;
  double confidence = 1.0;  // 0..1; 1 for manual links
  std::string note;
  std::string created_at;
};

}  // namespace nt

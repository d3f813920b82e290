#pragma once
// Merging and renaming actors and dialogues, as users correct them (issue 14). A merged actor's
// names and a renamed actor's old name, and a merged dialogue's key, are kept as redirects
// (schema migration 4), which ActorRepository::Upsert and DialogueRepository::Upsert follow, so
// a later extraction resolves them to the entity that absorbed them. Each call runs in one
// transaction. Thread-safety: as the Database it wraps.

#include <string_view>
#include <vector>

#include "core/error.h"
#include "core/ids.h"
#include "store/database.h"

namespace nt::store {

class EntityMerger {
 public:
  explicit EntityMerger(Database& database) : database_(database) {}

  // `from`'s commitments (with their roles), mentions, follow-ups, links, child actors and
  // aliases move to `into`; `from`'s names become aliases of `into`; `from` is deleted.
  [[nodiscard]] Status MergeActors(ActorId into, ActorId from);
  // kConstraint when another actor has the name. The old name stays an alias.
  [[nodiscard]] Status RenameActor(ActorId actor, std::string_view name);
  // `from`'s rounds (a round with a number `into` has too joins that round), documents and
  // links move to `into`; `from`'s key resolves to `into`; `from` is deleted.
  [[nodiscard]] Status MergeDialogues(DialogueId into, DialogueId from);
  [[nodiscard]] Status RenameDialogue(DialogueId dialogue, std::string_view name);

  // The documents whose commitments bind or whose paragraphs name the actor.
  [[nodiscard]] Result<std::vector<DocumentId>> DocumentsNaming(ActorId actor);

 private:
  // Runs each statement with ?1 = into and ?2 = from.
  [[nodiscard]] Status RunAll(const std::vector<std::string_view>& statements, std::int64_t into,
                              std::int64_t from);
  Database& database_;
};

}  // namespace nt::store

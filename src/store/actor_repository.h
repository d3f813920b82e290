#pragma once
// Actors with their aliases and parents.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/actor.h"
#include "core/error.h"
#include "store/database.h"

namespace nt::store {

// An actor's name and parent, for code that walks up from an actor to its parents.
struct ActorName {
  ActorId id;
  std::string canonical_name;
  ActorId parent_id;
};

class ActorRepository {
 public:
  explicit ActorRepository(Database& database) : database_(database) {}

  // Inserts an actor with its aliases; sets actor.id. kConstraint when the canonical name is
  // taken.
  [[nodiscard]] Status Insert(Actor& actor);
  // Inserts, or updates kind/parent and adds missing aliases of the actor with the same
  // canonical name. Returns its id. A name a user merged into another actor or renamed away
  // (EntityMerger) is that actor's: its aliases are added to it, nothing else changes.
  [[nodiscard]] Result<ActorId> Upsert(const Actor& actor);

  [[nodiscard]] Result<Actor> Get(ActorId id);
  // By canonical name or alias, case-insensitively (acronyms exactly).
  [[nodiscard]] Result<std::optional<Actor>> FindByName(std::string_view name);
  [[nodiscard]] Result<std::vector<Actor>> List();
  // In one query: every actor the document's commitments bind or its paragraphs name
  // (ActorMentionRepository), and all their parents, by id.
  [[nodiscard]] Result<std::vector<ActorName>> NamesForDocument(DocumentId document);
  [[nodiscard]] Result<int> Count();
  [[nodiscard]] Status Delete(ActorId id);

 private:
  [[nodiscard]] Status InsertAliases(ActorId id, const std::vector<ActorAlias>& aliases);
  [[nodiscard]] Status LoadAliases(Actor& actor);

  Database& database_;
};

}  // namespace nt::store

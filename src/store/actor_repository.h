#pragma once
// Actors with their aliases and parents.

#include <optional>
#include <string_view>
#include <vector>

#include "core/actor.h"
#include "core/error.h"
#include "store/database.h"

namespace nt::store {

class ActorRepository {
 public:
  explicit ActorRepository(Database& database) : database_(database) {}

  // Inserts an actor with its aliases; sets actor.id. kConstraint when the canonical name is
  // taken.
  [[nodiscard]] Status Insert(Actor& actor);
  // Inserts, or updates kind/parent and adds missing aliases of the actor with the same
  // canonical name. Returns its id.
  [[nodiscard]] Result<ActorId> Upsert(const Actor& actor);

  [[nodiscard]] Result<Actor> Get(ActorId id);
  // By canonical name or alias, case-insensitively (acronyms exactly).
  [[nodiscard]] Result<std::optional<Actor>> FindByName(std::string_view name);
  [[nodiscard]] Result<std::vector<Actor>> List();
  [[nodiscard]] Result<int> Count();
  [[nodiscard]] Status Delete(ActorId id);

 private:
  [[nodiscard]] Status InsertAliases(ActorId id, const std::vector<ActorAlias>& aliases);
  [[nodiscard]] Status LoadAliases(Actor& actor);

  Database& database_;
};

}  // namespace nt::store

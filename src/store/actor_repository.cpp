#include "store/actor_repository.h"

#include "store/row_readers.h"
#include "store/sqlite.h"

namespace nt::store {
namespace {

constexpr std::string_view kSelectActors =
    "SELECT a.id, a.canonical_name, a.kind, a.parent_id FROM actors a ";

Actor ReadActor(const Statement& row) {
  Actor actor;
  actor.id = ActorId(row.Int(0));
  actor.canonical_name = row.Text(1);
  actor.kind = ParseActorKind(row.Text(2)).value_or(ActorKind::kOrganisation);
  actor.parent_id = ActorId(row.Int(3));
  return actor;
}

}  // namespace

Status ActorRepository::InsertAliases(ActorId id, const std::vector<ActorAlias>& aliases) {
  auto insert = database_.connection().Prepare(
      "INSERT OR IGNORE INTO actor_aliases (actor_id, alias, is_acronym) VALUES (?1, ?2, ?3)");
  if (!insert) return Fail(insert.error());
  for (const ActorAlias& alias : aliases) {
    (*insert)->Bind(1, id.value).Bind(2, alias.text).Bind(3, alias.is_acronym ? 1 : 0);
    NT_TRY((*insert)->Run());
  }
  return {};
}

Status ActorRepository::LoadAliases(Actor& actor) {
  auto statement = database_.connection().Prepare(
      "SELECT alias, is_acronym FROM actor_aliases WHERE actor_id = ?1 ORDER BY alias");
  if (!statement) return Fail(statement.error());
  (*statement)->Bind(1, actor.id.value);
  auto aliases = CollectRows<ActorAlias>(**statement, [](const Statement& row) {
    return ActorAlias{row.Text(0), row.Int(1) != 0};
  });
  if (!aliases) return Fail(aliases.error());
  actor.aliases = std::move(*aliases);
  return {};
}

Status ActorRepository::Insert(Actor& actor) {
  Connection& db = database_.connection();
  return database_.InTransaction([&]() -> Status {
    auto insert =
        db.Prepare("INSERT INTO actors (canonical_name, kind, parent_id) VALUES (?1, ?2, ?3)");
    if (!insert) return Fail(insert.error());
    (*insert)->Bind(1, actor.canonical_name).Bind(2, ToString(actor.kind)).BindId(3,
                                                                            actor.parent_id.value);
    if (Status inserted = (*insert)->Run(); !inserted) {
      if (inserted.error().code == ErrorCode::kConstraint) {
        return Fail(ErrorCode::kConstraint,
                    "An actor named " + Quoted(actor.canonical_name) + " already exists.");
      }
      return inserted;
    }
    actor.id = ActorId(db.LastInsertRowId());
    return InsertAliases(actor.id, actor.aliases);
  });
}

Result<ActorId> ActorRepository::Upsert(const Actor& actor) {
  Connection& db = database_.connection();
  ActorId id;
  Status done = database_.InTransaction([&]() -> Status {
    // A name a user merged into another actor, or renamed, is that actor's (migration 4).
    auto redirect = db.Prepare("SELECT actor_id FROM actor_redirects WHERE name = ?1");
    if (!redirect) return Fail(redirect.error());
    (*redirect)->Bind(1, actor.canonical_name);
    auto redirected = OptionalRow<std::int64_t>(**redirect,
                                                [](const Statement& row) { return row.Int(0); });
    if (!redirected) return Fail(redirected.error());
    if (*redirected) {
      id = ActorId(**redirected);
      return InsertAliases(id, actor.aliases);
    }
    auto upsert = db.Prepare(
        "INSERT INTO actors (canonical_name, kind, parent_id) VALUES (?1, ?2, ?3) "
        "ON CONFLICT (canonical_name) DO UPDATE SET kind = excluded.kind, "
        "parent_id = coalesce(excluded.parent_id, actors.parent_id) RETURNING id");
    if (!upsert) return Fail(upsert.error());
    (*upsert)->Bind(1, actor.canonical_name).Bind(2, ToString(actor.kind)).BindId(3,
                                                                            actor.parent_id.value);
    auto row = (*upsert)->Step();
    if (!row) return Fail(row.error());
    id = ActorId((*upsert)->Int(0));
    (*upsert)->Reset();
    return InsertAliases(id, actor.aliases);
  });
  if (!done) return Fail(done.error());
  return id;
}

Result<Actor> ActorRepository::Get(ActorId id) {
  auto statement = database_.connection().Prepare(std::string(kSelectActors) + "WHERE a.id = ?1");
  if (!statement) return Fail(statement.error());
  (*statement)->Bind(1, id.value);
  auto actor = SingleRow<Actor>(**statement, ReadActor, "actor", id.value);
  if (!actor) return actor;
  NT_TRY(LoadAliases(*actor));
  return actor;
}

Result<std::optional<Actor>> ActorRepository::FindByName(std::string_view name) {
  auto statement = database_.connection().Prepare(
      std::string(kSelectActors) +
      "WHERE lower(a.canonical_name) = lower(?1) OR a.id IN (SELECT actor_id FROM actor_aliases "
      "WHERE (is_acronym = 1 AND alias = ?1) OR (is_acronym = 0 AND lower(alias) = lower(?1))) "
      "ORDER BY a.id LIMIT 1");
  if (!statement) return Fail(statement.error());
  (*statement)->Bind(1, name);
  auto actor = OptionalRow<Actor>(**statement, ReadActor);
  if (actor && *actor) NT_TRY(LoadAliases(**actor));
  return actor;
}

Result<std::vector<Actor>> ActorRepository::List() {
  auto statement = database_.connection().Prepare(std::string(kSelectActors) +
                                                  "ORDER BY a.canonical_name COLLATE NOCASE");
  if (!statement) return Fail(statement.error());
  auto rows = CollectRows<Actor>(**statement, ReadActor);
  if (!rows) return Fail(rows.error());
  for (Actor& actor : *rows) NT_TRY(LoadAliases(actor));
  return rows;
}

Result<std::vector<ActorName>> ActorRepository::NamesForDocument(DocumentId document) {
  // UNION (not UNION ALL) ends the walk up even if the parents ever formed a cycle.
  auto statement = database_.connection().Prepare(
      "WITH RECURSIVE wanted(id) AS ("
      "SELECT ca.actor_id FROM paragraphs p JOIN commitments c ON c.paragraph_id = p.id "
      "JOIN commitment_actors ca ON ca.commitment_id = c.id WHERE p.document_id = ?1 "
      "UNION SELECT m.actor_id FROM paragraphs p "
      "JOIN paragraph_actor_mentions m ON m.paragraph_id = p.id WHERE p.document_id = ?1 "
      "UNION SELECT a.parent_id FROM actors a JOIN wanted w ON a.id = w.id "
      "WHERE a.parent_id IS NOT NULL) "
      "SELECT a.id, a.canonical_name, a.parent_id FROM actors a "
      "WHERE a.id IN (SELECT id FROM wanted) ORDER BY a.id");
  if (!statement) return Fail(statement.error());
  (*statement)->Bind(1, document.value);
  return CollectRows<ActorName>(**statement, [](const Statement& row) {
    return ActorName{ActorId(row.Int(0)), row.Text(1), ActorId(row.Int(2))};
  });
}

Result<int> ActorRepository::Count() { return CountRows(database_.connection(), "actors"); }

Status ActorRepository::Delete(ActorId id) {
  return DeleteRow(database_.connection(), "actors", id.value, "actor");
}

}  // namespace nt::store

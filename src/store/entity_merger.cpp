#include "store/entity_merger.h"

#include <string>

#include "store/row_readers.h"
#include "store/sqlite.h"

namespace nt::store {

Status EntityMerger::RunAll(const std::vector<std::string_view>& statements, std::int64_t into,
                            std::int64_t from) {
  for (std::string_view sql : statements) {
    auto statement = database_.connection().Prepare(sql);
    if (!statement) return Fail(statement.error());
    (*statement)->Bind(1, into);
    if (sql.find("?2") != std::string_view::npos) (*statement)->Bind(2, from);
    NT_TRY((*statement)->Run());
  }
  return {};
}

Status EntityMerger::MergeActors(ActorId into, ActorId from) {
  // Rows that would duplicate one of `into`'s are left behind and go with `from`.
  static const std::vector<std::string_view> kMerge = {
      "INSERT OR IGNORE INTO commitment_actors (commitment_id, actor_id, role) "
      "SELECT commitment_id, ?1, role FROM commitment_actors WHERE actor_id = ?2",
      "DELETE FROM commitment_actors WHERE actor_id = ?2",
      "UPDATE OR IGNORE paragraph_actor_mentions SET actor_id = ?1 WHERE actor_id = ?2",
      "UPDATE follow_ups SET owner_actor_id = ?1 WHERE owner_actor_id = ?2",
      "UPDATE actors SET parent_id = NULL WHERE id = ?1 AND parent_id = ?2",
      "UPDATE actors SET parent_id = ?1 WHERE parent_id = ?2",
      "UPDATE OR IGNORE links SET source_id = ?1 WHERE source_kind = 'actor' AND source_id = ?2",
      "UPDATE OR IGNORE links SET target_id = ?1 WHERE target_kind = 'actor' AND target_id = ?2",
      "INSERT OR IGNORE INTO actor_aliases (actor_id, alias, is_acronym) "
      "SELECT ?1, alias, is_acronym FROM actor_aliases WHERE actor_id = ?2",
      "INSERT OR IGNORE INTO actor_aliases (actor_id, alias, is_acronym) "
      "SELECT ?1, canonical_name, 0 FROM actors WHERE id = ?2",
      "UPDATE actor_redirects SET actor_id = ?1 WHERE actor_id = ?2",
      "INSERT OR REPLACE INTO actor_redirects (name, actor_id) "
      "SELECT canonical_name, ?1 FROM actors WHERE id = ?2",
      "DELETE FROM actors WHERE id = ?2",
  };
  return database_.InTransaction([&] { return RunAll(kMerge, into.value, from.value); });
}

Status EntityMerger::RenameActor(ActorId actor, std::string_view name) {
  Connection& db = database_.connection();
  return database_.InTransaction([&]() -> Status {
    static const std::vector<std::string_view> kKeepOldName = {
        "INSERT OR IGNORE INTO actor_aliases (actor_id, alias, is_acronym) "
        "SELECT id, canonical_name, 0 FROM actors WHERE id = ?1",
        "INSERT OR REPLACE INTO actor_redirects (name, actor_id) "
        "SELECT canonical_name, id FROM actors WHERE id = ?1",
    };
    NT_TRY(RunAll(kKeepOldName, actor.value, 0));
    auto rename = db.Prepare("UPDATE actors SET canonical_name = ?2 WHERE id = ?1");
    if (!rename) return Fail(rename.error());
    (*rename)->Bind(1, actor.value).Bind(2, name);
    if (Status renamed = (*rename)->Run(); !renamed) {
      if (renamed.error().code == ErrorCode::kConstraint) {
        return Fail(ErrorCode::kUsage,
                    "Another actor is already called " + Quoted(name) +
                        "; 'normtrack actor merge' makes the two one actor.");
      }
      return renamed;
    }
    if (db.Changes() == 0) return Fail(NoSuch("actor", actor.value));
    // The new name is the actor's own now, not a redirect or an alias.
    for (std::string_view sql :
         {"DELETE FROM actor_redirects WHERE name = ?1 AND actor_id = ?2",
          "DELETE FROM actor_aliases WHERE lower(alias) = lower(?1) AND actor_id = ?2"}) {
      auto forget = db.Prepare(sql);
      if (!forget) return Fail(forget.error());
      (*forget)->Bind(1, name).Bind(2, actor.value);
      NT_TRY((*forget)->Run());
    }
    return {};
  });
}

Status EntityMerger::MergeDialogues(DialogueId into, DialogueId from) {
  Connection& db = database_.connection();
  return database_.InTransaction([&]() -> Status {
    // A numbered round both dialogues have becomes one: `from`'s documents, links and overrides
    // move to `into`'s round, which takes the dates and place it lacked.
    auto pairs = db.Prepare(
        "SELECT f.id, i.id FROM rounds f JOIN rounds i ON i.dialogue_id = ?1 AND "
        "i.number = f.number WHERE f.dialogue_id = ?2 AND f.number IS NOT NULL");
    if (!pairs) return Fail(pairs.error());
    (*pairs)->Bind(1, into.value).Bind(2, from.value);
    auto rounds = CollectRows<std::pair<std::int64_t, std::int64_t>>(
        **pairs, [](const Statement& row) { return std::pair{row.Int(0), row.Int(1)}; });
    if (!rounds) return Fail(rounds.error());
    static const std::vector<std::string_view> kJoinRound = {
        "UPDATE rounds SET start_date = coalesce(start_date, (SELECT start_date FROM rounds "
        "WHERE id = ?2)), end_date = coalesce(end_date, (SELECT end_date FROM rounds WHERE id = "
        "?2)), place = coalesce(place, (SELECT place FROM rounds WHERE id = ?2)) WHERE id = ?1",
        "UPDATE documents SET round_id = ?1 WHERE round_id = ?2",
        "UPDATE document_overrides SET value = CAST(?1 AS TEXT) WHERE field = 'round' AND "
        "value = CAST(?2 AS TEXT)",
        "UPDATE OR IGNORE links SET source_id = ?1 WHERE source_kind = 'round' AND source_id = ?2",
        "UPDATE OR IGNORE links SET target_id = ?1 WHERE target_kind = 'round' AND target_id = ?2",
        "DELETE FROM rounds WHERE id = ?2",
    };
    for (const auto& [from_round, into_round] : *rounds) {
      NT_TRY(RunAll(kJoinRound, into_round, from_round));
    }
    static const std::vector<std::string_view> kMerge = {
        "UPDATE rounds SET dialogue_id = ?1 WHERE dialogue_id = ?2",
        "UPDATE documents SET dialogue_id = ?1 WHERE dialogue_id = ?2",
        "UPDATE document_overrides SET value = CAST(?1 AS TEXT) WHERE field = 'dialogue' AND "
        "value = CAST(?2 AS TEXT)",
        "UPDATE OR IGNORE links SET source_id = ?1 WHERE source_kind = 'dialogue' AND "
        "source_id = ?2",
        "UPDATE OR IGNORE links SET target_id = ?1 WHERE target_kind = 'dialogue' AND "
        "target_id = ?2",
        "UPDATE dialogue_redirects SET dialogue_id = ?1 WHERE dialogue_id = ?2",
        "INSERT OR REPLACE INTO dialogue_redirects (key, dialogue_id) "
        "SELECT key, ?1 FROM dialogues WHERE id = ?2",
        "DELETE FROM dialogues WHERE id = ?2",
    };
    return RunAll(kMerge, into.value, from.value);
  });
}

Status EntityMerger::RenameDialogue(DialogueId dialogue, std::string_view name) {
  auto rename = database_.connection().Prepare("UPDATE dialogues SET name = ?2 WHERE id = ?1");
  if (!rename) return Fail(rename.error());
  (*rename)->Bind(1, dialogue.value).Bind(2, name);
  NT_TRY((*rename)->Run());
  if (database_.connection().Changes() == 0) return Fail(NoSuch("dialogue", dialogue.value));
  return {};
}

Result<std::vector<DocumentId>> EntityMerger::DocumentsNaming(ActorId actor) {
  auto statement = database_.connection().Prepare(
      "SELECT p.document_id FROM commitment_actors ca JOIN commitments c ON c.id = "
      "ca.commitment_id JOIN paragraphs p ON p.id = c.paragraph_id WHERE ca.actor_id = ?1 "
      "UNION SELECT p.document_id FROM paragraph_actor_mentions m JOIN paragraphs p ON "
      "p.id = m.paragraph_id WHERE m.actor_id = ?1 ORDER BY 1");
  if (!statement) return Fail(statement.error());
  (*statement)->Bind(1, actor.value);
  return CollectRows<DocumentId>(**statement,
                                 [](const Statement& row) { return DocumentId(row.Int(0)); });
}

}  // namespace nt::store

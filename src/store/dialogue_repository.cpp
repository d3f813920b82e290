#include "store/dialogue_repository.h"

#include "store/row_readers.h"
#include "core/text.h"
#include "store/sqlite.h"

namespace nt::store {
namespace {

constexpr std::string_view kSelectDialogues = "SELECT id, name, key FROM dialogues ";
constexpr std::string_view kSelectRounds =
    "SELECT id, dialogue_id, number, start_date, end_date, place FROM rounds ";

Dialogue ReadDialogue(const Statement& row) {
  return Dialogue{DialogueId(row.Int(0)), row.Text(1), row.Text(2)};
}

Round ReadRound(const Statement& row) {
  Round round;
  round.id = RoundId(row.Int(0));
  round.dialogue_id = DialogueId(row.Int(1));
  if (!row.IsNull(2)) round.number = static_cast<int>(row.Int(2));
  round.start_date = row.Text(3);
  round.end_date = row.Text(4);
  round.place = row.Text(5);
  return round;
}

}  // namespace

Result<DialogueId> DialogueRepository::Upsert(const Dialogue& dialogue) {
  // A key a user merged into another dialogue is that dialogue's (migration 4).
  auto merged = FindByKey(dialogue.key);
  if (!merged) return Fail(merged.error());
  if (*merged) return (*merged)->id;
  auto upsert = database_.connection().Prepare(
      "INSERT INTO dialogues (name, key) VALUES (?1, ?2) "
      "ON CONFLICT (key) DO UPDATE SET key = excluded.key RETURNING id");
  if (!upsert) return Fail(upsert.error());
  (*upsert)->Bind(1, dialogue.name).Bind(2, dialogue.key);
  auto row = (*upsert)->Step();
  if (!row) return Fail(row.error());
  DialogueId id((*upsert)->Int(0));
  (*upsert)->Reset();
  return id;
}

Result<Dialogue> DialogueRepository::Get(DialogueId id) {
  auto statement = database_.connection().Prepare(std::string(kSelectDialogues) + "WHERE id = ?1");
  if (!statement) return Fail(statement.error());
  (*statement)->Bind(1, id.value);
  return SingleRow<Dialogue>(**statement, ReadDialogue, "dialogue", id.value);
}

Result<std::optional<Dialogue>> DialogueRepository::FindByKey(std::string_view key) {
  auto statement = database_.connection().Prepare(
      std::string(kSelectDialogues) +
      "WHERE key = ?1 OR id = (SELECT dialogue_id FROM dialogue_redirects WHERE key = ?1) "
      "ORDER BY key = ?1 DESC LIMIT 1");
  if (!statement) return Fail(statement.error());
  (*statement)->Bind(1, key);
  return OptionalRow<Dialogue>(**statement, ReadDialogue);
}

Result<Dialogue> DialogueRepository::Resolve(std::string_view reference) {
  auto statement = database_.connection().Prepare(
      std::string(kSelectDialogues) +
      "WHERE CAST(id AS TEXT) = ?1 OR lower(name) = lower(?1) OR key = ?1 OR "
      "instr(lower(name), lower(?1)) > 0 ORDER BY (lower(name) = lower(?1) OR key = ?1 OR "
      "CAST(id AS TEXT) = ?1) DESC, id");
  if (!statement) return Fail(statement.error());
  (*statement)->Bind(1, reference);
  auto rows = CollectRows<Dialogue>(**statement, ReadDialogue);
  if (!rows) return Fail(rows.error());
  if (rows->empty()) {
    return Fail(ErrorCode::kNotFound, "No dialogue matches " + Quoted(reference) + ".",
                "'normtrack dialogues' lists them");
  }
  const Dialogue& first = rows->front();
  const bool exact = std::to_string(first.id.value) == reference || first.key == reference ||
                     ToLowerAscii(first.name) == ToLowerAscii(reference);
  if (rows->size() > 1 && !exact) {
    return Fail(ErrorCode::kAmbiguous, Quoted(reference) + " matches " +
                                           std::to_string(rows->size()) +
                                           " dialogues; use more of the name.");
  }
  return first;
}

Result<std::vector<Dialogue>> DialogueRepository::List() {
  auto statement = database_.connection().Prepare(std::string(kSelectDialogues) +
                                                  "ORDER BY name COLLATE NOCASE");
  if (!statement) return Fail(statement.error());
  return CollectRows<Dialogue>(**statement, ReadDialogue);
}

Result<RoundId> DialogueRepository::UpsertRound(const Round& round) {
  Connection& db = database_.connection();
  if (round.number) {
    auto existing = FindRound(round.dialogue_id, *round.number);
    if (!existing) return Fail(existing.error());
    if (*existing) {
      auto update = db.Prepare(
          "UPDATE rounds SET start_date = coalesce(start_date, ?2), "
          "end_date = coalesce(end_date, ?3), place = coalesce(place, ?4) WHERE id = ?1");
      if (!update) return Fail(update.error());
      (*update)
          ->Bind(1, (*existing)->id.value)
          .BindOptional(2, round.start_date)
          .BindOptional(3, round.end_date)
          .BindOptional(4, round.place);
      NT_TRY((*update)->Run());
      return (*existing)->id;
    }
  }
  auto insert = db.Prepare(
      "INSERT INTO rounds (dialogue_id, number, start_date, end_date, place) "
      "VALUES (?1, ?2, ?3, ?4, ?5)");
  if (!insert) return Fail(insert.error());
  (*insert)
      ->Bind(1, round.dialogue_id.value)
      .BindOptional(3, round.start_date)
      .BindOptional(4, round.end_date)
      .BindOptional(5, round.place);
  if (round.number) (*insert)->Bind(2, *round.number); else (*insert)->BindNull(2);
  NT_TRY((*insert)->Run());
  return RoundId(db.LastInsertRowId());
}

Result<Round> DialogueRepository::GetRound(RoundId id) {
  auto statement = database_.connection().Prepare(std::string(kSelectRounds) + "WHERE id = ?1");
  if (!statement) return Fail(statement.error());
  (*statement)->Bind(1, id.value);
  return SingleRow<Round>(**statement, ReadRound, "round", id.value);
}

Result<std::optional<Round>> DialogueRepository::FindRound(DialogueId dialogue, int number) {
  auto statement = database_.connection().Prepare(std::string(kSelectRounds) +
                                                  "WHERE dialogue_id = ?1 AND number = ?2");
  if (!statement) return Fail(statement.error());
  (*statement)->Bind(1, dialogue.value).Bind(2, number);
  return OptionalRow<Round>(**statement, ReadRound);
}

Result<std::vector<Round>> DialogueRepository::Rounds(DialogueId dialogue) {
  auto statement = database_.connection().Prepare(
      std::string(kSelectRounds) +
      "WHERE dialogue_id = ?1 ORDER BY number IS NULL, number, start_date, id");
  if (!statement) return Fail(statement.error());
  (*statement)->Bind(1, dialogue.value);
  return CollectRows<Round>(**statement, ReadRound);
}

Status DialogueRepository::Delete(DialogueId id) {
  return DeleteRow(database_.connection(), "dialogues", id.value, "dialogue");
}

}  // namespace nt::store

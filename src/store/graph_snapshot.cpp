#include "store/graph_snapshot.h"

#include <sqlite3.h>

#include "store/row_readers.h"
#include "store/sqlite.h"

namespace nt::store {
namespace {

template <typename T, typename Reader>
Status ReadAll(Connection& db, std::string_view sql, std::vector<T>& out, Reader read) {
  auto statement = db.Prepare(sql);
  if (!statement) return Fail(statement.error());
  auto rows = CollectRows<T>(**statement, read);
  if (!rows) return Fail(rows.error());
  out = std::move(*rows);
  return {};
}

EntityKind KindOf(const Statement& row, int column) {
  // The schema checks kinds, so a parse failure cannot happen; the fallback keeps it total.
  return ParseEntityKind(row.Text(column)).value_or(EntityKind::kDocument);
}

}  // namespace

Result<GraphSnapshot> ReadGraphSnapshot(Database& database) {
  Connection& db = database.connection();
  GraphSnapshot snapshot;
  Status read = database.InTransaction([&]() -> Status {
    NT_TRY(ReadAll(db,
                   "SELECT id, title, symbol, date, dialogue_id, round_id FROM documents "
                   "ORDER BY id",
                   snapshot.documents, [](const Statement& r) {
                     return SnapshotDocument{
                         DocumentId(r.Int(0)), r.Text(1),        r.Text(2), r.Text(3),
                         DialogueId(r.Int(4)), RoundId(r.Int(5))};
                   }));
    NT_TRY(ReadAll(db,
                   "SELECT c.id, p.document_id, p.label, c.text, c.type, c.deadline "
                   "FROM commitments c JOIN paragraphs p ON p.id = c.paragraph_id ORDER BY c.id",
                   snapshot.commitments, [](const Statement& r) {
                     return SnapshotCommitment{
                         CommitmentId(r.Int(0)),
                         DocumentId(r.Int(1)),
                         r.Text(2),
                         r.Text(3),
                         ParseCommitmentType(r.Text(4)).value_or(CommitmentType::kPledge),
                         r.Text(5)};
                   }));
    NT_TRY(ReadAll(db,
                   "SELECT commitment_id, actor_id, role FROM commitment_actors "
                   "ORDER BY commitment_id, role, actor_id",
                   snapshot.commitment_actors, [](const Statement& r) {
                     return SnapshotCommitmentActor{
                         CommitmentId(r.Int(0)), ActorId(r.Int(1)),
                         ParseActorRole(r.Text(2)).value_or(ActorRole::kSubject)};
                   }));
    NT_TRY(ReadAll(db, "SELECT id, canonical_name, kind, parent_id FROM actors ORDER BY id",
                   snapshot.actors, [](const Statement& r) {
                     return SnapshotActor{ActorId(r.Int(0)), r.Text(1),
                                          ParseActorKind(r.Text(2)).value_or(ActorKind::kState),
                                          ActorId(r.Int(3))};
                   }));
    NT_TRY(ReadAll(db, "SELECT id, name FROM dialogues ORDER BY id", snapshot.dialogues,
                   [](const Statement& r) {
                     return SnapshotDialogue{DialogueId(r.Int(0)), r.Text(1)};
                   }));
    NT_TRY(ReadAll(db, "SELECT id, dialogue_id, number, start_date, place FROM rounds ORDER BY id",
                   snapshot.rounds, [](const Statement& r) {
                     return SnapshotRound{RoundId(r.Int(0)), DialogueId(r.Int(1)),
                                          static_cast<int>(r.Int(2)), r.Text(3), r.Text(4)};
                   }));
    NT_TRY(ReadAll(db, "SELECT id, code, short_title FROM norms ORDER BY id", snapshot.norms,
                   [](const Statement& r) {
                     return SnapshotNorm{NormId(r.Int(0)), r.Text(1), r.Text(2)};
                   }));
    NT_TRY(ReadAll(db,
                   "SELECT f.id, f.title, f.owner_actor_id, f.due_date, s.status, s.completion, "
                   "s.date FROM follow_ups f LEFT JOIN follow_up_current s "
                   "ON s.follow_up_id = f.id ORDER BY f.id",
                   snapshot.follow_ups, [](const Statement& r) {
                     return SnapshotFollowUp{
                         FollowUpId(r.Int(0)),
                         r.Text(1),
                         ActorId(r.Int(2)),
                         r.Text(3),
                         ParseFollowUpStatus(r.Text(4)).value_or(FollowUpStatus::kPlanned),
                         ParseCompletion(r.Text(5)).value_or(Completion::kNotStarted),
                         r.Text(6)};
                   }));
    NT_TRY(
        ReadAll(db,
                "SELECT follow_up_id, commitment_id FROM follow_up_commitments "
                "ORDER BY follow_up_id, commitment_id",
                snapshot.follow_up_commitments, [](const Statement& r) {
                  return SnapshotFollowUpCommitment{FollowUpId(r.Int(0)), CommitmentId(r.Int(1))};
                }));
    NT_TRY(ReadAll(db,
                   "SELECT id, source_kind, source_id, target_kind, target_id, type, origin, "
                   "confidence FROM links ORDER BY id",
                   snapshot.links, [](const Statement& r) {
                     return SnapshotLink{LinkId(r.Int(0)),
                                         {KindOf(r, 1), r.Int(2)},
                                         {KindOf(r, 3), r.Int(4)},
                                         r.Text(5),
                                         ParseOrigin(r.Text(6)).value_or(Origin::kManual),
                                         r.Double(7)};
                   }));
    return {};
  });
  if (!read) return Fail(read.error());
  return snapshot;
}

Result<std::int64_t> ReadChangeStamp(Database& database) {
  // data_version moves when another connection commits; total_changes when this one writes.
  auto version = database.connection().QueryInt("PRAGMA data_version");
  if (!version) return Fail(version.error());
  return (*version << 32) ^ sqlite3_total_changes64(database.connection().handle());
}

}  // namespace nt::store

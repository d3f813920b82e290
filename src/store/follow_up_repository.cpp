#include "store/follow_up_repository.h"

#include "core/clock.h"
#include "store/row_readers.h"
#include "store/sqlite.h"

namespace nt::store {
namespace {

FollowUp ReadFollowUp(const Statement& row) {
  FollowUp f;
  f.id = FollowUpId(row.Int(0));
  f.title = row.Text(1);
  f.owner_actor_id = ActorId(row.Int(2));
  f.due_date = row.Text(3);
  f.notes = row.Text(4);
  f.created_at = row.Text(5);
  f.updated_at = row.Text(6);
  f.status = ParseFollowUpStatus(row.Text(7)).value_or(FollowUpStatus::kPlanned);
  f.completion = ParseCompletion(row.Text(8)).value_or(Completion::kNotStarted);
  return f;
}

FollowUpEvent ReadEvent(const Statement& row) {
  FollowUpEvent e;
  e.id = FollowUpEventId(row.Int(0));
  e.follow_up_id = FollowUpId(row.Int(1));
  e.date = row.Text(2);
  e.status = ParseFollowUpStatus(row.Text(3)).value_or(FollowUpStatus::kPlanned);
  e.completion = ParseCompletion(row.Text(4)).value_or(Completion::kNotStarted);
  e.note = row.Text(5);
  e.evidence_paragraph_id = ParagraphId(row.Int(6));
  e.evidence_text = row.Text(7);
  e.recorded_at = row.Text(8);
  return e;
}

}  // namespace

Status FollowUpRepository::Insert(FollowUp& follow_up, const FollowUpEvent& first_event) {
  Connection& db = database_.connection();
  return database_.InTransaction([&]() -> Status {
    const std::string now = UtcTimestampNow();
    auto insert = db.Prepare(
        "INSERT INTO follow_ups (title, owner_actor_id, due_date, notes, created_at, updated_at) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?5)");
    if (!insert) return Fail(insert.error());
    (*insert)
        ->Bind(1, follow_up.title)
        .BindId(2, follow_up.owner_actor_id.value)
        .BindOptional(3, follow_up.due_date)
        .BindOptional(4, follow_up.notes)
        .Bind(5, now);
    NT_TRY((*insert)->Run());
    follow_up.id = FollowUpId(db.LastInsertRowId());
    follow_up.created_at = follow_up.updated_at = now;
    for (CommitmentId commitment : follow_up.commitment_ids) {
      NT_TRY(AddCommitment(follow_up.id, commitment));
    }
    FollowUpEvent event = first_event;
    event.follow_up_id = follow_up.id;
    NT_TRY(AddEvent(event));
    follow_up.status = event.status;
    follow_up.completion = event.completion;
    return {};
  });
}

Status FollowUpRepository::Update(const FollowUp& follow_up) {
  auto update = database_.connection().Prepare(
      "UPDATE follow_ups SET title = ?2, owner_actor_id = ?3, due_date = ?4, notes = ?5, "
      "updated_at = ?6 WHERE id = ?1");
  if (!update) return Fail(update.error());
  (*update)
      ->Bind(1, follow_up.id.value)
      .Bind(2, follow_up.title)
      .BindId(3, follow_up.owner_actor_id.value)
      .BindOptional(4, follow_up.due_date)
      .BindOptional(5, follow_up.notes)
      .Bind(6, UtcTimestampNow());
  NT_TRY((*update)->Run());
  if (database_.connection().Changes() == 0) return Fail(NoSuch("follow-up", follow_up.id.value));
  return {};
}

Status FollowUpRepository::AddCommitment(FollowUpId follow_up, CommitmentId commitment) {
  auto insert = database_.connection().Prepare(
      "INSERT OR IGNORE INTO follow_up_commitments (follow_up_id, commitment_id) VALUES (?1, ?2)");
  if (!insert) return Fail(insert.error());
  (*insert)->Bind(1, follow_up.value).Bind(2, commitment.value);
  return (*insert)->Run();
}

Status FollowUpRepository::AddEvent(FollowUpEvent& event) {
  Connection& db = database_.connection();
  return database_.InTransaction([&]() -> Status {
    event.recorded_at = UtcTimestampNow();
    if (event.date.empty()) event.date = event.recorded_at.substr(0, 10);
    auto insert = db.Prepare(
        "INSERT INTO follow_up_events (follow_up_id, date, status, completion, note, "
        "evidence_paragraph_id, evidence_text, recorded_at) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
    if (!insert) return Fail(insert.error());
    (*insert)
        ->Bind(1, event.follow_up_id.value)
        .Bind(2, event.date)
        .Bind(3, ToString(event.status))
        .Bind(4, ToString(event.completion))
        .BindOptional(5, event.note)
        .BindId(6, event.evidence_paragraph_id.value)
        .BindOptional(7, event.evidence_text)
        .Bind(8, event.recorded_at);
    NT_TRY((*insert)->Run());
    event.id = FollowUpEventId(db.LastInsertRowId());
    auto touch = db.Prepare("UPDATE follow_ups SET updated_at = ?2 WHERE id = ?1");
    if (!touch) return Fail(touch.error());
    (*touch)->Bind(1, event.follow_up_id.value).Bind(2, event.recorded_at);
    return (*touch)->Run();
  });
}

Result<std::vector<FollowUp>> FollowUpRepository::Select(std::string_view where,
                                                         std::int64_t value) {
  auto statement = database_.connection().Prepare(
      "SELECT f.id, f.title, f.owner_actor_id, f.due_date, f.notes, f.created_at, f.updated_at, "
      "s.status, s.completion FROM follow_ups f LEFT JOIN follow_up_current s "
      "ON s.follow_up_id = f.id " + std::string(where) + " ORDER BY f.id");
  if (!statement) return Fail(statement.error());
  if (value != 0) (*statement)->Bind(1, value);
  auto rows = CollectRows<FollowUp>(**statement, ReadFollowUp);
  if (!rows) return rows;
  auto commitments = database_.connection().Prepare(
      "SELECT commitment_id FROM follow_up_commitments WHERE follow_up_id = ?1 "
      "ORDER BY commitment_id");
  if (!commitments) return Fail(commitments.error());
  for (FollowUp& follow_up : *rows) {
    (*commitments)->Bind(1, follow_up.id.value);
    auto ids = CollectRows<CommitmentId>(**commitments, [](const Statement& row) {
      return CommitmentId(row.Int(0));
    });
    if (!ids) return Fail(ids.error());
    follow_up.commitment_ids = std::move(*ids);
  }
  return rows;
}

Result<FollowUp> FollowUpRepository::Get(FollowUpId id) {
  auto rows = Select("WHERE f.id = ?1", id.value);
  if (!rows) return Fail(rows.error());
  if (rows->empty()) return Fail(NoSuch("follow-up", id.value));
  return rows->front();
}

Result<std::vector<FollowUp>> FollowUpRepository::List() { return Select("", 0); }

Result<std::vector<FollowUp>> FollowUpRepository::ForCommitment(CommitmentId commitment) {
  return Select(
      "WHERE f.id IN (SELECT follow_up_id FROM follow_up_commitments WHERE commitment_id = ?1)",
      commitment.value);
}

Result<std::vector<std::pair<CommitmentId, FollowUpStatus>>>
FollowUpRepository::StatusesForDocument(DocumentId document) {
  auto statement = database_.connection().Prepare(
      "SELECT fc.commitment_id, s.status FROM follow_up_commitments fc "
      "JOIN commitments c ON c.id = fc.commitment_id JOIN paragraphs p ON p.id = c.paragraph_id "
      "LEFT JOIN follow_up_current s ON s.follow_up_id = fc.follow_up_id "
      "WHERE p.document_id = ?1 ORDER BY fc.commitment_id, fc.follow_up_id");
  if (!statement) return Fail(statement.error());
  (*statement)->Bind(1, document.value);
  return CollectRows<std::pair<CommitmentId, FollowUpStatus>>(
      **statement, [](const Statement& row) {
        // As ReadFollowUp: a follow-up without events yet counts as planned.
        return std::pair{CommitmentId(row.Int(0)),
                         ParseFollowUpStatus(row.Text(1)).value_or(FollowUpStatus::kPlanned)};
      });
}

Result<std::vector<FollowUpEvent>> FollowUpRepository::History(FollowUpId id) {
  auto statement = database_.connection().Prepare(
      "SELECT id, follow_up_id, date, status, completion, note, evidence_paragraph_id, "
      "evidence_text, recorded_at FROM follow_up_events WHERE follow_up_id = ?1 ORDER BY id");
  if (!statement) return Fail(statement.error());
  (*statement)->Bind(1, id.value);
  return CollectRows<FollowUpEvent>(**statement, ReadEvent);
}

Result<int> FollowUpRepository::Count() { return CountRows(database_.connection(), "follow_ups"); }

Status FollowUpRepository::Delete(FollowUpId id) {
  return DeleteRow(database_.connection(), "follow_ups", id.value, "follow-up");
}

}  // namespace nt::store

#include "store/commitment_repository.h"

#include <utility>

#include "store/row_readers.h"
#include "store/sqlite.h"

namespace nt::store {
namespace {

constexpr std::string_view kCommitmentColumns =
    "c.id, c.paragraph_id, c.span_begin, c.span_end, c.text, c.cue, c.type, c.strength, "
    "c.deadline, c.origin";

Commitment ReadCommitment(const Statement& row) {
  Commitment c;
  c.id = CommitmentId(row.Int(0));
  c.paragraph_id = ParagraphId(row.Int(1));
  c.span_begin = static_cast<int>(row.Int(2));
  c.span_end = static_cast<int>(row.Int(3));
  c.text = row.Text(4);
  c.cue = row.Text(5);
  c.type = ParseCommitmentType(row.Text(6)).value_or(CommitmentType::kPledge);
  c.strength = ParseCommitmentStrength(row.Text(7)).value_or(DefaultStrength(c.type));
  c.deadline = row.Text(8);
  c.origin = ParseOrigin(row.Text(9)).value_or(Origin::kExtracted);
  return c;
}

// The commitments inside `rows`, for LoadActors.
template <typename Row, typename Get>
std::vector<Commitment*> Pointers(std::vector<Row>& rows, Get get) {
  std::vector<Commitment*> out;
  out.reserve(rows.size());
  for (Row& row : rows) out.push_back(get(row));
  return out;
}

}  // namespace

Status CommitmentRepository::Insert(Commitment& commitment) {
  Connection& db = database_.connection();
  return database_.InTransaction([&]() -> Status {
    auto insert = db.Prepare(
        "INSERT INTO commitments (id, paragraph_id, span_begin, span_end, text, cue, type, "
        "strength, deadline, origin) VALUES (?10, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
    if (!insert) return Fail(insert.error());
    (*insert)
        ->BindId(10, commitment.id.value)
        .Bind(1, commitment.paragraph_id.value)
        .Bind(2, commitment.span_begin)
        .Bind(3, commitment.span_end)
        .Bind(4, commitment.text)
        .BindOptional(5, commitment.cue)
        .Bind(6, ToString(commitment.type))
        .Bind(7, ToString(commitment.strength))
        .BindOptional(8, commitment.deadline)
        .Bind(9, ToString(commitment.origin));
    NT_TRY((*insert)->Run());
    commitment.id = CommitmentId(db.LastInsertRowId());
    return InsertActors(commitment);
  });
}

Status CommitmentRepository::InsertActors(const Commitment& commitment) {
  auto actor_insert = database_.connection().Prepare(
      "INSERT OR IGNORE INTO commitment_actors (commitment_id, actor_id, role) "
      "VALUES (?1, ?2, ?3)");
  if (!actor_insert) return Fail(actor_insert.error());
  for (const CommitmentActor& actor : commitment.actors) {
    (*actor_insert)
        ->Bind(1, commitment.id.value)
        .Bind(2, actor.actor_id.value)
        .Bind(3, ToString(actor.role));
    NT_TRY((*actor_insert)->Run());
  }
  return {};
}

Status CommitmentRepository::Update(const Commitment& commitment) {
  Connection& db = database_.connection();
  return database_.InTransaction([&]() -> Status {
    auto update = db.Prepare(
        "UPDATE commitments SET paragraph_id = ?2, span_begin = ?3, span_end = ?4, text = ?5, "
        "cue = ?6, type = ?7, strength = ?8, deadline = ?9, origin = ?10 WHERE id = ?1");
    if (!update) return Fail(update.error());
    (*update)
        ->Bind(1, commitment.id.value)
        .Bind(2, commitment.paragraph_id.value)
        .Bind(3, commitment.span_begin)
        .Bind(4, commitment.span_end)
        .Bind(5, commitment.text)
        .BindOptional(6, commitment.cue)
        .Bind(7, ToString(commitment.type))
        .Bind(8, ToString(commitment.strength))
        .BindOptional(9, commitment.deadline)
        .Bind(10, ToString(commitment.origin));
    NT_TRY((*update)->Run());
    if (db.Changes() == 0) return Fail(NoSuch("commitment", commitment.id.value));
    auto clear = db.Prepare("DELETE FROM commitment_actors WHERE commitment_id = ?1");
    if (!clear) return Fail(clear.error());
    (*clear)->Bind(1, commitment.id.value);
    NT_TRY((*clear)->Run());
    return InsertActors(commitment);
  });
}

Result<CommitmentId> CommitmentRepository::Renumber(CommitmentId id) {
  Connection& db = database_.connection();
  CommitmentId moved;
  NT_TRY(database_.InTransaction([&]() -> Status {
    auto commitment = Get(id);
    if (!commitment) return Fail(commitment.error());
    commitment->id = CommitmentId();
    NT_TRY(Insert(*commitment));
    moved = commitment->id;
    // Links have no foreign keys: they move before the row goes, or its trigger drops them.
    for (std::string_view sql :
         {"UPDATE links SET source_id = ?2 WHERE source_kind = 'commitment' AND source_id = ?1",
          "UPDATE links SET target_id = ?2 WHERE target_kind = 'commitment' AND target_id = ?1",
          "UPDATE follow_up_commitments SET commitment_id = ?2 WHERE commitment_id = ?1",
          "DELETE FROM commitments WHERE id = ?1"}) {
      auto statement = db.Prepare(sql);
      if (!statement) return Fail(statement.error());
      (*statement)->Bind(1, id.value).Bind(2, moved.value);
      NT_TRY((*statement)->Run());
    }
    return {};
  }));
  return moved;
}

Status CommitmentRepository::LoadActors(std::vector<Commitment*> commitments) {
  if (commitments.empty()) return {};
  std::vector<std::int64_t> ids;
  std::unordered_map<std::int64_t, Commitment*> by_id;
  for (Commitment* commitment : commitments) {
    commitment->actors.clear();
    ids.push_back(commitment->id.value);
    by_id.emplace(commitment->id.value, commitment);
  }
  auto statement = database_.connection().Prepare(
      "SELECT commitment_id, actor_id, role FROM commitment_actors "
      "WHERE commitment_id IN (SELECT value FROM json_each(?1)) "
      "ORDER BY commitment_id, role = 'subject' DESC, role, actor_id");
  if (!statement) return Fail(statement.error());
  (*statement)->BindIdList(1, ids);
  auto rows =
      CollectRows<std::pair<std::int64_t, CommitmentActor>>(**statement, [](const Statement& row) {
        return std::pair{
            row.Int(0), CommitmentActor{ActorId(row.Int(1)),
                                        ParseActorRole(row.Text(2)).value_or(ActorRole::kSubject)}};
      });
  if (!rows) return Fail(rows.error());
  for (auto& [id, actor] : *rows) by_id.at(id)->actors.push_back(actor);
  return {};
}

Result<Commitment> CommitmentRepository::Get(CommitmentId id) {
  auto statement = database_.connection().Prepare(
      "SELECT " + std::string(kCommitmentColumns) + " FROM commitments c WHERE c.id = ?1");
  if (!statement) return Fail(statement.error());
  (*statement)->Bind(1, id.value);
  auto commitment = SingleRow<Commitment>(**statement, ReadCommitment, "commitment", id.value);
  if (!commitment) return commitment;
  NT_TRY(LoadActors({&*commitment}));
  return commitment;
}

Result<std::vector<Commitment>> CommitmentRepository::ForParagraph(ParagraphId paragraph) {
  auto statement = database_.connection().Prepare(
      "SELECT " + std::string(kCommitmentColumns) +
      " FROM commitments c WHERE c.paragraph_id = ?1 ORDER BY c.span_begin, c.id");
  if (!statement) return Fail(statement.error());
  (*statement)->Bind(1, paragraph.value);
  auto rows = CollectRows<Commitment>(**statement, ReadCommitment);
  if (!rows) return rows;
  NT_TRY(LoadActors(Pointers(*rows, [](Commitment& c) { return &c; })));
  return rows;
}

Result<std::vector<Commitment>> CommitmentRepository::ForDocument(DocumentId document) {
  auto statement = database_.connection().Prepare(
      "SELECT " + std::string(kCommitmentColumns) +
      " FROM commitments c JOIN paragraphs p ON p.id = c.paragraph_id WHERE p.document_id = ?1 "
      "ORDER BY p.ordinal, c.span_begin, c.id");
  if (!statement) return Fail(statement.error());
  (*statement)->Bind(1, document.value);
  auto rows = CollectRows<Commitment>(**statement, ReadCommitment);
  if (!rows) return rows;
  NT_TRY(LoadActors(Pointers(*rows, [](Commitment& c) { return &c; })));
  return rows;
}

Result<std::unordered_map<CommitmentId, std::string>> CommitmentRepository::Texts(
    const std::vector<CommitmentId>& ids) {
  return TextsById(database_.connection(), "commitments", ids);
}

Result<std::vector<CommitmentRow>> CommitmentRepository::Find(const CommitmentQuery& query) {
  // One statement for every filter combination: a zero/NULL parameter disables its filter.
  auto statement = database_.connection().Prepare(
      "SELECT " + std::string(kCommitmentColumns) +
      ", d.id, d.title, d.date, p.label, p.ordinal FROM commitments c "
      "JOIN paragraphs p ON p.id = c.paragraph_id JOIN documents d ON d.id = p.document_id "
      "WHERE (?1 IS NULL OR d.id = ?1) "
      "AND (?2 IS NULL OR c.id IN (SELECT commitment_id FROM commitment_actors "
      "WHERE actor_id = ?2)) "
      "AND (?3 IS NULL OR c.type = ?3) AND (?4 IS NULL OR d.round_id = ?4) "
      "AND (?7 IS NULL OR d.dialogue_id = ?7) "
      "ORDER BY d.date IS NULL, d.date, d.id, p.ordinal, c.span_begin, c.id "
      "LIMIT ?5 OFFSET ?6");
  if (!statement) return Fail(statement.error());
  Statement& s = **statement;
  s.BindId(1, query.document.value).BindId(2, query.actor.value).BindId(4, query.round.value);
  if (query.type) s.Bind(3, ToString(*query.type)); else s.BindNull(3);
  s.Bind(5, query.limit).Bind(6, query.offset).BindId(7, query.dialogue.value);
  auto rows = CollectRows<CommitmentRow>(s, [](const Statement& row) {
    return CommitmentRow{ReadCommitment(row), DocumentId(row.Int(10)), row.Text(11),
                         row.Text(12), row.Text(13), static_cast<int>(row.Int(14))};
  });
  if (!rows) return rows;
  NT_TRY(LoadActors(Pointers(*rows, [](CommitmentRow& row) { return &row.commitment; })));
  return rows;
}

Result<int> CommitmentRepository::Count() {
  return CountRows(database_.connection(), "commitments");
}

Status CommitmentRepository::Delete(CommitmentId id) {
  return DeleteRow(database_.connection(), "commitments", id.value, "commitment");
}

}  // namespace nt::store

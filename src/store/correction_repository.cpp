#include "store/correction_repository.h"

#include "store/row_readers.h"
#include "store/sqlite.h"

namespace nt::store {
namespace {

constexpr std::string_view kSelectCorrections =
    "SELECT id, entity_kind, entity_id, document_id, action, field, before, after, user, "
    "recorded_at FROM corrections ";

Correction ReadCorrection(const Statement& row) {
  Correction c;
  c.id = row.Int(0);
  c.entity_kind = row.Text(1);
  c.entity_id = row.Int(2);
  c.document_id = DocumentId(row.Int(3));
  c.action = row.Text(4);
  c.field = row.Text(5);
  c.before = row.Text(6);
  c.after = row.Text(7);
  c.user = row.Text(8);
  c.recorded_at = row.Text(9);
  return c;
}

constexpr std::string_view kSelectRejected =
    "SELECT commitment_id, document_id, text, type, paragraph_label, rejected_at "
    "FROM rejected_commitments ";

RejectedCommitment ReadRejected(const Statement& row) {
  return RejectedCommitment{CommitmentId(row.Int(0)), DocumentId(row.Int(1)), row.Text(2),
                            row.Text(3), row.Text(4), row.Text(5)};
}

}  // namespace

Status CorrectionRepository::Record(Correction& correction) {
  Connection& db = database_.connection();
  auto insert = db.Prepare(
      "INSERT INTO corrections (entity_kind, entity_id, document_id, action, field, before, "
      "after, user, recorded_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
  if (!insert) return Fail(insert.error());
  (*insert)
      ->Bind(1, correction.entity_kind)
      .Bind(2, correction.entity_id)
      .BindId(3, correction.document_id.value)
      .Bind(4, correction.action)
      .BindOptional(5, correction.field)
      .Bind(6, correction.before)
      .Bind(7, correction.after)
      .Bind(8, correction.user)
      .Bind(9, correction.recorded_at);
  NT_TRY((*insert)->Run());
  correction.id = db.LastInsertRowId();
  return {};
}

Result<std::vector<Correction>> CorrectionRepository::Select(std::string_view where,
                                                             std::int64_t id,
                                                             std::string_view kind) {
  auto statement = database_.connection().Prepare(std::string(kSelectCorrections) +
                                                  std::string(where) + " ORDER BY id");
  if (!statement) return Fail(statement.error());
  if (where.find("?1") != std::string_view::npos) (*statement)->Bind(1, id);
  if (where.find("?2") != std::string_view::npos) (*statement)->Bind(2, kind);
  return CollectRows<Correction>(**statement, ReadCorrection);
}

Result<std::vector<Correction>> CorrectionRepository::ForEntity(std::string_view kind,
                                                                std::int64_t id) {
  return Select("WHERE entity_id = ?1 AND entity_kind = ?2", id, kind);
}

Result<std::vector<Correction>> CorrectionRepository::ForDocument(DocumentId document) {
  return Select("WHERE document_id = ?1", document.value, "");
}

Result<std::vector<Correction>> CorrectionRepository::All() { return Select("", 0, ""); }

Status CorrectionRepository::SetOverride(DocumentId document, std::string_view field,
                                         std::string_view value) {
  auto upsert = database_.connection().Prepare(
      "INSERT INTO document_overrides (document_id, field, value) VALUES (?1, ?2, ?3) "
      "ON CONFLICT (document_id, field) DO UPDATE SET value = excluded.value");
  if (!upsert) return Fail(upsert.error());
  (*upsert)->Bind(1, document.value).Bind(2, field).Bind(3, value);
  return (*upsert)->Run();
}

Result<std::map<std::string, std::string>> CorrectionRepository::Overrides(DocumentId document) {
  auto statement = database_.connection().Prepare(
      "SELECT field, value FROM document_overrides WHERE document_id = ?1");
  if (!statement) return Fail(statement.error());
  (*statement)->Bind(1, document.value);
  auto rows = CollectRows<std::pair<std::string, std::string>>(
      **statement, [](const Statement& row) { return std::pair{row.Text(0), row.Text(1)}; });
  if (!rows) return Fail(rows.error());
  return std::map<std::string, std::string>(rows->begin(), rows->end());
}

Status CorrectionRepository::RepointOverrides(std::string_view field, std::int64_t from,
                                              std::int64_t to) {
  auto update = database_.connection().Prepare(
      "UPDATE document_overrides SET value = ?3 WHERE field = ?1 AND value = ?2");
  if (!update) return Fail(update.error());
  (*update)->Bind(1, field).Bind(2, std::to_string(from)).Bind(3, std::to_string(to));
  return (*update)->Run();
}

Status CorrectionRepository::Reject(const RejectedCommitment& rejected) {
  auto insert = database_.connection().Prepare(
      "INSERT OR REPLACE INTO rejected_commitments (commitment_id, document_id, text, type, "
      "paragraph_label, rejected_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
  if (!insert) return Fail(insert.error());
  (*insert)
      ->Bind(1, rejected.id.value)
      .Bind(2, rejected.document_id.value)
      .Bind(3, rejected.text)
      .Bind(4, rejected.type)
      .BindOptional(5, rejected.paragraph_label)
      .Bind(6, rejected.rejected_at);
  return (*insert)->Run();
}

Result<std::vector<RejectedCommitment>> CorrectionRepository::Rejected(DocumentId document) {
  auto statement = database_.connection().Prepare(std::string(kSelectRejected) +
                                                  "WHERE document_id = ?1 ORDER BY commitment_id");
  if (!statement) return Fail(statement.error());
  (*statement)->Bind(1, document.value);
  return CollectRows<RejectedCommitment>(**statement, ReadRejected);
}

Result<std::optional<RejectedCommitment>> CorrectionRepository::FindRejected(CommitmentId id) {
  auto statement =
      database_.connection().Prepare(std::string(kSelectRejected) + "WHERE commitment_id = ?1");
  if (!statement) return Fail(statement.error());
  (*statement)->Bind(1, id.value);
  return OptionalRow<RejectedCommitment>(**statement, ReadRejected);
}

}  // namespace nt::store

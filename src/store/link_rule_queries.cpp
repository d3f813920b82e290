#include "store/link_rule_queries.h"

#include "store/row_readers.h"
#include "store/sqlite.h"

namespace nt::store {

Result<std::vector<DialogueCommitment>> CommitmentsOfDocument(Database& database,
                                                              DocumentId document) {
  auto statement = database.connection().Prepare(
      "SELECT c.id, d.id, coalesce(d.date, r.start_date), r.number, c.text, "
      "coalesce((SELECT group_concat(a.canonical_name, ' ') FROM commitment_actors ca "
      "JOIN actors a ON a.id = ca.actor_id WHERE ca.commitment_id = c.id AND "
      "ca.role = 'subject'), '') || ' ' || "
      "coalesce((SELECT group_concat(al.alias, ' ') FROM commitment_actors ca "
      "JOIN actor_aliases al ON al.actor_id = ca.actor_id WHERE ca.commitment_id = c.id AND "
      "ca.role = 'subject'), '') FROM documents d "
      "JOIN paragraphs p ON p.document_id = d.id JOIN commitments c ON c.paragraph_id = p.id "
      "LEFT JOIN rounds r ON r.id = d.round_id WHERE d.id = ?1 ORDER BY c.id");
  if (!statement) return Fail(statement.error());
  (*statement)->Bind(1, document.value);
  return CollectRows<DialogueCommitment>(**statement, [](const Statement& r) {
    return DialogueCommitment{CommitmentId(r.Int(0)),
                              DocumentId(r.Int(1)),
                              r.Text(2),
                              static_cast<int>(r.Int(3)),
                              r.Text(4),
                              r.Text(5)};
  });
}

Result<std::vector<std::pair<DocumentId, DialogueId>>> DocumentDialogues(Database& database) {
  auto statement = database.connection().Prepare(
      "SELECT id, dialogue_id FROM documents WHERE dialogue_id IS NOT NULL ORDER BY id");
  if (!statement) return Fail(statement.error());
  return CollectRows<std::pair<DocumentId, DialogueId>>(**statement, [](const Statement& r) {
    return std::pair{DocumentId(r.Int(0)), DialogueId(r.Int(1))};
  });
}

Result<std::vector<DocumentIdentity>> DocumentIdentities(Database& database) {
  auto statement =
      database.connection().Prepare("SELECT id, title, symbol FROM documents ORDER BY id");
  if (!statement) return Fail(statement.error());
  return CollectRows<DocumentIdentity>(**statement, [](const Statement& r) {
    return DocumentIdentity{DocumentId(r.Int(0)), r.Text(1), r.Text(2)};
  });
}

Status ForEachContentParagraph(Database& database,
                               const std::function<void(DocumentId, std::string_view)>& visit) {
  auto statement = database.connection().Prepare(
      "SELECT document_id, text FROM paragraphs WHERE is_boilerplate = 0 "
      "ORDER BY document_id, ordinal");
  if (!statement) return Fail(statement.error());
  while (true) {
    auto row = (*statement)->Step();
    if (!row) return Fail(row.error());
    if (!*row) break;
    const std::string text = (*statement)->Text(1);
    visit(DocumentId((*statement)->Int(0)), text);
  }
  (*statement)->Reset();
  return {};
}

Result<int> DeleteExtractedLinks(Database& database, const EntityRef& end, std::string_view type) {
  auto statement = database.connection().Prepare(
      "DELETE FROM links WHERE origin = 'extracted' AND type = ?3 AND "
      "((source_kind = ?1 AND source_id = ?2) OR (target_kind = ?1 AND target_id = ?2))");
  if (!statement) return Fail(statement.error());
  (*statement)->Bind(1, ToString(end.kind)).Bind(2, end.id).Bind(3, type);
  NT_TRY((*statement)->Run());
  return database.connection().Changes();
}

Result<int> DeleteExtractedCommitmentLinks(Database& database, DocumentId document,
                                           std::string_view type) {
  auto statement = database.connection().Prepare(
      "DELETE FROM links WHERE origin = 'extracted' AND type = ?2 AND "
      "((source_kind = 'commitment' AND source_id IN (SELECT c.id FROM commitments c JOIN "
      "paragraphs p ON p.id = c.paragraph_id WHERE p.document_id = ?1)) OR "
      "(target_kind = 'commitment' AND target_id IN (SELECT c.id FROM commitments c JOIN "
      "paragraphs p ON p.id = c.paragraph_id WHERE p.document_id = ?1)))");
  if (!statement) return Fail(statement.error());
  (*statement)->Bind(1, document.value).Bind(2, type);
  NT_TRY((*statement)->Run());
  return database.connection().Changes();
}

}  // namespace nt::store

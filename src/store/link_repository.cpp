#include "store/link_repository.h"

#include "core/clock.h"
#include "store/row_readers.h"
#include "store/sqlite.h"

namespace nt::store {
namespace {

constexpr std::string_view kSelectLinks =
    "SELECT id, source_kind, source_id, target_kind, target_id, type, origin, confidence, note, "
    "created_at FROM links ";

Link ReadLink(const Statement& row) {
  Link link;
  link.id = LinkId(row.Int(0));
  link.source = {ParseEntityKind(row.Text(1)).value_or(EntityKind::kDocument), row.Int(2)};
  link.target = {ParseEntityKind(row.Text(3)).value_or(EntityKind::kDocument), row.Int(4)};
  link.type = row.Text(5);
  link.origin = ParseOrigin(row.Text(6)).value_or(Origin::kManual);
  link.confidence = row.Double(7);
  link.note = row.Text(8);
  link.created_at = row.Text(9);
  return link;
}

}  // namespace

Status LinkRepository::Upsert(Link& link) {
  if (link.created_at.empty()) link.created_at = UtcTimestampNow();
  auto upsert = database_.connection().Prepare(
      "INSERT INTO links (source_kind, source_id, target_kind, target_id, type, origin, "
      "confidence, note, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) "
      "ON CONFLICT (source_kind, source_id, target_kind, target_id, type) DO UPDATE SET "
      "origin = excluded.origin, confidence = excluded.confidence, note = excluded.note "
      "RETURNING id");
  if (!upsert) return Fail(upsert.error());
  (*upsert)
      ->Bind(1, ToString(link.source.kind))
      .Bind(2, link.source.id)
      .Bind(3, ToString(link.target.kind))
      .Bind(4, link.target.id)
      .Bind(5, link.type)
      .Bind(6, ToString(link.origin))
      .Bind(7, link.confidence)
      .BindOptional(8, link.note)
      .Bind(9, link.created_at);
  auto row = (*upsert)->Step();
  if (!row) return Fail(row.error());
  link.id = LinkId((*upsert)->Int(0));
  (*upsert)->Reset();
  return {};
}

Result<Link> LinkRepository::Get(LinkId id) {
  auto statement = database_.connection().Prepare(std::string(kSelectLinks) + "WHERE id = ?1");
  if (!statement) return Fail(statement.error());
  (*statement)->Bind(1, id.value);
  return SingleRow<Link>(**statement, ReadLink, "link", id.value);
}

Result<std::vector<Link>> LinkRepository::From(const EntityRef& source) {
  auto statement = database_.connection().Prepare(
      std::string(kSelectLinks) + "WHERE source_kind = ?1 AND source_id = ?2 ORDER BY id");
  if (!statement) return Fail(statement.error());
  (*statement)->Bind(1, ToString(source.kind)).Bind(2, source.id);
  return CollectRows<Link>(**statement, ReadLink);
}

Result<std::vector<Link>> LinkRepository::To(const EntityRef& target) {
  auto statement = database_.connection().Prepare(
      std::string(kSelectLinks) + "WHERE target_kind = ?1 AND target_id = ?2 ORDER BY id");
  if (!statement) return Fail(statement.error());
  (*statement)->Bind(1, ToString(target.kind)).Bind(2, target.id);
  return CollectRows<Link>(**statement, ReadLink);
}

Result<std::vector<std::pair<CommitmentId, std::string>>>
LinkRepository::NormCodesForDocumentCommitments(DocumentId document) {
  // CROSS JOIN fixes the order: from the document's paragraphs to their commitments to their
  // links. Left to itself (no ANALYZE statistics) the planner starts from the links, whose
  // constant kinds match an index prefix, and reads every commitment's links for each document.
  auto statement = database_.connection().Prepare(
      "SELECT l.source_id, n.code FROM paragraphs p "
      "CROSS JOIN commitments c ON c.paragraph_id = p.id "
      "CROSS JOIN links l ON l.source_kind = 'commitment' AND l.source_id = c.id "
      "AND l.target_kind = 'norm' JOIN norms n ON n.id = l.target_id "
      "WHERE p.document_id = ?1 ORDER BY l.id");
  if (!statement) return Fail(statement.error());
  (*statement)->Bind(1, document.value);
  return CollectRows<std::pair<CommitmentId, std::string>>(**statement, [](const Statement& row) {
    return std::pair{CommitmentId(row.Int(0)), row.Text(1)};
  });
}

Result<std::vector<Link>> LinkRepository::List() {
  auto statement = database_.connection().Prepare(std::string(kSelectLinks) + "ORDER BY id");
  if (!statement) return Fail(statement.error());
  return CollectRows<Link>(**statement, ReadLink);
}

Result<int> LinkRepository::Count() { return CountRows(database_.connection(), "links"); }

Status LinkRepository::Delete(LinkId id) {
  return DeleteRow(database_.connection(), "links", id.value, "link");
}

}  // namespace nt::store

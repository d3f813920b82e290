#include "store/actor_mention_repository.h"

#include "store/row_readers.h"
#include "store/sqlite.h"

namespace nt::store {

Status ActorMentionRepository::Record(DocumentId document,
                                      const std::vector<ParagraphMentions>& mentions) {
  Connection& db = database_.connection();
  return database_.InTransaction([&]() -> Status {
    auto clear = db.Prepare(
        "DELETE FROM paragraph_actor_mentions WHERE paragraph_id IN "
        "(SELECT id FROM paragraphs WHERE document_id = ?1)");
    if (!clear) return Fail(clear.error());
    (*clear)->Bind(1, document.value);
    NT_TRY((*clear)->Run());
    auto insert = db.Prepare(
        "INSERT INTO paragraph_actor_mentions (paragraph_id, position, actor_id) "
        "VALUES (?1, ?2, ?3)");
    if (!insert) return Fail(insert.error());
    for (const ParagraphMentions& paragraph : mentions) {
      int position = 0;
      for (ActorId actor : paragraph.actors) {
        (*insert)->Bind(1, paragraph.paragraph.value).Bind(2, position++).Bind(3, actor.value);
        NT_TRY((*insert)->Run());
      }
    }
    auto scanned =
        db.Prepare("INSERT OR IGNORE INTO actor_mention_scans (document_id) VALUES (?1)");
    if (!scanned) return Fail(scanned.error());
    (*scanned)->Bind(1, document.value);
    return (*scanned)->Run();
  });
}

Result<std::optional<std::vector<ParagraphMentions>>> ActorMentionRepository::ForDocument(
    DocumentId document) {
  // The scan's row and the mentions in one statement: the scan's row has no paragraph and
  // sorts first (ordinals start at 1); a document never scanned returns no row at all.
  auto statement = database_.connection().Prepare(
      "SELECT NULL, NULL, 0, 0 FROM actor_mention_scans WHERE document_id = ?1 "
      "UNION ALL SELECT m.paragraph_id, m.actor_id, p.ordinal, m.position "
      "FROM paragraphs p JOIN paragraph_actor_mentions m ON m.paragraph_id = p.id "
      "WHERE p.document_id = ?1 ORDER BY 3, 4");
  if (!statement) return Fail(statement.error());
  (*statement)->Bind(1, document.value);
  struct Row {
    std::int64_t paragraph, actor;
  };
  auto rows = CollectRows<Row>(**statement, [](const Statement& row) {
    return Row{row.IsNull(0) ? 0 : row.Int(0), row.IsNull(1) ? 0 : row.Int(1)};
  });
  if (!rows) return Fail(rows.error());
  if (rows->empty() || rows->front().paragraph != 0) {
    return std::optional<std::vector<ParagraphMentions>>();  // never scanned
  }
  std::vector<ParagraphMentions> out;
  for (const Row& row : *rows) {
    if (row.actor == 0) continue;
    if (out.empty() || out.back().paragraph.value != row.paragraph) {
      out.push_back({ParagraphId(row.paragraph), {}});
    }
    out.back().actors.push_back(ActorId(row.actor));
  }
  return std::optional(std::move(out));
}

}  // namespace nt::store

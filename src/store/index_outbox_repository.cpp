#include "store/index_outbox_repository.h"

#include "core/clock.h"
#include "store/row_readers.h"
#include "store/sqlite.h"

namespace nt::store {

Status IndexOutboxRepository::Enqueue(DocumentId document, OutboxAction action) {
  auto insert = database_.connection().Prepare(
      "INSERT INTO index_outbox (document_id, action, queued_at) VALUES (?1, ?2, ?3)");
  if (!insert) return Fail(insert.error());
  (*insert)
      ->Bind(1, document.value)
      .Bind(2, action == OutboxAction::kDelete ? "delete" : "index")
      .Bind(3, UtcTimestampNow());
  return (*insert)->Run();
}

Result<std::vector<OutboxEntry>> IndexOutboxRepository::Pending() {
  auto select = database_.connection().Prepare(
      "SELECT o.id, o.document_id, o.action FROM index_outbox o "
      "WHERE o.id = (SELECT max(id) FROM index_outbox WHERE document_id = o.document_id) "
      "ORDER BY o.id");
  if (!select) return Fail(select.error());
  return CollectRows<OutboxEntry>(**select, [](const Statement& row) {
    return OutboxEntry{row.Int(0), DocumentId(row.Int(1)),
                       row.Text(2) == "delete" ? OutboxAction::kDelete : OutboxAction::kIndex};
  });
}

Status IndexOutboxRepository::Clear(std::span<const OutboxEntry> entries) {
  return database_.InTransaction([&]() -> Status {
    for (const OutboxEntry& entry : entries) {
      auto remove = database_.connection().Prepare(
          "DELETE FROM index_outbox WHERE document_id = ?1 AND id <= ?2");
      if (!remove) return Fail(remove.error());
      (*remove)->Bind(1, entry.document_id.value).Bind(2, entry.id);
      NT_TRY((*remove)->Run());
    }
    return {};
  });
}

Result<int> IndexOutboxRepository::Count() {
  auto count =
      database_.connection().QueryInt("SELECT count(DISTINCT document_id) FROM index_outbox");
  if (!count) return Fail(count.error());
  return static_cast<int>(*count);
}

}  // namespace nt::store

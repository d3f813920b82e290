#pragma once
// The index outbox: documents whose search-index entries are out of date (migration 2).
//
// A writer calls Enqueue() inside the same transaction as the change to the document, so the
// row exists exactly when the change does; the indexer clears the row only after the index has
// committed (Clear with the id it read), so a change queued again meanwhile stays queued.
// Deleting a document queues a 'delete' row by trigger, whoever deletes it.
// Thread-safety: as the Database it wraps (one thread at a time).

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "core/error.h"
#include "core/ids.h"
#include "store/database.h"

namespace nt::store {

enum class OutboxAction { kIndex, kDelete };

struct OutboxEntry {
  std::int64_t id = 0;  // the newest row for the document
  DocumentId document_id;
  OutboxAction action = OutboxAction::kIndex;  // what the newest row asks for
};

class IndexOutboxRepository {
 public:
  explicit IndexOutboxRepository(Database& database) : database_(database) {}

  [[nodiscard]] Status Enqueue(DocumentId document, OutboxAction action);
  // One entry per document (its newest row), oldest first.
  [[nodiscard]] Result<std::vector<OutboxEntry>> Pending();
  // Removes, in one transaction, each entry's document's rows up to and including its `id`.
  [[nodiscard]] Status Clear(std::span<const OutboxEntry> entries);
  [[nodiscard]] Result<int> Count();

 private:
  Database& database_;
};

}  // namespace nt::store

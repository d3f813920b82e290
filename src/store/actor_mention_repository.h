#pragma once
// The actors each paragraph names, recorded when its document is stored (migration 3), so that
// the index reads them instead of matching the gazetteer against the text again.
// Thread-safety: as the Database it wraps (one thread at a time).

#include <optional>
#include <vector>

#include "core/error.h"
#include "core/ids.h"
#include "store/database.h"

namespace nt::store {

// The distinct actors one paragraph names, in the order it first names them.
struct ParagraphMentions {
  ParagraphId paragraph;
  std::vector<ActorId> actors;
};

class ActorMentionRepository {
 public:
  explicit ActorMentionRepository(Database& database) : database_(database) {}

  // Replaces what is recorded for the document's paragraphs with `mentions` (paragraphs not
  // listed name no one) and marks the document as scanned, in one transaction.
  [[nodiscard]] Status Record(DocumentId document, const std::vector<ParagraphMentions>& mentions);

  // What was recorded, by paragraph ordinal (paragraphs naming no one are left out), in one
  // query; nullopt when the document was never scanned (stored before migration 3, or imported
  // without the reference data).
  [[nodiscard]] Result<std::optional<std::vector<ParagraphMentions>>> ForDocument(
      DocumentId document);

 private:
  Database& database_;
};

}  // namespace nt::store

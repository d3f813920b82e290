#pragma once
// What the search index holds for one document, read from the store: its paragraphs and
// commitments with the actors (mentioned in the text, or bound by a commitment, with their
// parents), commitment types, related norms and follow-up statuses that the query fields filter
// on. The index upkeep writes it; the check compares its content hash with the index's record.
//
// A document costs a fixed number of queries, whatever its size. The actors a paragraph names
// are those the import recorded (store/actor_mention_repository.h); a document stored before
// they were recorded is matched against the gazetteer instead, with the same result.
//
// Thread-safety: as the Database it reads (one thread at a time).

#include "app/internal/reference_data.h"
#include "core/error.h"
#include "core/ids.h"
#include "search/index_types.h"
#include "store/database.h"

namespace nt::app {

class IndexAssembler {
 public:
  IndexAssembler(store::Database& database, const ReferenceData& reference)
      : database_(database), reference_(reference) {}

  // Errors: kNotFound for a document that is not stored; the store's errors.
  [[nodiscard]] Result<search::IndexDocument> Assemble(DocumentId document);

 private:
  store::Database& database_;
  const ReferenceData& reference_;
};

}  // namespace nt::app
